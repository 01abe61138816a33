// Keyboard shortcuts, as WhatsApp Web has them: Ctrl+Alt and a key. Matched by the key's place
// on the keyboard (event.code), so that the layout and Option's accented letters on macOS do not
// change them. One table: the handlers and the "Keyboard shortcuts" list both read it.

export type ShortcutId =
  | "newChat"
  | "searchChats"
  | "searchInChat"
  | "nextChat"
  | "previousChat"
  | "archiveChat"
  | "muteChat"
  | "pinChat"
  | "deleteChat"
  | "profile"
  | "settings"
  | "shortcuts";

export type Shortcut = { id: ShortcutId; label: string; code: string; key: string; shift?: true };

export const SHORTCUTS: readonly Shortcut[] = [
  { id: "newChat", label: "New chat", code: "KeyN", key: "N" },
  { id: "searchChats", label: "Search chats and messages", code: "Slash", key: "/" },
  { id: "searchInChat", label: "Search in the open chat", code: "KeyF", key: "F", shift: true },
  { id: "nextChat", label: "Next chat", code: "BracketRight", key: "]" },
  { id: "previousChat", label: "Previous chat", code: "BracketLeft", key: "[" },
  { id: "archiveChat", label: "Archive or unarchive the open chat", code: "KeyE", key: "E" },
  { id: "muteChat", label: "Mute or unmute the open chat", code: "KeyM", key: "M", shift: true },
  { id: "pinChat", label: "Pin or unpin the open chat", code: "KeyP", key: "P", shift: true },
  { id: "deleteChat", label: "Delete the open chat", code: "Backspace", key: "Backspace" },
  { id: "profile", label: "Profile", code: "KeyP", key: "P" },
  { id: "settings", label: "Settings", code: "Comma", key: "," },
  { id: "shortcuts", label: "Keyboard shortcuts", code: "KeyK", key: "K" },
];

/** The keys to press, for display: ["Ctrl", "Alt", "Shift", "F"]. */
export function keysOf(shortcut: Shortcut): string[] {
  return ["Ctrl", "Alt", ...(shortcut.shift ? ["Shift"] : []), shortcut.key];
}

export type KeyEventLike = Pick<KeyboardEvent, "code" | "ctrlKey" | "altKey" | "shiftKey" | "metaKey"> & {
  getModifierState?: (key: string) => boolean;
};

/** Which shortcut a key press is, if any. */
export function shortcutOf(e: KeyEventLike): ShortcutId | null {
  // On Windows, AltGr arrives as Ctrl+Alt: it types characters (@, €, ń…), never a shortcut.
  if (!e.ctrlKey || !e.altKey || e.metaKey || e.getModifierState?.("AltGraph")) return null;
  return SHORTCUTS.find((s) => s.code === e.code && Boolean(s.shift) === e.shiftKey)?.id ?? null;
}
