"use client";
// The preview of the draft's first link, as WhatsApp shows it above the box: asked for once typing
// has paused, dismissible per link. The chat pane is keyed by chat, so a new chat starts afresh.
import { useCallback, useEffect, useState } from "react";
import { firstLink, linkPreviewOf } from "@/lib/client/link-previews";
import type { LinkPreviewDto } from "@/lib/realtime/contract";

const SETTLE_MS = 400;

export type DraftLinkPreview = { state: "loading"; url: string } | { state: "ready"; url: string; preview: LinkPreviewDto };

export function useLinkPreview(text: string, enabled: boolean) {
  const link = enabled ? firstLink(text) : null;
  // The link once typing paused on it: half-typed addresses are never asked for.
  const [settled, setSettled] = useState<string | null>(null);
  const [answer, setAnswer] = useState<{ url: string; preview: LinkPreviewDto | null } | null>(null);
  // Links whose card was closed in this draft.
  const [dismissed, setDismissed] = useState<readonly string[]>([]);
  const dismiss = useCallback((url: string) => setDismissed((urls) => [...urls, url]), []);
  const reset = useCallback(() => setDismissed([]), []);

  useEffect(() => {
    if (!link) return;
    const timer = setTimeout(() => setSettled(link), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [link]);

  useEffect(() => {
    if (!settled) return;
    let current = true;
    linkPreviewOf(settled).then(
      (preview) => current && setAnswer({ url: settled, preview }),
      // A preview is a nicety: a failure just shows none.
      () => current && setAnswer({ url: settled, preview: null }),
    );
    return () => {
      current = false;
    };
  }, [settled]);

  let shown: DraftLinkPreview | null = null;
  if (link && link === settled && !dismissed.includes(link)) {
    if (answer?.url !== link) shown = { state: "loading", url: link };
    else if (answer.preview) shown = { state: "ready", url: link, preview: answer.preview };
  }

  return {
    shown,
    /** The preview that goes with the message: only one loaded, kept, and of the draft's first link. */
    toSend: shown?.state === "ready" ? shown.preview : undefined,
    /** Closes the card of this link for the rest of the draft. */
    dismiss,
    /** After sending: the next draft's links get their cards again. */
    reset,
  };
}
