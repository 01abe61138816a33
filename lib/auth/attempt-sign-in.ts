import { AppError } from "@/lib/errors";
import { consume } from "@/lib/rate-limit/limiters";

/** What a sign-in form shows after a refused attempt; a successful one never returns (it redirects). */
export type SignInResult = { error?: string };

/**
 * One sign-in attempt from `ip`, any provider, behind the sign-in limit. A refusal of ours (over
 * the limit) becomes the message the login page shows instead of an error page; anything else,
 * Next's redirect on success included, propagates.
 */
export async function attemptSignIn(ip: string, signIn: () => Promise<unknown>): Promise<SignInResult> {
  try {
    await consume("signIn", ip);
    await signIn();
    return {};
  } catch (err) {
    if (err instanceof AppError) return { error: err.message };
    throw err;
  }
}
