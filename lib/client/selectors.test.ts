import { describe, expect, it } from "vitest";
import { newEntry } from "./outbox";
import { inChatFilter } from "./conversations";
import { latestPending, selectAdjacentChat, selectSortedConversations, selectUnreadChats, selectUnreadFilterCount } from "./selectors";
import { chatStore } from "./test-support/chat-store";
import { ME, conv } from "./test-support/fixtures";

describe("selectors", () => {
  it("sorts, memoises per state, and counts unread chats", () => {
    const store = chatStore([
      conv({ id: "a", title: "A", lastMessageAt: "2025-03-10T10:00:00.000Z", unreadCount: 2 }),
      conv({ id: "b", title: "B", lastMessageAt: "2025-03-10T11:00:00.000Z" }),
    ]);
    const first = selectSortedConversations(store.getState());
    expect(first.map((c) => c.id)).toEqual(["b", "a"]);
    expect(selectSortedConversations(store.getState())).toBe(first);
    expect(selectUnreadChats(store.getState())).toBe(1);
    // A pending send counts as activity.
    store.getState().enqueue(newEntry({ clientId: "k", conversationId: "a", senderId: ME, text: "x" }, new Date("2025-03-10T12:00:00.000Z")));
    expect(selectSortedConversations(store.getState()).map((c) => c.id)).toEqual(["a", "b"]);
    expect(latestPending(store.getState().outbox, "a")?.clientId).toBe("k");
    expect(latestPending(store.getState().outbox, "b")).toBeNull();
  });

  it("a chat I marked unread counts as unread without unread messages", () => {
    const store = chatStore([conv({ id: "a", unreadCount: 0, markedUnread: true }), conv({ id: "b", unreadCount: 0 })]);
    expect(selectUnreadChats(store.getState())).toBe(1);
  });

  it("the Unread chip counts the rows the Unread filter lists: marked unread too, archived chats not", () => {
    const store = chatStore([
      conv({ id: "msgs", unreadCount: 3 }),
      conv({ id: "marked", markedUnread: true }),
      conv({ id: "archived", unreadCount: 2, isArchived: true }),
      conv({ id: "read" }),
    ]);
    const s = () => store.getState();
    const listed = (keepId: string | null) =>
      Object.values(s().conversations)
        .filter((c) => inChatFilter(c, "unread", { archived: false, searching: false, keepId }))
        .map((c) => c.id);
    expect(listed(null)).toEqual(["msgs", "marked"]);
    expect(selectUnreadFilterCount(s())).toBe(2);
    // The open chat, read, keeps its row under the filter but is not counted: it is not unread.
    s().setActive("read");
    expect(listed("read")).toEqual(["msgs", "marked", "read"]);
    expect(selectUnreadFilterCount(s())).toBe(2);
    // While searching, archived chats are listed (the chip stays the folder-less count).
    expect(inChatFilter(s().conversations.archived!, "unread", { archived: false, searching: true })).toBe(true);
  });

  it("the Favourites filter lists the chats I added, not archived ones unless searching", () => {
    const chats = [conv({ id: "fav", isFavourite: true }), conv({ id: "other" }), conv({ id: "fav-archived", isFavourite: true, isArchived: true })];
    const listed = (searching: boolean) => chats.filter((c) => inChatFilter(c, "favourites", { archived: false, searching })).map((c) => c.id);
    expect(listed(false)).toEqual(["fav"]);
    expect(listed(true)).toEqual(["fav", "fav-archived"]);
  });

  it("steps through the chat list in its order, within the open chat's folder, stopping at the ends", () => {
    const store = chatStore([
      conv({ id: "old", title: "Old", lastMessageAt: "2025-03-10T09:00:00.000Z" }),
      conv({ id: "new", title: "New", lastMessageAt: "2025-03-10T11:00:00.000Z" }),
      conv({ id: "mid", title: "Mid", lastMessageAt: "2025-03-10T10:00:00.000Z" }),
      conv({ id: "arch1", title: "Archived 1", lastMessageAt: "2025-03-10T12:00:00.000Z", isArchived: true }),
      conv({ id: "arch2", title: "Archived 2", lastMessageAt: "2025-03-10T08:00:00.000Z", isArchived: true }),
    ]);
    const s = () => store.getState();
    expect(selectAdjacentChat(s(), 1)).toBe("new");
    expect(selectAdjacentChat(s(), -1)).toBe("old");
    s().setActive("new");
    expect(selectAdjacentChat(s(), 1)).toBe("mid");
    expect(selectAdjacentChat(s(), -1)).toBeNull();
    s().setActive("old");
    expect(selectAdjacentChat(s(), 1)).toBeNull();
    expect(selectAdjacentChat(s(), -1)).toBe("mid");
    s().setActive("arch1");
    expect(selectAdjacentChat(s(), 1)).toBe("arch2");
  });
});
