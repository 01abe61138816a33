"use client";

import { useActionState } from "react";
import { signInLocally, type LocalSignInState } from "@/app/(auth)/login/actions";

export function LocalSignInForm({ next = "/" }: { next?: string }) {
  const [state, action, pending] = useActionState<LocalSignInState, FormData>(signInLocally, {});
  return (
    <form action={action} className="flex flex-col gap-3" aria-describedby="local-login-note" noValidate>
      {next !== "/" && <input type="hidden" name="next" value={next} />}
      <label className="flex flex-col gap-1 text-sm font-medium">
        Your name
        <input
          name="name"
          autoComplete="name"
          required
          maxLength={60}
          defaultValue={state.fields?.name}
          className="rounded-lg border border-border bg-panel-2 px-3 py-2 text-base text-fg outline-none focus:border-accent"
        />
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium">
        Email
        <input
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={state.fields?.email}
          className="rounded-lg border border-border bg-panel-2 px-3 py-2 text-base text-fg outline-none focus:border-accent"
        />
      </label>
      {state.error && (
        <p role="alert" className="text-sm text-danger">
          {state.error}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="rounded-full bg-accent px-4 py-2.5 font-semibold text-accent-fg transition hover:bg-accent-strong disabled:opacity-60"
      >
        {pending ? "Signing in…" : "Continue"}
      </button>
      <p id="local-login-note" className="text-xs text-muted">
        Local-only sign-in: no password, meant for this machine or a trusted network. Anyone who can reach this
        server can sign in with any email.
      </p>
    </form>
  );
}
