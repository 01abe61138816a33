"use client";
import { StarIcon } from "@/components/ui/icons";
import { useIsClient } from "@/lib/client/hooks";
import { useChatNavigation } from "./navigation";

/** The right pane before a chat is picked (desktop). */
export function Welcome() {
  const { openStarred } = useChatNavigation();
  const secure = useIsClient() && window.location.protocol === "https:";
  return (
    <div className="flex flex-1 flex-col items-center justify-center gap-5 border-b-[6px] border-accent bg-panel-2 px-8 text-center" data-testid="welcome">
      <svg width="280" height="170" viewBox="0 0 280 170" aria-hidden="true" className="max-w-full">
        <rect x="30" y="20" width="150" height="90" rx="14" className="fill-accent" opacity="0.16" />
        <rect x="46" y="42" width="96" height="10" rx="5" className="fill-accent" opacity="0.45" />
        <rect x="46" y="62" width="70" height="10" rx="5" className="fill-accent" opacity="0.3" />
        <path d="M60 110 50 132 84 110Z" className="fill-accent" opacity="0.16" />
        <rect x="110" y="70" width="140" height="78" rx="14" className="fill-accent" opacity="0.32" />
        <rect x="128" y="92" width="90" height="10" rx="5" className="fill-panel" opacity="0.9" />
        <rect x="128" y="112" width="60" height="10" rx="5" className="fill-panel" opacity="0.7" />
        <path d="M230 148 246 166 212 148Z" className="fill-accent" opacity="0.32" />
      </svg>
      <div className="space-y-3">
        <p className="text-[32px] font-light text-fg">Convo for Web</p>
        <p className="max-w-md text-sm leading-6 text-muted">
          Send and receive messages in real time. Pick a chat on the left, start a new one, or join a public group.
        </p>
      </div>
      <button
        type="button"
        onClick={openStarred}
        className="flex items-center gap-2 rounded-full border border-border bg-panel px-4 py-2 text-sm text-fg hover:bg-hover"
        data-testid="welcome-starred"
      >
        <StarIcon size={18} className="text-muted" />
        Starred messages
      </button>
      {/* Only true over HTTPS: the zero-config default serves plain HTTP on localhost. */}
      {secure && (
        <p className="mt-6 flex items-center gap-1.5 text-xs text-muted">
          <svg width="12" height="12" viewBox="0 0 24 24" aria-hidden="true">
            <rect x="5" y="10" width="14" height="10" rx="2" fill="currentColor" />
            <path d="M8 10V7a4 4 0 0 1 8 0v3" stroke="currentColor" strokeWidth="2" fill="none" />
          </svg>
          Your messages travel over an encrypted connection.
        </p>
      )}
    </div>
  );
}
