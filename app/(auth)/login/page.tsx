import { redirect } from "next/navigation";
import { LocalSignInForm } from "@/components/auth/local-sign-in-form";
import { currentUser } from "@/lib/auth/current-user";
import { safeNextPath } from "@/lib/auth/next-path";
import { googleConfigured, localLoginEnabled } from "@/lib/env";
import { GoogleSignInForm } from "@/components/auth/google-sign-in-form";

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
        {google && <GoogleSignInForm next={next} />}
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
