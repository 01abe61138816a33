import { describe, expect, it } from "vitest";
import { chatStore } from "./test-support/chat-store";
import { ANA, ME, conv, meUser } from "./test-support/fixtures";

const renamed = { id: ANA, name: "Ana Souza", username: "ana_s", initials: "AS", avatarColor: "#f06292", avatarUrl: "/api/v1/attachments/x" };

describe("user:updated / profile:updated in the store", () => {
  it("renames a contact everywhere: the direct chat, its preview sender, members, users", () => {
    const store = chatStore([
      conv(),
      conv({
        id: "g1",
        type: "GROUP",
        title: "Team",
        peer: null,
        lastMessage: { id: "m1", seq: 1, senderId: ANA, type: "TEXT", text: "hi", createdAt: new Date().toISOString(), deletedAt: null, deletedByAdmin: false, withheld: false, system: null, senderName: "Ana Lima" },
      }),
    ]);
    store.getState().setMembers("g1", [
      { ...conv().peer!, role: "MEMBER", readSeq: 0, deliveredSeq: 0, online: false, lastActiveAt: null },
    ]);
    store.getState().setBlockedUsers([conv().peer!]);
    const before = store.getState().conversations;
    store.getState().userUpdated(renamed);
    const s = store.getState();
    expect(s.conversations.c1).toMatchObject({ title: "Ana Souza", peer: { username: "ana_s", avatarUrl: "/api/v1/attachments/x" } });
    expect(s.conversations.g1!.title).toBe("Team");
    expect(s.conversations.g1!.lastMessage!.senderName).toBe("Ana Souza");
    expect(s.members.g1![0]).toMatchObject({ name: "Ana Souza", role: "MEMBER" });
    expect(s.users[ANA]!.name).toBe("Ana Souza");
    expect(s.blocked![ANA]!.name).toBe("Ana Souza");
    expect(s.conversations).not.toBe(before);
  });

  it("my own update changes me (and the loaded profile)", () => {
    const store = chatStore([conv()]);
    store.getState().setProfile({
      ...meUser,
      bio: "hi",
      phoneNumber: null,
      role: "USER",
      settings: { theme: "dark", notificationSounds: true, language: "en", readReceipts: true, lastSeen: "everyone", linkPreviews: true },
    });
    store.getState().userUpdated({ id: ME, name: "New Me", username: "newme", initials: "NM", avatarColor: "#000", avatarUrl: null });
    const s = store.getState();
    expect(s.me).toMatchObject({ name: "New Me", username: "newme", initials: "NM", email: "me@example.com" });
    expect(s.profile).toMatchObject({ name: "New Me", bio: "hi", settings: { theme: "dark" } });
  });

  it("an unrelated user leaves the chats untouched", () => {
    const store = chatStore([conv()]);
    const before = store.getState().conversations;
    store.getState().userUpdated({ ...renamed, id: "u-other" });
    expect(store.getState().conversations).toBe(before);
  });
});
