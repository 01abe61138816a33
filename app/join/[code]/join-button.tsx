"use client";
// Join through an invite link, then open the group in the chat app.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { api, ApiError } from "@/lib/client/api";

export function JoinButton({ code }: { code: string }) {
  const router = useRouter();
  const [joining, setJoining] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const join = async () => {
    setJoining(true);
    setError(null);
    try {
      const { conversation } = await api.joinInvite(code);
      router.push(`/?c=${encodeURIComponent(conversation.id)}`);
    } catch (err) {
      setJoining(false);
      setError(err instanceof ApiError ? err.message : "Couldn't join the group. Try again.");
    }
  };

  return (
    <>
      {error && (
        <p role="alert" className="mb-3 rounded-lg bg-panel-2 p-3 text-sm text-danger" data-testid="join-error">
          {error}
        </p>
      )}
      <button
        type="button"
        onClick={() => void join()}
        disabled={joining}
        className="inline-flex w-full items-center justify-center gap-2 rounded-full bg-accent px-4 py-2.5 font-semibold text-accent-fg transition hover:bg-accent-strong disabled:opacity-60"
        data-testid="join-invite"
      >
        {joining ? "Joining…" : "Join group"}
      </button>
    </>
  );
}
