// A local OpenID Connect provider standing in for Google in E2E runs (a Playwright webServer).
// The app's Google provider points at it through AUTH_GOOGLE_ISSUER; Auth.js then does the real
// authorization-code flow with PKCE against it: discovery, /authorize, /token, JWKS, id_token.
//
// Who signs in is decided per browser context: signInWithGoogle() sets the MOCK_IDENTITY_COOKIE
// on this provider's host (base64url JSON {email, name, sub?, emailVerified?}); /authorize binds
// the identity to the code it issues, and /token writes it into the tokens. Two contexts can sign
// in as two different users at the same time. `login_hint=<email>` works too (for manual use).
//
// Every account has a photo, as Google's do: `picture` is /picture/<sub>.png on this server, a
// square of a colour of its own, which the app copies into its storage at the first sign-in.
//
// It also stands in for a web site linked in chats: /articles/<slug> is a page with Open Graph
// tags (its image one of those squares), which the app fetches for link previews (the test server
// allows this host in LINK_PREVIEW_PRIVATE_HOSTS).
//
// Run: npx tsx e2e/support/oidc-provider.ts   (port: E2E_OIDC_PORT, default 3211)
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { OAuth2Issuer, OAuth2Service } from "oauth2-mock-server";
import sharp from "sharp";
import { decodeIdentity, MOCK_IDENTITY_COOKIE, OIDC_ISSUER, OIDC_PORT, type MockIdentity } from "./env";

type Claims = { sub: string; email: string; email_verified: boolean; name: string; given_name: string; picture: string };

function claimsFor(identity: MockIdentity): Claims {
  const email = identity.email.trim().toLowerCase();
  // Like Google's: stable per account, not the email itself.
  const sub = identity.sub ?? `mock-${createHash("sha256").update(email).digest("hex").slice(0, 20)}`;
  return {
    sub,
    email,
    email_verified: identity.emailVerified !== false,
    name: identity.name,
    given_name: identity.name.split(/\s+/)[0] ?? identity.name,
    picture: `${OIDC_ISSUER}/picture/${encodeURIComponent(sub)}.png`,
  };
}

/** GET /picture/<sub>.png: a 200×200 PNG whose colour comes from the account. */
async function servePicture(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const hash = createHash("sha256").update(req.url ?? "").digest();
  const png = await sharp({ create: { width: 200, height: 200, channels: 3, background: { r: hash[0]!, g: hash[1]!, b: hash[2]! } } })
    .png()
    .toBuffer();
  res.writeHead(200, { "content-type": "image/png", "content-length": png.length }).end(png);
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

const issuer = new OAuth2Issuer();
const service = new OAuth2Service(issuer);
await issuer.keys.generate("RS256");

/** Authorization code → the claims of the user who "signed in" at /authorize. */
const claimsByCode = new Map<string, Claims>();
/** Access token → claims, for /userinfo. */
const claimsByAccessToken = new Map<string, Claims>();

service.on("beforeAuthorizeRedirect", ({ url }: { url: URL }, req: IncomingMessage) => {
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
service.on("beforeTokenSigning", (token: { payload: Record<string, unknown> }, req: { body?: { code?: string } }) => {
  const code = req.body?.code;
  const claims = code ? claimsByCode.get(code) : undefined;
  if (!claims) return;
  Object.assign(token.payload, claims);
});

service.on(
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

service.on("beforeUserinfo", (response: { body: unknown; statusCode: number }, req: IncomingMessage) => {
  const bearer = req.headers.authorization?.replace(/^Bearer\s+/i, "");
  const claims = bearer ? claimsByAccessToken.get(bearer) : undefined;
  if (claims) response.body = claims;
});

/** GET /articles/<slug>: a news article's page, titled after its slug. */
function serveArticle(req: IncomingMessage, res: ServerResponse) {
  const slug = decodeURIComponent(req.url!.slice("/articles/".length)).replace(/[^a-z0-9-]/gi, "");
  const title = slug.replace(/-/g, " ");
  res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
  res.end(`<!doctype html><html><head><title>${title} | Daily Planet</title>
<meta property="og:title" content="${title}">
<meta property="og:description" content="Everything about ${title}, in one page.">
<meta property="og:site_name" content="Daily Planet">
<meta property="og:image" content="/picture/${slug}.png">
</head><body><h1>${title}</h1></body></html>`);
}

const server = createServer((req, res) => {
  if (req.method === "GET" && req.url?.startsWith("/articles/")) return serveArticle(req, res);
  if (req.method === "GET" && req.url?.startsWith("/picture/")) {
    servePicture(req, res).catch(() => res.writeHead(500).end());
    return;
  }
  void service.requestHandler(req, res);
});
await new Promise<void>((resolve) => server.listen(OIDC_PORT, "127.0.0.1", resolve));
// Exactly the configured issuer: Auth.js compares `iss` with AUTH_GOOGLE_ISSUER.
issuer.url = OIDC_ISSUER;
console.log(`[oidc-provider] listening, issuer ${issuer.url}`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
// Playwright gives its webServers a stdin pipe: EOF means the runner died without its teardown.
if (process.env.E2E_EXIT_ON_STDIN_CLOSE === "1" && !process.stdin.isTTY) {
  process.stdin.on("end", () => void stop());
  process.stdin.resume();
}
