import { describe, expect, it } from "vitest";
import type { GroupSummary, MemberDto } from "@/lib/realtime/contract";
import {
  applyConversationPatch,
  applyGroupPatch,
  groupNameError,
  groupRights,
  inviteUrl,
  isSingleEmoji,
  memberActions,
  sortMembers,
  upsertMember,
} from "./groups";
import { conv } from "./test-support/fixtures";

const privateGroup = { type: "GROUP", visibility: "PRIVATE" } as const;
const publicGroup = { type: "GROUP", visibility: "PUBLIC" } as const;

function member(id: string, role: MemberDto["role"], name = id): MemberDto {
  return { id, name, username: id, initials: "XX", avatarColor: "#333", avatarUrl: null, role, readSeq: 0, deliveredSeq: 0, online: false, lastActiveAt: null };
}

describe("memberActions: the per-member menu by my role", () => {
  const owner = { id: "o", role: "OWNER" as const };
  const admin = { id: "a", role: "ADMIN" as const };
  const plain = { id: "m", role: "MEMBER" as const };

  it("the owner promotes members, dismisses admins, removes and bans both", () => {
    expect(memberActions(privateGroup, owner, { id: "x", role: "MEMBER" })).toEqual(["make-admin", "remove", "ban"]);
    expect(memberActions(privateGroup, owner, { id: "x", role: "ADMIN" })).toEqual(["dismiss-admin", "remove", "ban"]);
  });

  it("admins promote and remove members, but can't touch other admins or the owner", () => {
    expect(memberActions(privateGroup, admin, { id: "x", role: "MEMBER" })).toEqual(["make-admin", "remove", "ban"]);
    expect(memberActions(privateGroup, admin, { id: "x", role: "ADMIN" })).toEqual([]);
    expect(memberActions(privateGroup, admin, { id: "o", role: "OWNER" })).toEqual([]);
  });

  it("members, and anyone on themselves, get nothing", () => {
    expect(memberActions(privateGroup, plain, { id: "x", role: "MEMBER" })).toEqual([]);
    expect(memberActions(privateGroup, owner, { id: "o", role: "OWNER" })).toEqual([]);
    expect(memberActions(privateGroup, { id: "me", role: null }, { id: "x", role: "MEMBER" })).toEqual([]);
  });

  it("nobody changes the owner", () => {
    expect(memberActions(privateGroup, { id: "x", role: "OWNER" }, { id: "o", role: "OWNER" })).toEqual([]);
  });

  it("public groups: site admins remove and ban; roles don't apply; others get nothing", () => {
    expect(memberActions(publicGroup, { id: "s", role: "MEMBER", siteRole: "ADMIN" }, { id: "x", role: "MEMBER" })).toEqual(["remove", "ban"]);
    expect(memberActions(publicGroup, { id: "s", role: null, siteRole: "ADMIN" }, { id: "s", role: "MEMBER" })).toEqual([]);
    expect(memberActions(publicGroup, { id: "u", role: "MEMBER", siteRole: "USER" }, { id: "x", role: "MEMBER" })).toEqual([]);
  });

  it("direct chats have no member menu", () => {
    expect(memberActions({ type: "DIRECT", visibility: "PRIVATE" }, owner, { id: "x", role: "MEMBER" })).toEqual([]);
  });
});

describe("groupRights", () => {
  it("owners and admins manage private groups; members don't", () => {
    expect(groupRights(privateGroup, { role: "OWNER" })).toEqual({ edit: true, manageMembers: true, invites: true });
    expect(groupRights(privateGroup, { role: "ADMIN" })).toEqual({ edit: true, manageMembers: true, invites: true });
    expect(groupRights(privateGroup, { role: "MEMBER", siteRole: "ADMIN" })).toEqual({ edit: false, manageMembers: false, invites: false });
  });
  it("public groups are run by site admins, and take no invites", () => {
    expect(groupRights(publicGroup, { role: "MEMBER", siteRole: "ADMIN" })).toEqual({ edit: true, manageMembers: true, invites: false });
    expect(groupRights(publicGroup, { role: "MEMBER", siteRole: "USER" })).toEqual({ edit: false, manageMembers: false, invites: false });
  });
});

describe("member list reducers", () => {
  it("upsertMember replaces by id (a role change) or appends", () => {
    const list = [member("a", "OWNER"), member("b", "MEMBER")];
    const promoted = upsertMember(list, member("b", "ADMIN"));
    expect(promoted.map((m) => [m.id, m.role])).toEqual([
      ["a", "OWNER"],
      ["b", "ADMIN"],
    ]);
    expect(list[1]!.role).toBe("MEMBER"); // not mutated
    expect(upsertMember(list, member("c", "MEMBER")).map((m) => m.id)).toEqual(["a", "b", "c"]);
  });

  it("sortMembers: me, then owner and admins, then online, then by name", () => {
    const list = [member("z", "MEMBER", "Zed"), member("b", "MEMBER", "Bob"), member("o", "OWNER", "Olga"), member("me", "MEMBER", "Me"), member("a", "ADMIN", "Ann"), member("c", "MEMBER", "Cat")];
    const sorted = sortMembers(list, "me", { z: { userId: "z", online: true, lastActiveAt: null } });
    expect(sorted.map((m) => m.id)).toEqual(["me", "o", "a", "z", "b", "c"]);
  });
});

describe("conversation:patched reducers", () => {
  it("patches title, icon, colour and about; same object when nothing changes", () => {
    const c = conv({ id: "g", type: "GROUP", title: "Old", icon: "👥", iconBg: "#111111", about: "x", peer: null });
    const next = applyConversationPatch(c, { conversationId: "g", title: "New", icon: "🎉" });
    expect(next).toMatchObject({ title: "New", icon: "🎉", iconBg: "#111111", about: "x" });
    expect(applyConversationPatch(c, { conversationId: "g", archived: true })).toBe(c);
    expect(applyConversationPatch(c, { conversationId: "g", title: "Old" })).toBe(c);
  });

  it("Discover: renames in place, drops archived groups, ignores unknown ones", () => {
    const groups: GroupSummary[] = [
      { id: "g1", name: "One", icon: "1️⃣", iconBg: "#000000", about: "", memberCount: 3, isMember: true },
      { id: "g2", name: "Two", icon: null, iconBg: "#000000", about: "", memberCount: 1, isMember: false },
    ];
    expect(applyGroupPatch(groups, { conversationId: "g2", title: "Deux", about: "fr" })[1]).toMatchObject({ name: "Deux", about: "fr", memberCount: 1 });
    expect(applyGroupPatch(groups, { conversationId: "g1", archived: true }).map((g) => g.id)).toEqual(["g2"]);
    expect(applyGroupPatch(groups, { conversationId: "nope", title: "X" })).toBe(groups);
  });
});

describe("form helpers", () => {
  it("isSingleEmoji accepts one emoji with modifiers only", () => {
    expect(isSingleEmoji("🎉")).toBe(true);
    expect(isSingleEmoji("👍🏽")).toBe(true);
    expect(isSingleEmoji("👨‍👩‍👧")).toBe(true);
    expect(isSingleEmoji("✈️")).toBe(true);
    expect(isSingleEmoji("🎉🎉")).toBe(false);
    expect(isSingleEmoji("ab")).toBe(false);
    expect(isSingleEmoji("")).toBe(false);
  });
  it("groupNameError mirrors the server's wording", () => {
    expect(groupNameError("  ")).toBe("Enter a group name");
    expect(groupNameError("x".repeat(61))).toBe("Group names are at most 60 characters");
    expect(groupNameError(" Trip ")).toBeNull();
  });
  it("inviteUrl", () => {
    expect(inviteUrl("http://localhost:3000/", "abc_DEF-1")).toBe("http://localhost:3000/join/abc_DEF-1");
  });
});
