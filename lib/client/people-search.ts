"use client";
// The people search behind New chat, the member picker and Forward: debounced, the stale request
// aborted, and the people found remembered in the store (their names show elsewhere afterwards).
import { useEffect, useState } from "react";
import { ApiError } from "@/lib/client/api";
import { useChatStoreApi, useRealtimeClient } from "@/lib/client/context";
import { useDebounced } from "@/lib/client/hooks";
import type { UserSummary } from "@/lib/realtime/contract";

export type PeopleSearch =
  | { status: "idle" }
  | { status: "loading"; q: string }
  | { status: "done"; q: string; users: UserSummary[] }
  | { status: "error"; q: string; message: string };

type Settled = Extract<PeopleSearch, { status: "done" | "error" }>;

const DEBOUNCE_MS = 250;

export function usePeopleSearch(query: string): PeopleSearch {
  const client = useRealtimeClient();
  const store = useChatStoreApi();
  const q = useDebounced(query.trim(), DEBOUNCE_MS);
  const [settled, setSettled] = useState<Settled | null>(null);

  useEffect(() => {
    if (!q) return;
    const ctrl = new AbortController();
    client
      .searchUsers(q, ctrl.signal)
      .then(({ users }) => {
        store.getState().rememberUsers(users);
        setSettled({ status: "done", q, users });
      })
      .catch((err: unknown) => {
        if (ctrl.signal.aborted) return;
        setSettled({ status: "error", q, message: err instanceof ApiError ? err.message : "Search failed" });
      });
    return () => ctrl.abort();
  }, [q, client, store]);

  // Derived: idle without a query, loading until the answer for this exact query arrives.
  if (!q) return { status: "idle" };
  return settled?.q === q ? settled : { status: "loading", q };
}
