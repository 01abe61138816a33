import dns from "node:dns";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fetchPublic, isPublicAddress, PublicFetchError, type PublicFetchOptions } from "@/lib/http/public-fetch";

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
type Local = { origin: string; hostPort: string; port: number; requests: IncomingMessage[] };

const servers: { server: Server; sockets: Set<Socket> }[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const { server, sockets } of servers.splice(0)) {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A server on 127.0.0.1 at a free port; `requests` records what reached it. */
async function serve(handler: Handler): Promise<Local> {
  const requests: IncomingMessage[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    requests.push(req);
    handler(req, res);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  servers.push({ server, sockets });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, hostPort: `127.0.0.1:${port}`, port, requests };
}

const opts = (allowed: Local[] = [], more: Partial<PublicFetchOptions> = {}): PublicFetchOptions => ({
  accept: "text/html",
  maxBytes: 1000,
  overflow: "truncate",
  timeoutMs: 5000,
  allowedPrivateHosts: new Set(allowed.map((s) => s.hostPort)),
  ...more,
});

const text = (body: string | Buffer, headers: Record<string, string> = {}): Handler => (_req, res) => {
  res.writeHead(200, { "content-type": "text/html; charset=UTF-8", ...headers });
  res.end(body);
};

async function refusal(promise: Promise<unknown>): Promise<string> {
  const err = await promise.then(
    () => {
      throw new Error("expected a refusal");
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PublicFetchError);
  return (err as PublicFetchError).message;
}

describe("isPublicAddress", () => {
  it.each(["8.8.8.8", "1.1.1.1", "2606:4700::1", "2a00:1450:4001::200e", "::ffff:8.8.8.8"])("%s is public", (ip) => {
    expect(isPublicAddress(ip)).toBe(true);
  });

  it.each([
    "0.0.0.0",
    "10.1.2.3",
    "100.64.0.1",
    "100.127.255.254",
    "127.0.0.1",
    "127.255.0.9",
    "169.254.169.254",
    "172.16.0.1",
    "172.31.255.255",
    "192.0.0.8",
    "192.0.2.1",
    "192.168.1.1",
    "198.18.0.1",
    "198.19.255.255",
    "198.51.100.7",
    "203.0.113.9",
    "224.0.0.1",
    "239.255.255.250",
    "240.0.0.1",
    "255.255.255.255",
    "::",
    "::1",
    "fc00::1",
    "fd12:3456::1",
    "fe80::1",
    "ff02::1",
    "2001:db8::1",
    "64:ff9b::7f00:1",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "::ffff:10.0.0.1",
    "not an ip",
  ])("%s is not public", (ip) => {
    expect(isPublicAddress(ip)).toBe(false);
  });

  it("keeps neighbours of private ranges public", () => {
    for (const ip of ["100.63.255.255", "100.128.0.0", "172.15.255.255", "172.32.0.0", "198.17.255.255", "198.20.0.0", "223.255.255.255"]) {
      expect(isPublicAddress(ip), ip).toBe(true);
    }
  });
});

describe("fetchPublic", () => {
  it("refuses a loopback server unless its host:port is allowed, and sends our headers", async () => {
    const local = await serve(text("<title>hi</title>"));
    // Its port alone refuses it; with port 80 its address would (see below).
    expect(await refusal(fetchPublic(`${local.origin}/`, opts()))).toMatch(/port \d+ refused/);
    expect(local.requests).toHaveLength(0);

    const page = await fetchPublic(`${local.origin}/page?q=1`, opts([local]));
    expect(page).toEqual({ url: `${local.origin}/page?q=1`, contentType: "text/html", charset: "utf-8", body: Buffer.from("<title>hi</title>"), truncated: false });
    expect(local.requests[0]?.url).toBe("/page?q=1");
    expect(local.requests[0]?.headers).toMatchObject({
      accept: "text/html",
      "accept-encoding": "gzip, deflate, br",
      "accept-language": "en",
      "user-agent": "Mozilla/5.0 (compatible; ConvoLinkPreview/1.0)",
    });
  });

  it("refuses IPv6 and IPv4-mapped loopback literals and a name that resolves to loopback", async () => {
    expect(await refusal(fetchPublic("http://[::1]/", opts()))).toMatch(/not a public address/);
    expect(await refusal(fetchPublic("https://[::ffff:127.0.0.1]/", opts()))).toMatch(/not a public address/);
    expect(await refusal(fetchPublic("http://localhost/", opts()))).toMatch(/not a public address/);
  });

  it("refuses a name when any of its addresses is private", async () => {
    vi.spyOn(dns.promises, "lookup").mockResolvedValue([
      { address: "93.184.215.14", family: 4 },
      { address: "10.0.0.5", family: 4 },
    ] as never);
    expect(await refusal(fetchPublic("http://mixed.invalid/", opts()))).toMatch(/10\.0\.0\.5, not a public address/);
  });

  it("connects to the address it vetted, not to a second DNS answer", async () => {
    const local = await serve(text("pinned"));
    // Only our own lookup knows this name: a connection that resolved it again would fail.
    const lookup = vi.spyOn(dns.promises, "lookup").mockResolvedValue([{ address: "127.0.0.1", family: 4 }] as never);
    const allowed = new Set([`pinned.invalid:${local.port}`]);
    const page = await fetchPublic(`http://pinned.invalid:${local.port}/`, opts([], { allowedPrivateHosts: allowed }));
    expect(page.body.toString()).toBe("pinned");
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(local.requests[0]?.headers.host).toBe(`pinned.invalid:${local.port}`);
  });

  it("vets every redirect hop: an allowed host cannot send us to one that is not", async () => {
    const hidden = await serve(text("secret"));
    const allowed = await serve((req, res) => res.writeHead(302, { location: req.url === "/name" ? "http://localhost/admin" : `${hidden.origin}/admin` }).end());
    expect(await refusal(fetchPublic(`${allowed.origin}/`, opts([allowed])))).toMatch(`port ${hidden.port} refused`);
    expect(hidden.requests).toHaveLength(0);
    expect(await refusal(fetchPublic(`${allowed.origin}/name`, opts([allowed])))).toMatch(/localhost resolves to .*not a public address/);
  });

  it("follows redirects (relative ones too) up to maxRedirects and reports the final URL", async () => {
    // /hop/N redirects to /hop/N-1; /hop/0 answers.
    const local = await serve((req, res) => {
      const n = Number(req.url?.split("/")[2]);
      if (n > 0) res.writeHead(n % 2 ? 301 : 307, { location: `/hop/${n - 1}` }).end("moved");
      else text("arrived")(req, res);
    });
    const page = await fetchPublic(`${local.origin}/hop/2`, opts([local], { maxRedirects: 2 }));
    expect(page.url).toBe(`${local.origin}/hop/0`);
    expect(page.body.toString()).toBe("arrived");

    expect(await refusal(fetchPublic(`${local.origin}/hop/3`, opts([local], { maxRedirects: 2 })))).toMatch(/more than 2 redirects/);
    expect(await refusal(fetchPublic(`${local.origin}/hop/4`, opts([local])))).toMatch(/more than 3 redirects/);
    expect((await fetchPublic(`${local.origin}/hop/3`, opts([local]))).url).toBe(`${local.origin}/hop/0`);
  });

  it("refuses error statuses", async () => {
    const local = await serve((_req, res) => res.writeHead(500).end("oops"));
    expect(await refusal(fetchPublic(`${local.origin}/`, opts([local])))).toMatch(/answered 500/);
  });

  it("keeps the first maxBytes of a long page and stops reading", async () => {
    const body = Buffer.alloc(50_000, "a");
    body.write("START", 0);
    const local = await serve(text(body));
    const page = await fetchPublic(`${local.origin}/`, opts([local], { maxBytes: 1000 }));
    expect(page.truncated).toBe(true);
    // Buffer#equals: toEqual compares big buffers byte by byte, slowly.
    expect(page.body.equals(body.subarray(0, 1000))).toBe(true);

    const exact = await fetchPublic(`${local.origin}/`, opts([local], { maxBytes: 50_000 }));
    expect(exact.truncated).toBe(false);
    expect(exact.body.equals(body)).toBe(true);
  });

  it("refuses a too-big body in fail mode, declared or not", async () => {
    // Declares more than allowed, then stalls: only the declared length can refuse it in time.
    const declared = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "image/png", "content-length": "2000" });
      res.write(Buffer.alloc(10));
    });
    expect(await refusal(fetchPublic(`${declared.origin}/`, opts([declared], { overflow: "fail", maxBytes: 1000 })))).toMatch(/Content-Length 2000/);

    const chunked = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "image/png" });
      res.write(Buffer.alloc(600));
      res.end(Buffer.alloc(600));
    });
    expect(await refusal(fetchPublic(`${chunked.origin}/`, opts([chunked], { overflow: "fail", maxBytes: 1000 })))).toMatch(/over 1000 bytes/);
    const fits = await fetchPublic(`${chunked.origin}/`, opts([chunked], { overflow: "fail", maxBytes: 1200 }));
    expect(fits.body).toHaveLength(1200);
    expect(fits.contentType).toBe("image/png");
    expect(fits.charset).toBeNull();
  });

  it("decompresses gzip and brotli bodies", async () => {
    const html = "<html><head><title>zipped</title></head></html>".repeat(10);
    const gz = await serve(text(gzipSync(html), { "content-encoding": "gzip" }));
    expect((await fetchPublic(`${gz.origin}/`, opts([gz]))).body.toString()).toBe(html);
    const br = await serve(text(brotliCompressSync(html), { "content-encoding": "br" }));
    expect((await fetchPublic(`${br.origin}/`, opts([br]))).body.toString()).toBe(html);
  });

  it("stops a gzip bomb at maxBytes of decompressed body", async () => {
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024));
    const local = await serve(text(bomb, { "content-encoding": "gzip", "content-length": String(bomb.length) }));
    const page = await fetchPublic(`${local.origin}/`, opts([local], { maxBytes: 100_000 }));
    expect(page.truncated).toBe(true);
    expect(page.body).toHaveLength(100_000);
    // The compressed size is under maxBytes: only the decompressed count catches it.
    expect(bomb.length).toBeLessThan(100_000);
    expect(await refusal(fetchPublic(`${local.origin}/`, opts([local], { maxBytes: 100_000, overflow: "fail" })))).toMatch(/over 100000 bytes/);
  });

  it("gives up after timeoutMs, whether headers or body are slow", async () => {
    const silent = await serve(() => undefined);
    let started = Date.now();
    expect(await refusal(fetchPublic(`${silent.origin}/`, opts([silent], { timeoutMs: 300 })))).toMatch(/timed out after 300 ms/);
    expect(Date.now() - started).toBeLessThan(2000);

    const trickle = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.write("<html>");
    });
    started = Date.now();
    expect(await refusal(fetchPublic(`${trickle.origin}/`, opts([trickle], { timeoutMs: 300 })))).toMatch(/timed out after 300 ms/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("refuses other schemes, credentials and ports before any connection", async () => {
    const lookup = vi.spyOn(dns.promises, "lookup");
    expect(await refusal(fetchPublic("ftp://8.8.8.8/file", opts()))).toMatch(/scheme ftp: refused/);
    expect(await refusal(fetchPublic("file:///etc/passwd", opts()))).toMatch(/scheme file: refused/);
    expect(await refusal(fetchPublic("http://user:pass@8.8.8.8/", opts()))).toMatch(/credentials/);
    expect(await refusal(fetchPublic("http://8.8.8.8:22/", opts()))).toMatch(/port 22 refused/);
    expect(await refusal(fetchPublic("not a url", opts()))).toMatch(/not a URL/);
    expect(lookup).not.toHaveBeenCalled();
  });
});
