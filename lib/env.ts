import { z } from "zod";

// The only reader of process.env. Everything else imports `env()`.

const boolFlag = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATA_DIR: z.string().default("./data"),
  DATABASE_URL: optionalString,
  /** Port of the embedded PostgreSQL wire server (PGlite); 0 picks a free one. */
  EMBEDDED_DB_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  /** Connections in this node's PostgreSQL pool (the embedded database always uses one). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /**
   * Message writes a node works on at once (waiting for or in a group commit); beyond it, sends
   * are refused fast with UNAVAILABLE.
   */
  MAX_INFLIGHT_SENDS: z.coerce.number().int().min(1).default(1024),
  /** How often a node deletes disappearing messages whose time has come. */
  MESSAGE_EXPIRY_SWEEP_MS: z.coerce.number().int().min(100).default(30_000),
  REDIS_URL: optionalString,
  /** Redis pub/sub channel prefix shared by the nodes of one deployment (isolates deployments or test runs on one Redis). */
  REDIS_CHANNEL: optionalString,
  AUTH_SECRET: optionalString,
  AUTH_URL: optionalString,
  AUTH_GOOGLE_ID: optionalString,
  AUTH_GOOGLE_SECRET: optionalString,
  AUTH_GOOGLE_ISSUER: optionalString,
  AUTH_LOCAL_LOGIN: boolFlag,
  ADMIN_EMAILS: optionalString.transform((v) =>
    (v ?? "")
      .split(",")
      .map((e) => e.trim().toLowerCase())
      .filter(Boolean),
  ),
  SESSION_MAX_AGE_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  UPLOADTHING_TOKEN: optionalString,
  UPLOAD_MAX_BYTES: z.coerce.number().int().min(1).default(25 * 1024 * 1024),
  /** Behind a reverse proxy: trust its X-Forwarded-For for client IPs (rate limits). */
  TRUST_PROXY: boolFlag,
  /** Messages (send/forward/edit/react) a user may send per 10 seconds. */
  RATE_LIMIT_MESSAGES: z.coerce.number().int().min(1).default(100),
  /** API requests per user per minute (uploads have their own, lower limit). */
  RATE_LIMIT_API: z.coerce.number().int().min(1).default(600),
  RATE_LIMIT_UPLOADS: z.coerce.number().int().min(1).default(30),
  /** Sign-in attempts per IP per 10 minutes. */
  RATE_LIMIT_SIGN_IN: z.coerce.number().int().min(1).default(30),
  /** Turns off link previews: the server then never fetches a page someone types a link to. */
  LINK_PREVIEWS_DISABLED: boolFlag,
  /**
   * host:port pairs (comma-separated) whose pages link previews may fetch although they are on a
   * private or loopback address: only for tests' local pages. Every other private address is refused.
   */
  LINK_PREVIEW_PRIVATE_HOSTS: optionalString.transform(
    (v) =>
      new Set(
        (v ?? "")
          .split(",")
          .map((h) => h.trim().toLowerCase())
          .filter(Boolean),
      ),
  ),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new Error(`Invalid environment: ${problems}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/** Tests change process.env between cases; production code never calls this. */
export function resetEnvForTests(): void {
  cached = undefined;
}

export const isProduction = () => env().NODE_ENV === "production";

export const googleConfigured = () => Boolean(env().AUTH_GOOGLE_ID && env().AUTH_GOOGLE_SECRET);

/** Local (passwordless) sign-in: the zero-config default, never on in production unless asked. */
export const localLoginEnabled = () =>
  env().AUTH_LOCAL_LOGIN || (!googleConfigured() && !isProduction());
