// A local OpenID Connect provider standing in for Google in E2E runs (a Playwright webServer).
// The app's Google provider points at it through AUTH_GOOGLE_ISSUER; Auth.js then does the real
// authorization-code flow with PKCE against it: discovery, /authorize, /token, JWKS, id_token.
//
// Who signs in is decided per browser context: signInWithGoogle() sets the MOCK_IDENTITY_COOKIE
// on this provider's host (base64url JSON {email, name, sub?, emailVerified?}); /authorize binds
// the identity to the code it issues, and /token writes it into the tokens. Two contexts can sign
// in as two different users at the same time. `login_hint=<email>` works too (for manual use).
//
// Run: npx tsx e2e/support/oidc-provider.ts   (port: E2E_OIDC_PORT, default 3211)
import { createHash } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { OAuth2Server } from "oauth2-mock-server";
import { decodeIdentity, MOCK_IDENTITY_COOKIE, OIDC_ISSUER, OIDC_PORT, type MockIdentity } from "./env";

type Claims = { sub: string; email: string; email_verified: boolean; name: string; given_name: string };

function claimsFor(identity: MockIdentity): Claims {
  const email = identity.email.trim().toLowerCase();
  return {
    // Like Google's: stable per account, not the email itself.
    sub: identity.sub ?? `mock-${createHash("sha256").update(email).digest("hex").slice(0, 20)}`,
    email,
    email_verified: identity.emailVerified !== false,
    name: identity.name,
    given_name: identity.name.split(/\s+/)[0] ?? identity.name,
  };
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

function identityFromAuthorizeRequest(req: IncomingMessage): MockIdentity | undefined {
  const fromCookie = cookie(req, MOCK_IDENTITY_COOKIE);
  if (fromCookie) return decodeIdentity(fromCookie);
  const hint = new URL(req.url ?? "/", OIDC_ISSUER).searchParams.get("login_hint");
  if (hint) return { email: hint, name: hint.split("@")[0] ?? hint };
  return undefined;
}

const server = new OAuth2Server();
await server.issuer.keys.generate("RS256");

/** Authorization code → the claims of the user who "signed in" at /authorize. */
const claimsByCode = new Map<string, Claims>();
/** Access token → claims, for /userinfo. */
const claimsByAccessToken = new Map<string, Claims>();

server.service.on("beforeAuthorizeRedirect", ({ url }: { url: URL }, req: IncomingMessage) => {
  const code = url.searchParams.get("code");
  if (!code) return;
  const identity = identityFromAuthorizeRequest(req);
  if (!identity) {
    // Fail loudly rather than sign everyone in as the library's default "johndoe".
    url.searchParams.delete("code");
    url.searchParams.set("error", "access_denied");
    url.searchParams.set("error_description", `mock OIDC: no ${MOCK_IDENTITY_COOKIE} cookie or login_hint`);
    console.error(`[oidc-provider] /authorize without an identity (${MOCK_IDENTITY_COOKIE} cookie or login_hint)`);
    return;
  }
  claimsByCode.set(code, claimsFor(identity));
});

// Fires for the access token and for the id_token of one /token request.
server.service.on("beforeTokenSigning", (token: { payload: Record<string, unknown> }, req: { body?: { code?: string } }) => {
  const code = req.body?.code;
  const claims = code ? claimsByCode.get(code) : undefined;
  if (!claims) return;
  Object.assign(token.payload, claims);
});

server.service.on(
  "beforeResponse",
  (response: { body: unknown; statusCode: number }, req: { body?: { code?: string } }) => {
    const code = req.body?.code;
    const claims = code ? claimsByCode.get(code) : undefined;
    if (!code || !claims) return;
    claimsByCode.delete(code); // A code is good for one exchange.
    const body = response.body as { access_token?: unknown };
    if (typeof body.access_token === "string") claimsByAccessToken.set(body.access_token, claims);
  },
);

server.service.on("beforeUserinfo", (response: { body: unknown; statusCode: number }, req: IncomingMessage) => {
  const bearer = req.headers.authorization?.replace(/^Bearer\s+/i, "");
  const claims = bearer ? claimsByAccessToken.get(bearer) : undefined;
  if (claims) response.body = claims;
});

await server.start(OIDC_PORT, "127.0.0.1");
// Exactly the configured issuer: Auth.js compares `iss` with AUTH_GOOGLE_ISSUER.
server.issuer.url = OIDC_ISSUER;
console.log(`[oidc-provider] listening, issuer ${server.issuer.url}`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await server.stop().catch(() => undefined);
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
// Playwright gives its webServers a stdin pipe: EOF means the runner died without its teardown.
if (process.env.E2E_EXIT_ON_STDIN_CLOSE === "1" && !process.stdin.isTTY) {
  process.stdin.on("end", () => void stop());
  process.stdin.resume();
}
