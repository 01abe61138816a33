import { describe, expect, it } from "vitest";
import { MAX_FORWARD_TARGETS } from "@/lib/limits";
import type { ConversationSummary, MemberDto, UserSummary } from "@/lib/realtime/contract";
import {
  announcementRolesToLoad,
  forwardCandidates,
  peopleToForwardTo,
  personTarget,
  splitTargets,
  toggleTarget,
  type SendRights,
} from "./forward";
import { ANA, conv, ME, meUser } from "./test-support/fixtures";

describe("toggleTarget", () => {
  it("selects and unselects", () => {
    expect(toggleTarget([], "a")).toEqual(["a"]);
    expect(toggleTarget(["a", "b"], "a")).toEqual(["b"]);
  });
  it("ignores a pick beyond the limit", () => {
    const five = ["1", "2", "3", "4", "5"];
    expect(MAX_FORWARD_TARGETS).toBe(5);
    expect(toggleTarget(five, "6")).toBe(five);
    expect(toggleTarget(five, "3")).toEqual(["1", "2", "4", "5"]);
  });
  it("with room for one chat, a new pick replaces the old one", () => {
    expect(toggleTarget(["a"], "b", 1)).toEqual(["b"]);
    expect(toggleTarget(["a"], "a", 1)).toEqual([]);
    expect(toggleTarget([], "a", 1)).toEqual(["a"]);
  });
});

describe("forwardCandidates", () => {
  const group = (id: string, title: string, over: Partial<ConversationSummary> = {}) => conv({ id, title, type: "GROUP", peer: null, ...over });
  const rights = (over: Partial<SendRights> = {}): SendRights => ({ meId: ME, siteRole: "USER", readOnly: {}, blocked: {}, members: {}, ...over });
  const member = (role: MemberDto["role"]): MemberDto[] => [{ ...meUser, role, readSeq: 0, deliveredSeq: 0, online: true, lastActiveAt: null }];
  const ids = (list: ConversationSummary[]) => list.map((c) => c.id);

  const list = [conv({ id: "c1", title: "Ana Lima" }), group("c2", "Book club"), group("c3", "Old group")];
  it("keeps list order, filters by the search and drops chats I left or that are archived", () => {
    expect(ids(forwardCandidates(list, "", rights({ readOnly: { c3: true } })))).toEqual(["c1", "c2"]);
    expect(ids(forwardCandidates(list, "book", rights()))).toEqual(["c2"]);
    expect(ids(forwardCandidates(list, "@ana", rights()))).toEqual(["c1"]);
  });

  it("drops a direct chat with someone I blocked", () => {
    expect(ids(forwardCandidates(list, "", rights({ blocked: { [ANA]: true } })))).toEqual(["c2", "c3"]);
  });

  it("offers an announcement group only where I may announce: admins, or site admins in a public one", () => {
    const news = group("news", "News", { onlyAdminsSend: true });
    const town = group("town", "Town news", { onlyAdminsSend: true, visibility: "PUBLIC" });
    const all = [news, town];
    expect(ids(forwardCandidates(all, "", rights({ members: { news: member("MEMBER") } })))).toEqual([]);
    expect(ids(forwardCandidates(all, "", rights({ members: { news: member("ADMIN") } })))).toEqual(["news"]);
    expect(ids(forwardCandidates(all, "", rights({ members: { news: member("OWNER") }, siteRole: "ADMIN" })))).toEqual(["news", "town"]);
  });

  it("holds back an announcement group until its member list says my role, and asks for that list", () => {
    const news = group("news", "News", { onlyAdminsSend: true });
    const town = group("town", "Town news", { onlyAdminsSend: true, visibility: "PUBLIC" });
    const all = [list[0]!, news, town, group("gone", "Gone news", { onlyAdminsSend: true }), list[1]!];
    const unknown = rights({ readOnly: { gone: true } });
    expect(ids(forwardCandidates(all, "", unknown))).toEqual(["c1", "c2"]);
    expect(announcementRolesToLoad(all, unknown)).toEqual(["news"]);
    expect(announcementRolesToLoad(all, rights({ readOnly: { gone: true }, members: { news: member("ADMIN") } }))).toEqual([]);
  });
});

describe("forwarding to people without a chat", () => {
  const person = (id: string, name: string): UserSummary => ({ id, name, username: name.toLowerCase(), initials: name[0]!, avatarColor: "#000", avatarUrl: null });
  const rights = (over: Partial<SendRights> = {}): SendRights => ({ meId: ME, siteRole: "USER", readOnly: {}, blocked: {}, members: {}, ...over });

  it("lists only people I have no direct chat with, not me and not whom I blocked", () => {
    const ana = person(ANA, "Ana");
    const found = [ana, person("u-bo", "Bo"), person("u-cy", "Cy"), person(ME, "Me")];
    const chats = [conv({ id: "dm-ana", title: "Ana" })];
    expect(chats[0]!.peer?.id).toBe(ANA);
    expect(peopleToForwardTo(found, chats, rights({ blocked: { "u-cy": true } })).map((u) => u.name)).toEqual(["Bo"]);
  });

  it("splits a selection into chats and people whose chat opens first, keeping the order", () => {
    const selected = ["c1", personTarget("u-bo"), "c2", personTarget("u-cy")];
    expect(splitTargets(selected)).toEqual({ conversationIds: ["c1", "c2"], peopleIds: ["u-bo", "u-cy"] });
    expect(toggleTarget(selected, personTarget("u-bo"))).toEqual(["c1", "c2", personTarget("u-cy")]);
  });
});
