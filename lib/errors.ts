// Domain errors carry a stable code; transports map them (HTTP status, socket ack error).

export type ErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "GONE"
  | "PAYLOAD_TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "RATE_LIMITED"
  | "UNAVAILABLE"
  | "INTERNAL";

const statusByCode: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  GONE: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

/** What a client may act on beyond the code: a refusal that makes a chat read-only. */
export type ErrorReason = "GROUP_ARCHIVED" | "ONLY_ADMINS_SEND";

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly reason?: ErrorReason,
  ) {
    // An AppError is an answer to the caller, not a bug: its stack is never read. Capturing one
    // costs microseconds, and an overloaded node refuses thousands of sends a second.
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = stackTraceLimit;
    this.name = "AppError";
  }

  get status(): number {
    return statusByCode[this.code];
  }
}

/** Over a rate limit, until the limit lets the next one through in `retryAfterSeconds`. */
export class RateLimited extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super("RATE_LIMITED", `Too many requests. Try again in ${retryAfterSeconds} s.`);
  }
}

export const notFound = (what = "Not found") => new AppError("NOT_FOUND", what);
export const forbidden = (why = "Not allowed") => new AppError("FORBIDDEN", why);
export const badRequest = (why: string) => new AppError("BAD_REQUEST", why);

/** Shape of every error a client sees, over HTTP and socket acks alike. */
export type ErrorBody = { code: ErrorCode; message: string; reason?: ErrorReason; retryAfterSeconds?: number };

export function toErrorBody(err: unknown): ErrorBody {
  // A rate limit says when to come back: HTTP also as Retry-After, socket acks only here.
  if (err instanceof RateLimited) return { code: err.code, message: err.message, retryAfterSeconds: err.retryAfterSeconds };
  if (err instanceof AppError) return err.reason ? { code: err.code, message: err.message, reason: err.reason } : { code: err.code, message: err.message };
  return { code: "INTERNAL", message: "Something went wrong" };
}
