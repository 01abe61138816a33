"use client";
// The words of a SYSTEM message ("Ana added you"), with "You" for me.
import { useChat } from "@/lib/client/context";
import { systemText } from "@/lib/client/system";
import type { SystemEvent } from "@/lib/realtime/contract";

export function SystemText({ system, fallback }: { system: SystemEvent | null; fallback: string | null }) {
  const meName = useChat((s) => s.me.name);
  return <>{systemText(system, fallback, meName)}</>;
}
