import NextAuth, { type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import Google from "next-auth/providers/google";
import { contextFor } from "@/lib/context";
import { db } from "@/lib/db/client";
import { env, googleConfigured, localLoginEnabled } from "@/lib/env";
import { autoJoinGroups } from "@/lib/groups/auto-join";
import { logger } from "@/lib/logger";
import { clientIp, consume } from "@/lib/rate-limit/limiters";
import { getIo } from "@/lib/realtime/io-registry";
import { importProviderPhoto } from "@/lib/users/provider-photo";
import { signInUser } from "@/lib/users/sign-in-user";
import { localSignInInput } from "./local-sign-in";
import { resolveAuthSecret } from "./secret";
import { createSession, revokeSession } from "./sessions";

function buildConfig(): NextAuthConfig {
  const e = env();
  const providers: NextAuthConfig["providers"] = [];
  if (googleConfigured()) {
    providers.push(
      Google({
        clientId: e.AUTH_GOOGLE_ID,
        clientSecret: e.AUTH_GOOGLE_SECRET,
        // Tests point this at a local OIDC provider; discovery, token and JWKS follow it.
        ...(e.AUTH_GOOGLE_ISSUER ? { issuer: e.AUTH_GOOGLE_ISSUER } : {}),
      }),
    );
  }
  if (localLoginEnabled()) {
    providers.push(
      Credentials({
        id: "local",
        name: "Local sign-in",
        credentials: { name: { label: "Name" }, email: { label: "Email" } },
        async authorize(raw, request) {
          // Also limits scripts that post to the callback directly, bypassing the login form.
          const allowed = await consume("signIn", `callback:${clientIp(request.headers)}`).then(() => true, () => false);
          if (!allowed) return null;
          const parsed = localSignInInput.safeParse(raw);
          if (!parsed.success) return null;
          return { id: parsed.data.email, email: parsed.data.email, name: parsed.data.name };
        },
      }),
    );
  }

  return {
    secret: resolveAuthSecret(),
    trustHost: true,
    providers,
    session: { strategy: "jwt", maxAge: e.SESSION_MAX_AGE_DAYS * 86_400 },
    pages: { signIn: "/login", error: "/login" },
    logger: {
      error: (error) => logger.warn({ err: error }, "auth error"),
      warn: (code) => logger.debug({ code }, "auth warning"),
    },
    callbacks: {
      signIn({ account, profile }) {
        // Google marks unverified addresses; linking by email is only safe for verified ones.
        if (account?.provider === "google" && profile?.email_verified === false) return false;
        return true;
      },
      async jwt({ token, account, user, profile }) {
        if (!account) return token; // Not a sign-in: keep the token as issued.
        const email = (profile?.email ?? user?.email ?? "").toString();
        const name = (profile?.name ?? user?.name ?? "").toString();
        const signedIn = await signInUser(
          db(),
          {
            provider: account.provider,
            providerAccountId: account.providerAccountId,
            email,
            name,
          },
          e.ADMIN_EMAILS,
        );
        if (signedIn.isNew) await autoJoinGroups(contextFor(signedIn));
        // In the background: the sign-in doesn't wait for Google's photo server; the picture
        // reaches the user's tabs (and everyone's) as a profile update when it is copied.
        if (signedIn.wantsProviderPhoto && profile?.picture) void importProviderPhoto(contextFor(signedIn), profile.picture);
        const session = await createSession(db(), signedIn.id, e.SESSION_MAX_AGE_DAYS);
        logger.info({ userId: signedIn.id, provider: account.provider, isNew: signedIn.isNew }, "signed in");
        // Only our ids travel in the token; everything else is read from the database.
        return { uid: signedIn.id, sid: session.id, sub: signedIn.id };
      },
    },
    events: {
      async signOut(message) {
        const sid = "token" in message ? message.token?.sid : undefined;
        if (typeof sid !== "string") return;
        await revokeSession(db(), sid);
        getIo()?.in(`session:${sid}`).disconnectSockets(true);
      },
    },
  };
}

export const { handlers, signIn, signOut } = NextAuth(() => buildConfig());
