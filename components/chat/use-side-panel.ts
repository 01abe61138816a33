"use client";
// The chat's one side panel at a time (contact or group info, in-chat search). On a phone it
// covers the chat, so Back closes it, as in WhatsApp, rather than leaving the chat.
import { useCallback, useEffect, useState } from "react";
import { panelInHistory, pushPanel } from "@/lib/client/url";

export type SidePanel = "info" | "search";

export function useSidePanel(): { panel: SidePanel | null; open: (panel: SidePanel) => void; close: () => void } {
  const [panel, setPanel] = useState<SidePanel | null>(null);

  useEffect(() => {
    const onPop = () => {
      if (!panelInHistory()) setPanel(null);
    };
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, []);

  const open = useCallback((next: SidePanel) => {
    // Switching panels keeps the one entry.
    if (!panelInHistory()) pushPanel();
    setPanel(next);
  }, []);
  // Through history when the panel has its entry, so Back afterwards leaves the chat.
  const close = useCallback(() => {
    if (panelInHistory()) window.history.back();
    else setPanel(null);
  }, []);
  return { panel, open, close };
}
