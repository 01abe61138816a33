// Ports and URLs shared by playwright.config.ts, the support servers and the specs.
// Override the ports with E2E_APP_PORT / E2E_OIDC_PORT when they collide with something.
import os from "node:os";
import path from "node:path";

export const APP_PORT = Number(process.env.E2E_APP_PORT || 3210);
export const OIDC_PORT = Number(process.env.E2E_OIDC_PORT || 3211);

/** Browse through `localhost`, never 127.0.0.1: Next normalises 127.x to localhost in
 * request.url and the session cookie would be set for the other host after the callback. */
export const APP_URL = `http://localhost:${APP_PORT}`;

/** The stand-in for accounts.google.com (AUTH_GOOGLE_ISSUER). Exactly this string is the `iss`
 * of its tokens, and Auth.js compares it with the configured issuer byte for byte. */
export const OIDC_ISSUER = `http://127.0.0.1:${OIDC_PORT}`;

/** Where start-app leaves the test server's database URL, for the few specs that must move time on (e2e/support/db.ts). */
export const E2E_DATABASE_URL_FILE = path.join(os.tmpdir(), `convo-e2e-${APP_PORT}.database-url`);

/** The test server's UPLOAD_MAX_BYTES (20 MB, not the 25 MB default). */
export const E2E_UPLOAD_MAX_BYTES = 20 * 1024 * 1024;

/** Cookie (on the OIDC provider's host) that tells the provider who is "signing in at Google". */
export const MOCK_IDENTITY_COOKIE = "mock_oidc_identity";

export type MockIdentity = {
  email: string;
  name: string;
  /** Google's stable account id; derived from the email when omitted. */
  sub?: string;
  /** Defaults to true; false lets a test check that unverified Google emails are refused. */
  emailVerified?: boolean;
};

export function encodeIdentity(identity: MockIdentity): string {
  return Buffer.from(JSON.stringify(identity)).toString("base64url");
}

export function decodeIdentity(value: string): MockIdentity | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as Partial<MockIdentity>;
    if (typeof parsed.email !== "string" || typeof parsed.name !== "string") return undefined;
    return {
      email: parsed.email,
      name: parsed.name,
      sub: typeof parsed.sub === "string" ? parsed.sub : undefined,
      emailVerified: parsed.emailVerified !== false,
    };
  } catch {
    return undefined;
  }
}
