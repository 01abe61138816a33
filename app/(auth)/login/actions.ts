"use server";

import { headers } from "next/headers";
import { AuthError } from "next-auth";
import { attemptSignIn, type SignInResult } from "@/lib/auth/attempt-sign-in";
import { signIn } from "@/lib/auth/auth";
import { safeNextPath } from "@/lib/auth/next-path";
import { localSignInInput } from "@/lib/auth/local-sign-in";
import { clientIp } from "@/lib/rate-limit/limiters";

export type LocalSignInState = SignInResult & { fields?: { name: string; email: string } };

/** `next` (a hidden form field): where to land afterwards, e.g. back on an invite link. */
export async function signInWithGoogle(_prev: SignInResult, form: FormData): Promise<SignInResult> {
  return signInWith(() => signIn("google", { redirectTo: safeNextPath(form.get("next")) }));
}

export async function signInLocally(_prev: LocalSignInState, form: FormData): Promise<LocalSignInState> {
  const fields = { name: String(form.get("name") ?? ""), email: String(form.get("email") ?? "") };
  const parsed = localSignInInput.safeParse(fields);
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Check your details", fields };
  return { ...(await signInWith(() => signIn("local", { ...parsed.data, redirectTo: safeNextPath(form.get("next")) }))), fields };
}

/** Both forms' refusals, shown on the login page: ours (the sign-in limit), then Auth.js's. */
async function signInWith(signInNow: () => Promise<unknown>): Promise<SignInResult> {
  try {
    return await attemptSignIn(clientIp(await headers()), signInNow);
  } catch (err) {
    // A successful sign-in throws Next's redirect, which must propagate.
    if (err instanceof AuthError) return { error: "Sign-in failed. Please try again." };
    throw err;
  }
}
