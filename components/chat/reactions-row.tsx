"use client";
// The reactions under a bubble: one chip per emoji with its count. Hover or focus shows who
// reacted; a click toggles my reaction with that emoji. On my own the tip says a click removes
// it, as WhatsApp does: otherwise one click took it away without a word. A touch screen has no
// hover, so there the first tap on my own shows the tip and a second tap removes it.
import { useEffect, useId, useRef, useState } from "react";
import { reactorNames } from "@/lib/client/reactions";
import type { ReactionDto } from "@/lib/realtime/contract";

type Props = {
  messageId: string | null;
  reactions: ReactionDto[];
  meId: string;
  nameOf: (userId: string) => string;
  mine: boolean;
  disabled: boolean;
  onToggle: (emoji: string) => void;
};

export function ReactionsRow({ messageId, reactions, meId, nameOf, mine, disabled, onToggle }: Props) {
  if (reactions.length === 0) return null;
  return (
    <div
      className={`relative z-[1] -mt-1.5 flex flex-wrap gap-1 ${mine ? "justify-end pr-2" : "pl-2"}`}
      role="group"
      aria-label="Reactions"
      data-testid="reactions"
      data-reactions-for={messageId ?? undefined}
    >
      {reactions.map((r) => (
        <ReactionChip key={r.emoji} reaction={r} meId={meId} nameOf={nameOf} disabled={disabled} mine={mine} onToggle={onToggle} />
      ))}
    </div>
  );
}

function ReactionChip({
  reaction: r,
  meId,
  nameOf,
  disabled,
  mine,
  onToggle,
}: {
  reaction: ReactionDto;
  meId: string;
  nameOf: (id: string) => string;
  disabled: boolean;
  mine: boolean;
  onToggle: (emoji: string) => void;
}) {
  const tipId = useId();
  const reacted = r.userIds.includes(meId);
  const names = reactorNames(r.userIds, meId, nameOf);
  const count = r.userIds.length;
  const touched = useRef(false);
  // The tip a first tap opened: the next tap on this chip removes my reaction.
  const [armed, setArmed] = useState(false);
  useEffect(() => {
    if (!armed) return;
    const h = setTimeout(() => setArmed(false), 4_000);
    return () => clearTimeout(h);
  }, [armed]);
  const click = () => {
    if (touched.current && reacted && !armed && !disabled) {
      setArmed(true);
      return;
    }
    setArmed(false);
    onToggle(r.emoji);
  };
  return (
    <span className="group/chip relative">
      <button
        type="button"
        onPointerDown={(e) => (touched.current = e.pointerType === "touch")}
        onKeyDown={() => (touched.current = false)}
        onClick={click}
        onBlur={() => setArmed(false)}
        disabled={disabled}
        aria-pressed={reacted}
        aria-label={`${r.emoji} ${count}: ${names}${disabled ? "" : reacted ? ". Remove your reaction" : `. React with ${r.emoji}`}`}
        aria-describedby={tipId}
        className={`flex h-[26px] items-center gap-1 rounded-full px-2 text-[14px] leading-none shadow-[0_1px_2px_rgba(11,20,26,.18)] ring-1 transition-colors disabled:cursor-default ${
          reacted
            ? "bg-[#e7fce3] ring-[#25d366]/60 dark:bg-[#0a3d33] dark:ring-[#00a884]/70"
            : "bg-panel ring-border hover:bg-hover dark:bg-panel-2"
        }`}
        data-testid="reaction-chip"
        data-emoji={r.emoji}
        data-count={count}
        data-mine={reacted ? "true" : "false"}
      >
        <span aria-hidden="true">{r.emoji}</span>
        <span className="text-[12px] font-medium text-muted" aria-hidden="true" data-testid="reaction-count">
          {count}
        </span>
      </button>
      <span
        id={tipId}
        role="tooltip"
        className={`pointer-events-none absolute bottom-full z-20 mb-1.5 w-max max-w-[220px] rounded-md bg-[#3b4a54] px-2.5 py-1.5 text-[12px] leading-4 text-white shadow-lg group-focus-within/chip:block group-hover/chip:block ${
          armed ? "block" : "hidden"
        } ${mine ? "right-0" : "left-0"}`}
        data-testid="reaction-tooltip"
      >
        {r.emoji} {names}
        {reacted && !disabled && (
          // The button's name already says it to screen readers.
          <span className="block text-white/75" aria-hidden="true" data-testid="reaction-remove-hint">
            {armed ? "Tap again to remove" : "Click to remove"}
          </span>
        )}
      </span>
    </span>
  );
}
