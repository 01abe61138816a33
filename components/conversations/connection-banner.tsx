"use client";
// Shown at the top of the chat list while the realtime connection is down.
import { useEffect, useState } from "react";
import { OfflineIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import { useChat } from "@/lib/client/context";
import type { ConnectionState } from "@/lib/client/types";

/** "Connecting…" only after a short grace period, so a normal page load never flashes it. */
const GRACE_MS = 1_500;

export function ConnectionBanner() {
  const connection = useChat((s) => s.connection);
  const [graceOverFor, setGraceOverFor] = useState<ConnectionState | null>(null);

  useEffect(() => {
    if (connection === "connected") return;
    const h = setTimeout(() => setGraceOverFor(connection), GRACE_MS);
    return () => clearTimeout(h);
  }, [connection]);

  if (connection === "connected") return null;
  const offline = connection === "offline";
  if (!offline && graceOverFor !== connection) return null;

  return (
    <div
      role="status"
      data-testid="connection-banner"
      data-state={connection}
      className={`flex shrink-0 items-center gap-3 px-4 py-3 text-sm ${
        offline ? "bg-[#fff3c4] text-[#3b2f00] dark:bg-[#3a3217] dark:text-[#f3e3b0]" : "bg-panel-2 text-fg"
      }`}
    >
      <span
        className={`flex h-10 w-10 shrink-0 items-center justify-center rounded-full ${
          offline ? "bg-[#ffd279] text-[#3b2f00] dark:bg-[#6b5a22] dark:text-[#f3e3b0]" : "bg-panel"
        }`}
      >
        {offline ? <OfflineIcon size={20} /> : <Spinner size={20} />}
      </span>
      <span className="min-w-0">
        {offline ? (
          <>
            <span className="block font-medium">You&apos;re offline.</span>{" "}
            <span className="block">Messages will be sent when you&apos;re back online.</span>
          </>
        ) : (
          <span className="block font-medium">Connecting…</span>
        )}
      </span>
    </div>
  );
}
