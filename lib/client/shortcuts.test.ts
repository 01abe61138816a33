import { describe, expect, it } from "vitest";
import { keysOf, SHORTCUTS, shortcutOf, type KeyEventLike } from "./shortcuts";

const press = (code: string, mods: Partial<KeyEventLike> = {}, altGraph = false): KeyEventLike => ({
  code,
  ctrlKey: true,
  altKey: true,
  shiftKey: false,
  metaKey: false,
  getModifierState: (key) => altGraph && key === "AltGraph",
  ...mods,
});

describe("keyboard shortcuts", () => {
  it("reads Ctrl+Alt and a key by its place on the keyboard, Shift making a different shortcut", () => {
    expect(shortcutOf(press("KeyN"))).toBe("newChat");
    expect(shortcutOf(press("Slash"))).toBe("searchChats");
    expect(shortcutOf(press("BracketRight"))).toBe("nextChat");
    expect(shortcutOf(press("BracketLeft"))).toBe("previousChat");
    expect(shortcutOf(press("KeyP"))).toBe("profile");
    expect(shortcutOf(press("KeyP", { shiftKey: true }))).toBe("pinChat");
    expect(shortcutOf(press("KeyF", { shiftKey: true }))).toBe("searchInChat");
    expect(shortcutOf(press("KeyF"))).toBeNull();
  });

  it("leaves typing alone: plain keys, Ctrl or Alt alone, Cmd, and AltGr characters", () => {
    expect(shortcutOf(press("KeyN", { ctrlKey: false, altKey: false }))).toBeNull();
    expect(shortcutOf(press("KeyN", { altKey: false }))).toBeNull();
    expect(shortcutOf(press("KeyN", { ctrlKey: false }))).toBeNull();
    expect(shortcutOf(press("KeyN", { metaKey: true }))).toBeNull();
    // Polish AltGr+N types "ń" and reports Ctrl+Alt on Windows.
    expect(shortcutOf(press("KeyN", {}, true))).toBeNull();
    expect(shortcutOf(press("KeyQ"))).toBeNull();
  });

  it("has one shortcut per key combination, each shown with the keys to press", () => {
    const combos = SHORTCUTS.map((s) => keysOf(s).join("+"));
    expect(new Set(combos).size).toBe(SHORTCUTS.length);
    expect(keysOf(SHORTCUTS.find((s) => s.id === "muteChat")!)).toEqual(["Ctrl", "Alt", "Shift", "M"]);
  });
});
