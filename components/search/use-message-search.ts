"use client";
// Full-text message search as the user types: debounced, at least 2 characters, one request
// at a time (a newer query aborts the older one). While a new answer is on its way the previous
// hits stay (no flicker), marked as loading.
import { useEffect, useState } from "react";
import { ApiError } from "@/lib/client/api";
import { useDebounced } from "@/lib/client/hooks";
import { profileApi, type SearchHit } from "@/lib/client/profile";

export const MIN_SEARCH_LENGTH = 2;

export type MessageSearch = {
  status: "idle" | "loading" | "done" | "error";
  /** The query the hits belong to. */
  q: string;
  hits: SearchHit[];
  error: string | null;
};

type Answer = { key: string; q: string; hits: SearchHit[]; error: string | null };

export function useMessageSearch(query: string, conversationId?: string, delayMs = 300): MessageSearch {
  const trimmed = query.trim();
  const debounced = useDebounced(trimmed, delayMs);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const scope = conversationId ?? "";
  const active = debounced.length >= MIN_SEARCH_LENGTH;

  useEffect(() => {
    if (!active) return;
    const ctrl = new AbortController();
    const key = `${scope}\u0000${debounced}`;
    profileApi
      .search(debounced, { conversationId: scope || undefined, signal: ctrl.signal })
      .then(({ hits }) => setAnswer({ key, q: debounced, hits, error: null }))
      .catch((err: unknown) => {
        if (ctrl.signal.aborted) return;
        setAnswer({ key, q: debounced, hits: [], error: err instanceof ApiError ? err.message : "Search failed" });
      });
    return () => ctrl.abort();
  }, [active, debounced, scope]);

  if (trimmed.length < MIN_SEARCH_LENGTH) return { status: "idle", q: trimmed, hits: [], error: null };
  const sameScope = answer?.key.startsWith(`${scope}\u0000`) ?? false;
  if (answer && sameScope && answer.key === `${scope}\u0000${trimmed}`) {
    return { status: answer.error ? "error" : "done", q: answer.q, hits: answer.hits, error: answer.error };
  }
  return { status: "loading", q: trimmed, hits: answer && sameScope ? answer.hits : [], error: null };
}
