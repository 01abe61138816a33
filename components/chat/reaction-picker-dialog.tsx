"use client";
// The full reaction picker ("+" in the message menu): a grid of emoji, arrow keys move.
import { useRef } from "react";
import { Dialog } from "@/components/ui/dialog";
import { gridMove } from "@/components/ui/grid-keys";
import { EMOJI_GRID, QUICK_REACTIONS, hasReacted } from "@/lib/client/reactions";
import type { ReactionDto } from "@/lib/realtime/contract";

const ALL = [...QUICK_REACTIONS, ...EMOJI_GRID.filter((e) => !(QUICK_REACTIONS as readonly string[]).includes(e))];

export function ReactionPickerDialog({
  open,
  reactions,
  meId,
  onPick,
  onClose,
}: {
  open: boolean;
  reactions: ReactionDto[];
  meId: string;
  onPick: (emoji: string) => void;
  onClose: () => void;
}) {
  const grid = useRef<HTMLDivElement>(null);

  const onKeyDown = (e: React.KeyboardEvent) => {
    const buttons = [...(grid.current?.querySelectorAll<HTMLButtonElement>("button") ?? [])];
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (i < 0) return;
    const next = gridMove(e.key, buttons, i);
    if (next === null || next < 0 || next >= buttons.length) return;
    e.preventDefault();
    buttons[next]!.focus();
  };

  return (
    <Dialog open={open} onClose={onClose} title="React to message" testId="reaction-picker">
      <div ref={grid} role="group" aria-label="Emoji" className="grid grid-cols-8 gap-1 p-4" onKeyDown={onKeyDown}>
        {ALL.map((emoji, i) => {
          const reacted = hasReacted(reactions, emoji, meId);
          return (
            <button
              key={emoji}
              type="button"
              aria-label={`${emoji}${reacted ? " (remove your reaction)" : ""}`}
              aria-pressed={reacted}
              tabIndex={i === 0 ? 0 : -1}
              data-autofocus={i === 0 ? "" : undefined}
              onClick={() => {
                onPick(emoji);
                onClose();
              }}
              className={`flex aspect-square items-center justify-center rounded-lg text-[24px] leading-none hover:bg-hover focus-visible:bg-active ${reacted ? "bg-active ring-1 ring-accent" : ""}`}
              data-testid="picker-emoji"
            >
              {emoji}
            </button>
          );
        })}
      </div>
      <p className="px-5 pb-4 text-xs text-muted">Arrow keys move, Enter reacts, Escape closes.</p>
    </Dialog>
  );
}
