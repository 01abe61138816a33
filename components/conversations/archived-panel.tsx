"use client";
// The archived chats folder, sliding over the chat list (like WhatsApp's "Archived").
import { useEffect, useRef } from "react";
import { BackIcon } from "@/components/ui/icons";
import { IconButton } from "@/components/ui/icon-button";
import { ConversationList } from "./conversation-list";

export function ArchivedPanel({ onClose }: { onClose: () => void }) {
  const backRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    backRef.current?.focus();
  }, []);

  return (
    <section
      aria-labelledby="archived-title"
      className="absolute inset-0 z-20 flex flex-col bg-panel"
      data-testid="archived-panel"
      onKeyDown={(e) => {
        if (e.key === "Escape" && !e.defaultPrevented) {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <div className="flex h-[64px] shrink-0 items-center gap-3 px-3">
        <IconButton ref={backRef} label="Back to chats" onClick={onClose} data-testid="archived-back">
          <BackIcon size={22} />
        </IconButton>
        <h2 id="archived-title" className="text-lg font-semibold">
          Archived
        </h2>
      </div>
      <p className="shrink-0 border-b border-border px-6 pb-3 text-[13px] leading-5 text-muted">
        These chats stay archived when new messages arrive. Open a chat&apos;s options to unarchive it.
      </p>
      <div className="min-h-0 flex-1 overflow-y-auto">
        <ConversationList query="" filter="all" archived onNewChat={() => undefined} onDiscover={() => undefined} />
      </div>
    </section>
  );
}
