import { promises as dnsPromises } from "node:dns";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { BlockList, isIP, type LookupFunction } from "node:net";
import { Writable, type Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";
import { env } from "@/lib/env";

export class PublicFetchError extends Error {
  override name = "PublicFetchError";
}

export type FetchedResource = {
  /** The final URL, after redirects. */
  url: string;
  /** Lowercased, without parameters; "" when the server sent none. */
  contentType: string;
  /** From the Content-Type header, lowercased. */
  charset: string | null;
  body: Buffer;
  /** The body went on past maxBytes and was cut there ("truncate" only). */
  truncated: boolean;
};

export type PublicFetchOptions = {
  accept: string;
  /** Of the decompressed body. */
  maxBytes: number;
  /** Pages: keep the first maxBytes and stop reading. Images: a body past maxBytes is an error. */
  overflow: "truncate" | "fail";
  /** For the whole fetch: DNS, connections, redirects and body. */
  timeoutMs: number;
  maxRedirects?: number;
  /** Lowercased "host:port" entries fetched although private; defaults to env's LINK_PREVIEW_PRIVATE_HOSTS. */
  allowedPrivateHosts?: ReadonlySet<string>;
};

const NOT_PUBLIC = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  NOT_PUBLIC.addSubnet(net, prefix, "ipv4");
}
for (const [net, prefix] of [
  // Unspecified, loopback and the deprecated IPv4-compatible ::a.b.c.d.
  ["::", 96],
  ["64:ff9b::", 96],
  ["fc00::", 7],
  ["fe80::", 10],
  // Deprecated site-local: some stacks still route it locally.
  ["fec0::", 10],
  ["ff00::", 8],
  ["2001:db8::", 32],
] as const) {
  NOT_PUBLIC.addSubnet(net, prefix, "ipv6");
}

/** Whether an IP address is on the public internet. BlockList judges IPv4-mapped IPv6 by its IPv4 address. */
export function isPublicAddress(ip: string): boolean {
  const family = isIP(ip);
  if (family === 0) return false;
  return !NOT_PUBLIC.check(ip, family === 4 ? "ipv4" : "ipv6");
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const ALLOWED_PORTS = new Set([80, 443]);
const USER_AGENT = "Mozilla/5.0 (compatible; ConvoLinkPreview/1.0)";

type Vetted = { url: URL; host: string; port: number; address: string; family: number };

/**
 * GETs `url` from the public internet only: every hop's host must resolve to public addresses
 * alone, and the connection goes to the address vetted (so a second DNS answer cannot point it
 * elsewhere). Redirects are followed by hand, each one vetted like the first.
 */
export async function fetchPublic(url: string, opts: PublicFetchOptions): Promise<FetchedResource> {
  const allowed = opts.allowedPrivateHosts ?? env().LINK_PREVIEW_PRIVATE_HOSTS;
  const maxRedirects = opts.maxRedirects ?? 3;
  const timeout = new PublicFetchError(`timed out after ${opts.timeoutMs} ms`);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(timeout), opts.timeoutMs);
  const { signal } = controller;
  try {
    let current = parseUrl(url);
    for (let redirects = 0; ; redirects++) {
      const target = await vet(current, allowed, signal);
      const res = await get(target, opts.accept, signal);
      const status = res.statusCode ?? 0;
      const location = res.headers.location;
      if (REDIRECTS.has(status) && location) {
        res.destroy();
        if (redirects >= maxRedirects) throw new PublicFetchError(`more than ${maxRedirects} redirects`);
        current = parseUrl(location, current);
        continue;
      }
      if (status < 200 || status > 299) {
        res.destroy();
        throw new PublicFetchError(`${current.href} answered ${status}`);
      }
      return await readBody(res, current, opts, signal);
    }
  } catch (err) {
    if (signal.aborted) throw timeout;
    throw err instanceof PublicFetchError ? err : new PublicFetchError(`fetch failed: ${(err as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
}

function parseUrl(url: string, base?: URL): URL {
  try {
    return new URL(url, base);
  } catch {
    throw new PublicFetchError(`not a URL: ${url.slice(0, 200)}`);
  }
}

async function vet(url: URL, allowed: ReadonlySet<string>, signal: AbortSignal): Promise<Vetted> {
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new PublicFetchError(`scheme ${url.protocol} refused`);
  if (url.username || url.password) throw new PublicFetchError("credentials in the URL refused");
  const port = url.port ? Number(url.port) : url.protocol === "https:" ? 443 : 80;
  const isAllowed = allowed.has(`${url.hostname}:${port}`);
  if (!isAllowed && !ALLOWED_PORTS.has(port)) throw new PublicFetchError(`port ${port} refused`);
  // URL keeps IPv6 literals in brackets; DNS and sockets want them bare.
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  let addresses: { address: string; family: number }[];
  try {
    addresses = await abortable(dnsPromises.lookup(host, { all: true }), signal);
  } catch (err) {
    if (signal.aborted) throw err;
    throw new PublicFetchError(`could not resolve ${host}: ${(err as Error).message}`);
  }
  const first = addresses[0];
  if (!first) throw new PublicFetchError(`${host} has no address`);
  // Any private answer refuses the host: which one a connection would get is not ours to pick.
  const refused = addresses.find((a) => !isPublicAddress(a.address));
  if (refused && !isAllowed) throw new PublicFetchError(`${host} resolves to ${refused.address}, not a public address`);
  return { url, host, port, address: first.address, family: first.family };
}

function get(target: Vetted, accept: string, signal: AbortSignal): Promise<IncomingMessage> {
  // Hands the socket the vetted address, whatever it asks for (autoSelectFamily asks for all).
  const lookup: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const isHttps = target.url.protocol === "https:";
  return new Promise((resolve, reject) => {
    const req = (isHttps ? https : http).request({
      hostname: target.host,
      port: target.port,
      path: `${target.url.pathname}${target.url.search}`,
      method: "GET",
      headers: {
        accept,
        "accept-encoding": "gzip, deflate, br",
        "accept-language": "en",
        "user-agent": USER_AGENT,
      },
      lookup,
      // A fresh connection: a pooled socket might have been opened to an address not vetted here.
      agent: false,
      // TLS checks the certificate against the name (SNI takes no IP literals).
      ...(isHttps && isIP(target.host) === 0 ? { servername: target.host } : {}),
      signal,
    });
    req.once("response", resolve);
    req.once("error", reject);
    req.end();
  });
}

/** Thrown into the pipeline to stop reading once maxBytes are in ("truncate"). */
class ReadEnough extends Error {}

async function readBody(res: IncomingMessage, url: URL, opts: PublicFetchOptions, signal: AbortSignal): Promise<FetchedResource> {
  const [type = "", ...params] = (res.headers["content-type"] ?? "").split(";");
  const charsetParam = params.map((p) => p.trim().match(/^charset\s*=\s*"?([^";\s]*)/i)?.[1]).find(Boolean);
  const declared = Number(res.headers["content-length"] ?? Number.NaN);
  if (opts.overflow === "fail" && declared > opts.maxBytes) {
    res.destroy();
    throw new PublicFetchError(`Content-Length ${declared} is over ${opts.maxBytes} bytes`);
  }

  const encoding = (res.headers["content-encoding"] ?? "").trim().toLowerCase();
  const decoders = decoderFor(encoding);
  if (!decoders) {
    res.destroy();
    throw new PublicFetchError(`content encoding ${encoding} not supported`);
  }

  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      const room = opts.maxBytes - size;
      if (chunk.length <= room) {
        chunks.push(chunk);
        size += chunk.length;
        return done();
      }
      if (opts.overflow === "fail") return done(new PublicFetchError(`body is over ${opts.maxBytes} bytes`));
      chunks.push(chunk.subarray(0, room));
      size += room;
      truncated = true;
      done(new ReadEnough());
    },
  });
  try {
    // A failing pipeline destroys every stream in it, the response (and its socket) included.
    await pipeline([res, ...decoders, sink], { signal });
  } catch (err) {
    if (!(err instanceof ReadEnough)) throw err;
  }
  return {
    url: url.href,
    contentType: type.trim().toLowerCase(),
    charset: charsetParam?.toLowerCase() ?? null,
    body: Buffer.concat(chunks, size),
    truncated,
  };
}

function decoderFor(encoding: string): Transform[] | null {
  switch (encoding) {
    case "":
    case "identity":
      return [];
    case "gzip":
    case "x-gzip":
      return [zlib.createGunzip()];
    case "deflate":
      return [zlib.createInflate()];
    case "br":
      return [zlib.createBrotliDecompress()];
    default:
      return null;
  }
}

/** DNS lookups cannot be cancelled: stop waiting for one when the fetch runs out of time. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  signal.throwIfAborted();
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
