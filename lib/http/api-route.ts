import { ZodError } from "zod";
import { userFromRequest } from "@/lib/auth/current-user";
import type { SessionUser } from "@/lib/auth/sessions";
import { contextFor, type Ctx } from "@/lib/context";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { env } from "@/lib/env";
import { AppError, RateLimited, toErrorBody, type ErrorBody } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { clientIp, consume } from "@/lib/rate-limit/limiters";
import { MAX_JSON_BYTES } from "@/lib/limits";
import { assertNoNulCharacters, assertNoNulInUrl } from "@/lib/validation";
import { loggedUrl } from "./logged-url";

type RouteOptions = {
  /**
   * The per-user limit the route counts against (by default `api`). Message writes say
   * `messages`: the limit their socket events count against, so a client can't double its
   * budget by switching transport.
   */
  limit?: "api" | "uploads" | "messages";
};

type Handler<P> = (args: { ctx: Ctx; user: SessionUser; req: Request; params: P }) => Promise<unknown>;

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function errorResponse(status: number, error: ErrorBody): Response {
  return Response.json({ error }, { status, headers: { "cache-control": "no-store" } });
}

/** Cross-site requests may not mutate: the Origin, when sent, must be this site's. */
function isSameOrigin(req: Request): boolean {
  const origin = req.headers.get("origin");
  if (!origin) return true;
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  const allowed = new Set([`http://${host}`, `https://${host}`]);
  const publicUrl = env().AUTH_URL;
  if (publicUrl) allowed.add(new URL(publicUrl).origin);
  return allowed.has(origin);
}

/**
 * The whole of an API route's plumbing: session, Origin check, error mapping. The handler only
 * calls one domain operation and returns its result as JSON.
 */
export function apiRoute<P = Record<string, never>>(handler: Handler<P>, options: RouteOptions = {}) {
  return async (req: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      if (MUTATING.has(req.method) && !isSameOrigin(req)) {
        return errorResponse(403, { code: "FORBIDDEN", message: "Cross-origin request refused" });
      }
      await consume("apiIp", clientIp(req.headers));
      assertNoNulInUrl(req.url);
      const user = await userFromRequest(req);
      if (!user) return errorResponse(401, { code: "UNAUTHENTICATED", message: "Sign in first" });
      await consume(options.limit ?? "api", user.id);
      const result = await handler({ ctx: contextFor(user), user, req, params: await context.params });
      if (result instanceof Response) return result;
      return Response.json(result ?? {}, { headers: { "cache-control": "no-store" } });
    } catch (err) {
      if (err instanceof ZodError) {
        return errorResponse(400, { code: "BAD_REQUEST", message: err.issues[0]?.message ?? "Invalid input" });
      }
      if (err instanceof AppError) {
        const res = errorResponse(err.status, toErrorBody(err));
        if (err instanceof RateLimited) res.headers.set("retry-after", String(err.retryAfterSeconds));
        return res;
      }
      if (isDatabaseUnavailable(err)) {
        logger.warn({ err: (err as Error).message, url: loggedUrl(req.url) }, "database unavailable");
        const res = errorResponse(503, { code: "UNAVAILABLE", message: "Database unavailable, retrying" });
        res.headers.set("retry-after", "1");
        return res;
      }
      logger.error({ err, url: loggedUrl(req.url) }, "api route failed");
      return errorResponse(500, toErrorBody(err));
    }
  };
}

/** The JSON object body: a 400 when it is not one, a 413 when it is larger than MAX_JSON_BYTES. */
export async function jsonBody(req: Request): Promise<Record<string, unknown>> {
  const text = await readCapped(req, MAX_JSON_BYTES);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "Body must be JSON");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new AppError("BAD_REQUEST", "Body must be a JSON object");
  }
  assertNoNulCharacters(body);
  return body as Record<string, unknown>;
}

/**
 * The body as text, refused before it is buffered when larger than `max`: by its Content-Length
 * when it declares one, else (chunked) as soon as the bytes read pass it.
 */
async function readCapped(req: Request, max: number): Promise<string> {
  const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", `Request body is larger than ${max / 1024} KB`);
  if (Number(req.headers.get("content-length")) > max) throw tooLarge();
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

export const searchParams = (req: Request) => Object.fromEntries(new URL(req.url).searchParams);
