import { describe, expect, it } from "vitest";
import { emptyMessages } from "./types";
import { ME, msg } from "./test-support/fixtures";
import { countsAsUnread, unreadLeftInLoaded } from "./unread";

const notice = (seq: number) => msg(seq, { type: "SYSTEM", text: null, system: { kind: "joined", actorName: "Ben" } });

describe("what counts as unread", () => {
  it("someone else's message counts; mine and group notices don't", () => {
    expect(countsAsUnread(msg(1), ME)).toBe(true);
    expect(countsAsUnread(msg(1, { senderId: ME }), ME)).toBe(false);
    expect(countsAsUnread(notice(1), ME)).toBe(false);
  });

  it("counts what is left after a read in the loaded messages only when they hold all of it", () => {
    const items = [msg(4), notice(5), msg(6, { senderId: ME }), msg(7), msg(8)];
    const loaded = { ...emptyMessages, status: "ready" as const, items, syncedSeq: 8, nextBefore: 4 };
    expect(unreadLeftInLoaded(loaded, 8, 3, ME)).toBe(3);
    expect(unreadLeftInLoaded(loaded, 8, 7, ME)).toBe(1);
    // Message 3 was never loaded here, or the newest ones are still missing.
    expect(unreadLeftInLoaded(loaded, 8, 2, ME)).toBeUndefined();
    expect(unreadLeftInLoaded({ ...loaded, syncedSeq: 6 }, 8, 3, ME)).toBeUndefined();
    expect(unreadLeftInLoaded({ ...loaded, status: "loading" }, 8, 3, ME)).toBeUndefined();
    // The start of the chat is loaded: nothing before 4 exists.
    expect(unreadLeftInLoaded({ ...loaded, nextBefore: null }, 8, 0, ME)).toBe(3);
  });
});
