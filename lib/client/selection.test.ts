import { describe, expect, it } from "vitest";
import { MAX_SELECTED_MESSAGES } from "@/lib/limits";
import type { ViewMessage } from "./rows";
import { isSelectable, selectionRights, selectionText, toggleSelected } from "./selection";
import { ANA, ME, msg } from "./test-support/fixtures";

const view = (seq: number, over: Partial<ViewMessage> = {}): ViewMessage => ({ ...msg(seq), pending: null, ...over }) as ViewMessage;

describe("selecting messages", () => {
  it("picks stored messages only: not notices, not ones still being sent", () => {
    expect(isSelectable(view(1))).toBe(true);
    expect(isSelectable(view(2, { type: "SYSTEM" }))).toBe(false);
    expect(isSelectable(view(3, { id: null, seq: null, pending: { failed: null } }))).toBe(false);
    expect(isSelectable(view(4, { deletedAt: "2026-11-24T00:00:00.000Z" }))).toBe(true);
  });

  it("toggles one at a time and stops adding at the limit", () => {
    let selected: string[] = [];
    for (let i = 0; i < MAX_SELECTED_MESSAGES; i++) selected = toggleSelected(selected, `m${i}`).selected;
    expect(toggleSelected(selected, "one-too-many")).toEqual({ selected, full: true });
    expect(toggleSelected(selected, "m0")).toEqual({ selected: selected.slice(1), full: false });
  });

  it("allows forwarding unless a deleted message is picked, and deleting for everyone only my live messages where I may write", () => {
    const starred = { m1: true };
    const now = new Date().toISOString();
    const mine = [view(1, { senderId: ME, createdAt: now }), view(2, { senderId: ME, createdAt: now })];
    expect(selectionRights(mine, { meId: ME, canWrite: true, starred })).toEqual({ canForward: true, canDeleteForEveryone: true, allStarred: false, canCopy: true });
    expect(selectionRights(mine, { meId: ME, canWrite: false, starred }).canDeleteForEveryone).toBe(false);
    expect(selectionRights([...mine, view(3)], { meId: ME, canWrite: true, starred }).canDeleteForEveryone).toBe(false);
    // One of mine sent more than 60 hours ago: deleted for me only.
    const old = view(4, { senderId: ME, createdAt: new Date(Date.now() - 61 * 3_600_000).toISOString() });
    expect(selectionRights([...mine, old], { meId: ME, canWrite: true, starred }).canDeleteForEveryone).toBe(false);
    const withDeleted = [view(1), view(5, { deletedAt: "2026-11-24T00:00:00.000Z", text: null })];
    expect(selectionRights(withDeleted, { meId: ME, canWrite: true, starred })).toMatchObject({ canForward: false, canDeleteForEveryone: false });
    expect(selectionRights([view(1)], { meId: ME, canWrite: true, starred }).allStarred).toBe(true);
    expect(selectionRights([], { meId: ME, canWrite: true, starred })).toEqual({ canForward: false, canDeleteForEveryone: false, allStarred: false, canCopy: false });
  });

  it("copies the picked messages oldest first as '[time] Name: text', files by their name, deleted ones left out", () => {
    const names: Record<string, string> = { [ME]: "Me Myself", [ANA]: "Ana Lima" };
    const text = selectionText(
      [
        view(3, { senderId: ME, text: "see *you*" }),
        view(1, { text: "hi" }),
        view(2, { text: null, attachments: [{ kind: "FILE", name: "plan.pdf" } as ViewMessage["attachments"][number]] }),
        view(4, { deletedAt: "2026-11-24T00:00:00.000Z", text: null }),
      ],
      (id) => names[id]!,
    );
    const lines = text.split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^\[\d{1,2}:\d{2}( [AP]M)?\] Ana Lima: hi$/);
    expect(lines[1]).toMatch(/\] Ana Lima: .*plan\.pdf$/);
    expect(lines[2]).toMatch(/\] Me Myself: see \*you\*$/);
  });
});
