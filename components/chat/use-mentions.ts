"use client";
// "@" mentions while typing in a group: which members the typed "@que" offers, the highlighted
// one, the keys that move and pick, and the box's ARIA attributes for the list.
import { useId, useState } from "react";
import { activeMention, applyMention, mentionCandidates } from "@/lib/client/mentions";
import type { MemberDto } from "@/lib/realtime/contract";
import { mentionOptionId } from "./mention-picker";

type Options = {
  enabled: boolean;
  value: string;
  members: MemberDto[] | undefined;
  meId: string;
  /** Sets the box's text and then its caret. */
  replaceText: (text: string, caret: number) => void;
};

export function useMentions({ enabled, value, members, meId, replaceText }: Options) {
  const listId = useId();
  const [caret, setCaret] = useState(0);
  // The "@" the user closed the list for with Escape: it stays closed until another is typed.
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const [index, setIndex] = useState(0);

  const typed = enabled ? activeMention(value, caret) : null;
  const candidates = typed && typed.start !== dismissedAt ? mentionCandidates(members ?? [], typed.query, meId) : [];
  const open = candidates.length > 0;
  const highlighted = Math.min(index, Math.max(0, candidates.length - 1));

  const pick = (username: string) => {
    if (!typed) return;
    const next = applyMention(value, { start: typed.start, caret }, username);
    setCaret(next.caret);
    setIndex(0);
    replaceText(next.text, next.caret);
  };

  /** Arrows, Enter, Tab and Escape while the list is open; true when the key was used. */
  const onKeyDown = (e: React.KeyboardEvent): boolean => {
    if (!open || e.nativeEvent.isComposing) return false;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      const step = e.key === "ArrowDown" ? 1 : -1;
      setIndex((highlighted + step + candidates.length) % candidates.length);
    } else if (e.key === "Enter" || e.key === "Tab") {
      pick(candidates[highlighted]!.username);
    } else if (e.key === "Escape") {
      setDismissedAt(typed!.start);
    } else {
      return false;
    }
    e.preventDefault();
    return true;
  };

  /** After the text changed by typing. */
  const onTyped = (text: string, at: number) => {
    setCaret(at);
    setIndex(0);
    if (!activeMention(text, at)) setDismissedAt(null);
  };

  const boxProps = {
    "aria-autocomplete": enabled ? ("list" as const) : undefined,
    "aria-controls": open ? listId : undefined,
    "aria-activedescendant": open ? mentionOptionId(listId, highlighted) : undefined,
  };

  return { listId, open, candidates, highlighted, pick, onKeyDown, onTyped, onCaret: setCaret, boxProps };
}
