"use server";

import { headers } from "next/headers";
import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth/auth";
import { safeNextPath } from "@/lib/auth/next-path";
import { localSignInInput } from "@/lib/auth/local-sign-in";
import { AppError } from "@/lib/errors";
import { clientIp, consume } from "@/lib/rate-limit/limiters";

export type LocalSignInState = { error?: string; fields?: { name: string; email: string } };

/** `next` (a hidden form field): where to land afterwards, e.g. back on an invite link. */
export async function signInWithGoogle(form?: FormData): Promise<void> {
  await consume("signIn", clientIp(await headers()));
  await signIn("google", { redirectTo: safeNextPath(form?.get("next")) });
}

export async function signInLocally(_prev: LocalSignInState, form: FormData): Promise<LocalSignInState> {
  const fields = { name: String(form.get("name") ?? ""), email: String(form.get("email") ?? "") };
  const parsed = localSignInInput.safeParse(fields);
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Check your details", fields };
  try {
    await consume("signIn", clientIp(await headers()));
    await signIn("local", { ...parsed.data, redirectTo: safeNextPath(form.get("next")) });
    return {};
  } catch (err) {
    // A successful sign-in throws Next's redirect, which must propagate.
    if (err instanceof AuthError) return { error: "Sign-in failed. Please try again.", fields };
    if (err instanceof AppError) return { error: err.message, fields };
    throw err;
  }
}
