import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, request, toClientError } from "./api";

describe("request", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  const answer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    vi.stubGlobal("fetch", async () => new Response(JSON.stringify(body), { status, headers }));
  const refusal = (path = "/api/v1/x") => request(path).then(() => null, (err: unknown) => err);

  it("keeps a rate limit's wait from the error body", async () => {
    answer(429, { error: { code: "RATE_LIMITED", message: "Too many requests. Try again in 3 s.", retryAfterSeconds: 3 } }, { "retry-after": "9" });
    const err = await refusal();
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: "RATE_LIMITED", status: 429, retryAfterSeconds: 3 });
  });

  it("falls back to the Retry-After header when the body names no wait", async () => {
    answer(503, { error: { code: "UNAVAILABLE", message: "Database unavailable, retrying" } }, { "retry-after": "1" });
    expect(await refusal()).toMatchObject({ code: "UNAVAILABLE", status: 503, retryAfterSeconds: 1 });
  });

  it("names no wait when neither does (or the header is not a number of seconds)", async () => {
    answer(403, { error: { code: "FORBIDDEN", message: "Not allowed" } });
    expect(await refusal()).toMatchObject({ code: "FORBIDDEN", retryAfterSeconds: undefined });
    answer(503, {}, { "retry-after": "Wed, 21 Oct 2015 07:28:00 GMT" });
    expect(await refusal()).toMatchObject({ code: "INTERNAL", retryAfterSeconds: undefined });
  });
});

describe("toClientError", () => {
  it("an ApiError gives its code, message and wait", () => {
    expect(toClientError(new ApiError("RATE_LIMITED", "Too many requests", 429, 3))).toEqual({ code: "RATE_LIMITED", message: "Too many requests", retryAfterSeconds: 3 });
    expect(toClientError(new ApiError("NETWORK", "You appear to be offline", 0))).toEqual({ code: "NETWORK", message: "You appear to be offline" });
  });

  it("anything else is an INTERNAL error (retried, not dropped)", () => {
    expect(toClientError(new Error("boom"))).toEqual({ code: "INTERNAL", message: "boom" });
    expect(toClientError("weird")).toEqual({ code: "INTERNAL", message: "Something went wrong" });
  });
});
