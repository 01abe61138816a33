"use client";
// Creates the realtime client for a store and runs it while the component is mounted:
// connect → sync → resend the outbox, server events into the store, reconnect handling.
import { useEffect, useState } from "react";
import { api } from "./api";
import { createRealtimeClient, type RealtimeClient } from "./realtime";
import { createSocket } from "./socket";
import type { ChatStore } from "./store";

export function useRealtime(store: ChatStore): RealtimeClient {
  const [client] = useState(() =>
    createRealtimeClient({
      store,
      api,
      createSocket,
      storage: () => (typeof window !== "undefined" ? window.localStorage : undefined),
      window: typeof window !== "undefined" ? window : undefined,
      // A full page load on purpose: the session is gone and every piece of client state with it.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      onUnauthenticated: () => window.location.assign("/login"),
    }),
  );
  useEffect(() => {
    client.start();
    return () => client.stop();
  }, [client]);
  return client;
}
