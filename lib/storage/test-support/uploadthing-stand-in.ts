import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import busboy from "busboy";

// A local stand-in for the three uploadthing services the server SDK (UTApi) talks to, so the
// uploadthing driver's wiring is tested without the internet:
//   ingest  PUT  /<fileKey>?expires&x-ut-*&signature   multipart upload of the bytes (presigned by the SDK)
//   ufs     GET  /a/<appId>/<fileKey|customId>?expires&signature   file read (signed by the SDK), Range aware
//   api     POST /v6/deleteFiles   { fileKeys } | { customIds }, header x-uploadthing-api-key
// It checks what the real service checks: the HMAC-SHA256 signatures (keyed with the token's
// apiKey), the expiry, the app id and the API key header.

export type StoredFile = { key: string; customId: string | null; name: string; type: string; bytes: Buffer };
export type SeenRequest = { method: string; path: string; status: number };

export type UploadThingStandIn = {
  /** An UPLOADTHING_TOKEN for this stand-in's app. */
  token: string;
  apiKey: string;
  appId: string;
  origin: string;
  /** The UTApi overrides that point the SDK here. */
  sdkOptions: { apiUrl: string; ingestUrl: string; ufsHost: string; ufsAppIdLocation: "path" };
  files: Map<string, StoredFile>;
  requests: SeenRequest[];
  /** When true, file reads ignore Range headers (like a server without range support). */
  ignoreRange: boolean;
  close(): Promise<void>;
};

export async function startUploadThingStandIn(): Promise<UploadThingStandIn> {
  const apiKey = `sk_test_${randomBytes(16).toString("hex")}`;
  const appId = `app${randomBytes(4).toString("hex")}`;
  const files = new Map<string, StoredFile>();
  const requests: SeenRequest[] = [];
  let origin = "";

  const state: UploadThingStandIn = {
    token: Buffer.from(JSON.stringify({ apiKey, appId, regions: ["local1"] })).toString("base64"),
    apiKey,
    appId,
    origin: "",
    sdkOptions: { apiUrl: "", ingestUrl: "", ufsHost: "", ufsAppIdLocation: "path" },
    files,
    requests,
    ignoreRange: false,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", origin);
    const send = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
      requests.push({ method: req.method ?? "", path: url.pathname, status });
      if (body === undefined || Buffer.isBuffer(body)) {
        res.writeHead(status, headers).end(body);
      } else {
        res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
      }
    };
    void handle(req, res, url, send).catch((err) => send(500, { error: String(err) }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse, url: URL, send: (status: number, body?: unknown, headers?: Record<string, string>) => void) {
    // --- api: delete
    if (req.method === "POST" && url.pathname === "/v6/deleteFiles") {
      if (req.headers["x-uploadthing-api-key"] !== apiKey) return send(401, { error: "Invalid API key" });
      const body = JSON.parse((await readAll(req)).toString("utf8")) as { fileKeys?: string[]; customIds?: string[] };
      let deletedCount = 0;
      for (const file of [...files.values()]) {
        if (body.fileKeys?.includes(file.key) || (file.customId && body.customIds?.includes(file.customId))) {
          files.delete(file.key);
          deletedCount++;
        }
      }
      return send(200, { success: true, deletedCount });
    }

    // --- ufs: signed file read
    const read = /^\/a\/([^/]+)\/([^/]+)$/.exec(url.pathname);
    if (req.method === "GET" && read) {
      if (read[1] !== appId || !validSignature(url)) return send(403, { error: "Invalid signature" });
      const id = decodeURIComponent(read[2]!);
      const file = files.get(id) ?? [...files.values()].find((f) => f.customId === id);
      if (!file) return send(404, { error: "Not found" });
      const total = file.bytes.length;
      const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? "");
      if (range && !state.ignoreRange) {
        const start = Number(range[1]);
        const end = range[2] ? Math.min(Number(range[2]), total - 1) : total - 1;
        if (start >= total || end < start) return send(416, undefined, { "content-range": `bytes */${total}` });
        return send(206, file.bytes.subarray(start, end + 1), {
          "content-type": file.type,
          "content-range": `bytes ${start}-${end}/${total}`,
          "content-length": String(end - start + 1),
        });
      }
      return send(200, file.bytes, { "content-type": file.type, "content-length": String(total) });
    }

    // --- ingest: presigned upload
    const ingest = /^\/([A-Za-z0-9]+)$/.exec(url.pathname);
    if (req.method === "PUT" && ingest) {
      if (!validSignature(url)) return send(403, { error: "Invalid signature" });
      if (param(url, "x-ut-identifier") !== appId) return send(403, { error: "Wrong app" });
      const key = ingest[1]!;
      const bytes = await readMultipartFile(req);
      const declaredSize = Number(param(url, "x-ut-file-size"));
      if (declaredSize !== bytes.length) return send(400, { error: `Size mismatch: ${declaredSize} != ${bytes.length}` });
      const customId = param(url, "x-ut-custom-id") ?? null;
      if (customId && [...files.values()].some((f) => f.customId === customId)) return send(409, { error: "customId taken" });
      files.set(key, { key, customId, name: param(url, "x-ut-file-name") ?? "", type: param(url, "x-ut-file-type") ?? "", bytes });
      const ufsUrl = `${origin}/a/${appId}/${key}`;
      return send(200, { url: ufsUrl, appUrl: ufsUrl, ufsUrl, fileHash: createHash("md5").update(bytes).digest("hex") });
    }

    return send(404, { error: `No route for ${req.method} ${url.pathname}` });
  }

  /** The SDK signs the full URL (before `&signature=` is appended) with HMAC-SHA256(apiKey). */
  function validSignature(url: URL): boolean {
    const href = url.href;
    const at = href.indexOf("&signature=");
    if (at < 0) return false;
    const signature = decodeURIComponent(href.slice(at + "&signature=".length));
    const expected = `hmac-sha256=${createHmac("sha256", apiKey).update(href.slice(0, at)).digest("hex")}`;
    const expires = Number(url.searchParams.get("expires"));
    return (
      signature.length === expected.length &&
      timingSafeEqual(Buffer.from(signature), Buffer.from(expected)) &&
      Number.isFinite(expires) &&
      expires > Date.now()
    );
  }

  await new Promise<void>((resolve) => server.listen(0, "localhost", resolve));
  const { port } = server.address() as AddressInfo;
  // "localhost" (not 127.0.0.1): the SDK only uses http for a ufsHost that contains "local".
  origin = `http://localhost:${port}`;
  state.origin = origin;
  state.sdkOptions = { apiUrl: origin, ingestUrl: origin, ufsHost: `localhost:${port}`, ufsAppIdLocation: "path" };
  return state;
}

/** The SDK encodes each x-ut-* value with encodeURIComponent before adding it as a query param. */
function param(url: URL, name: string): string | undefined {
  const raw = url.searchParams.get(name);
  return raw === null ? undefined : decodeURIComponent(raw);
}

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function readMultipartFile(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parser = busboy({ headers: req.headers });
    let file: Promise<Buffer> | undefined;
    parser.on("file", (_name, stream) => {
      const chunks: Buffer[] = [];
      file = new Promise((done, fail) => {
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => done(Buffer.concat(chunks)));
        stream.on("error", fail);
      });
    });
    parser.on("close", () => (file ? file.then(resolve, reject) : reject(new Error("no file part"))));
    parser.on("error", reject);
    req.pipe(parser);
  });
}
