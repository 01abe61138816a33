import { redirect } from "next/navigation";
import { LocalSignInForm } from "@/components/auth/local-sign-in-form";
import { currentUser } from "@/lib/auth/current-user";
import { safeNextPath } from "@/lib/auth/next-path";
import { googleConfigured, localLoginEnabled } from "@/lib/env";
import { signInWithGoogle } from "./actions";

export const metadata = { title: "Sign in" };

const ERROR_TEXT: Record<string, string> = {
  AccessDenied: "That account can't sign in here.",
  Configuration: "Sign-in is not configured correctly on this server.",
  CredentialsSignin: "Sign-in failed. Check your details.",
};

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ error?: string; next?: string }> }) {
  const { error, next: nextParam } = await searchParams;
  // Back to where sign-in was asked for (an invite link), else home.
  const next = safeNextPath(nextParam);
  if (await currentUser()) redirect(next);
  const google = googleConfigured();
  const local = localLoginEnabled();

  return (
    <main className="flex min-h-full items-center justify-center bg-panel-2 p-4">
      <div className="w-full max-w-sm rounded-2xl bg-panel p-8 shadow-sm">
        <div className="mb-6 flex flex-col items-center gap-2 text-center">
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src="/icon.svg" alt="" width={56} height={56} />
          <h1 className="text-2xl font-semibold">Sign in to Convo</h1>
          <p className="text-sm text-muted">Chat with friends and groups in real time.</p>
        </div>
        {error && (
          <p role="alert" className="mb-4 rounded-lg bg-panel-2 p-3 text-sm text-danger">
            {ERROR_TEXT[error] ?? "Sign-in failed. Please try again."}
          </p>
        )}
        {google && (
          <form action={signInWithGoogle}>
            {next !== "/" && <input type="hidden" name="next" value={next} />}
            <button
              type="submit"
              className="flex w-full items-center justify-center gap-3 rounded-full border border-border bg-panel px-4 py-2.5 font-medium hover:bg-hover"
            >
              <GoogleMark />
              Continue with Google
            </button>
          </form>
        )}
        {google && local && (
          <div className="my-5 flex items-center gap-3 text-xs text-muted" aria-hidden="true">
            <span className="h-px flex-1 bg-border" /> or <span className="h-px flex-1 bg-border" />
          </div>
        )}
        {local && <LocalSignInForm next={next} />}
        {!google && !local && (
          <p role="alert" className="text-sm text-danger">
            No sign-in method is configured. Set AUTH_GOOGLE_ID and AUTH_GOOGLE_SECRET, or AUTH_LOCAL_LOGIN=true.
          </p>
        )}
      </div>
    </main>
  );
}

function GoogleMark() {
  return (
    <svg width="18" height="18" viewBox="0 0 48 48" aria-hidden="true">
      <path fill="#FFC107" d="M43.6 20.5H42V20H24v8h11.3C33.7 32.7 29.2 36 24 36c-6.6 0-12-5.4-12-12s5.4-12 12-12c3.1 0 5.8 1.2 7.9 3.1l5.7-5.7C34 6.1 29.3 4 24 4 12.9 4 4 12.9 4 24s8.9 20 20 20 20-8.9 20-20c0-1.3-.1-2.4-.4-3.5z" />
      <path fill="#FF3D00" d="M6.3 14.7l6.6 4.8C14.7 15.1 19 12 24 12c3.1 0 5.8 1.2 7.9 3.1l5.7-5.7C34 6.1 29.3 4 24 4 16.3 4 9.7 8.3 6.3 14.7z" />
      <path fill="#4CAF50" d="M24 44c5.2 0 9.9-2 13.4-5.2l-6.2-5.2C29.2 35.1 26.7 36 24 36c-5.2 0-9.6-3.3-11.3-8l-6.5 5C9.5 39.6 16.2 44 24 44z" />
      <path fill="#1976D2" d="M43.6 20.5H42V20H24v8h11.3c-.8 2.2-2.2 4.2-4.1 5.6l6.2 5.2C37 39.2 44 34 44 24c0-1.3-.1-2.4-.4-3.5z" />
    </svg>
  );
}
