"use client";
import { useEffect, useRef } from "react";
import { shortcutOf, type ShortcutId } from "./shortcuts";

/**
 * Runs `handler` when the shortcut is pressed anywhere on the page, the composer included (as in
 * WhatsApp Web), but not while a modal dialog is open: the dialog has the keyboard then.
 */
export function useShortcut(id: ShortcutId, handler: () => void, enabled = true): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || shortcutOf(e) !== id || document.querySelector('[aria-modal="true"]')) return;
      e.preventDefault();
      latest.current();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [id, enabled]);
}
