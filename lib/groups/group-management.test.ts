import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as groupJoinRoute from "@/app/api/v1/groups/[id]/join/route";
import * as inviteJoinRoute from "@/app/api/v1/invites/[code]/join/route";
import * as inviteRoute from "@/app/api/v1/invites/[code]/route";
import * as adminGroupRoute from "@/app/api/v1/admin/groups/[id]/route";
import { listAudit } from "@/lib/admin/audit";
import { createPublicGroup, deletePublicGroup, listAdminGroups, listGroupMembers, setGroupArchived } from "@/lib/admin/manage-groups";
import { listConversations } from "@/lib/conversations/list-conversations";
import { openDirect } from "@/lib/conversations/open-direct";
import { AppError } from "@/lib/errors";
import { autoJoinGroups } from "@/lib/groups/auto-join";
import { createPrivateGroup } from "@/lib/groups/create-private-group";
import { createInvite, joinByInvite, listInvites, previewInvite, revokeInvite } from "@/lib/groups/invites";
import { joinGroup } from "@/lib/groups/join-group";
import { leaveGroup } from "@/lib/groups/leave-group";
import { listPublicGroups } from "@/lib/groups/list-public-groups";
import { addMembers, removeMember, setMemberRole, unbanMember } from "@/lib/groups/manage-members";
import { updateGroup } from "@/lib/groups/update-group";
import { deleteMessages } from "@/lib/messages/delete-message";
import { listMessages } from "@/lib/messages/list-messages";
import { sendMessage } from "@/lib/messages/send-message";
import type { MessageDto, SystemEvent } from "@/lib/realtime/contract";
import { testDb } from "@/lib/test-support/database";
import { createTestUser, recordingPublisher, type RecordingPublisher, type TestUser } from "@/lib/test-support/fixtures";

// Group management against the real database: private groups run by their owner and admins,
// public groups run by site admins, invites, bans, system messages and what gets published.

const db = testDb();
const BASE = "http://localhost:3000";

type RouteFn = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

function call(fn: unknown, opts: { method: string; path: string; cookie: string; params?: Record<string, string>; body?: unknown }) {
  const headers: Record<string, string> = { host: "localhost:3000", cookie: opts.cookie };
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  const req = new Request(`${BASE}${opts.path}`, { method: opts.method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  return (fn as RouteFn)(req, { params: Promise.resolve(opts.params ?? {}) });
}

async function expectCode(promise: Promise<unknown>, code: AppError["code"]) {
  const err = await promise.then(
    () => expect.unreachable("expected the call to fail"),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
}

const tag = () => randomUUID().slice(0, 8);

/** Users who share one recording publisher, so every event of a scenario lands in one list. */
async function cast(names: string[]) {
  const publish = recordingPublisher();
  const t = tag();
  const users = [];
  for (const name of names) users.push(await createTestUser(db, { name: `${name} ${t}`, publish }));
  return { publish, users, t };
}

/**
 * Asserts the SYSTEM messages stored since the previous check, and that each was published as
 * `message:new` exactly once (and nothing else was posted to the chat).
 */
function systemTracker(publish: RecordingPublisher, conversationId: string) {
  let seenSeq = 0;
  let seenEvents = 0;
  return async (expected: SystemEvent[]) => {
    const rows = await db.message.findMany({ where: { conversationId, seq: { gt: seenSeq } }, orderBy: { seq: "asc" } });
    expect(rows.map((r) => r.type)).toEqual(expected.map(() => "SYSTEM"));
    expect(rows.map((r) => (r.metadata as { system: SystemEvent }).system)).toEqual(expected);
    const published = publish.events.slice(seenEvents).filter((e) => e.event === "message:new");
    expect(published.map((e) => e.to)).toEqual(expected.map(() => `conv:${conversationId}`));
    expect(published.map((e) => (e.payload as MessageDto).id)).toEqual(rows.map((r) => r.id));
    expect(published.map((e) => (e.payload as MessageDto).system)).toEqual(expected);
    if (rows.length) seenSeq = Number(rows.at(-1)!.seq);
    seenEvents = publish.events.length;
  };
}

async function participantsOf(conversationId: string) {
  const rows = await db.participant.findMany({ where: { conversationId }, select: { userId: true, role: true, leftAt: true, bannedAt: true } });
  return Object.fromEntries(rows.map((p) => [p.userId, { role: p.role, member: p.leftAt === null, banned: p.bannedAt !== null }]));
}

async function setJoinedAt(conversationId: string, userId: string, minutesAgo: number) {
  await db.participant.update({ where: { conversationId_userId: { conversationId, userId } }, data: { joinedAt: new Date(Date.now() - minutesAgo * 60_000) } });
}

let siteAdmin: TestUser;
const autoJoinGroupIds: string[] = [];

beforeAll(async () => {
  siteAdmin = await createTestUser(db, { name: "Gwen Groupadmin", role: "ADMIN" });
});

afterAll(async () => {
  // Don't let other files' new users auto-join what this file created.
  await db.conversation.updateMany({ where: { id: { in: autoJoinGroupIds } }, data: { autoJoin: false } });
});

async function publicGroup(name = `Public ${tag()}`) {
  return db.conversation.create({ data: { type: "GROUP", visibility: "PUBLIC", name, icon: "🌍", iconBg: "#224466", about: "about it" } });
}

// ---------------------------------------------------------------------------------------------

describe("system messages: exactly one per event", () => {
  it("creating a group posts 'created' and one 'added' per initial member, duplicates and myself included", async () => {
    const { publish, users, t } = await cast(["Owen Owner", "Bea", "Cid"]);
    const [owner, bea, cid] = users as [TestUser, TestUser, TestUser];
    const summary = await createPrivateGroup(owner.ctx, { name: `Created ${t}`, memberIds: [bea.id, cid.id, bea.id, owner.id] });
    expect(summary).toMatchObject({ type: "GROUP", visibility: "PRIVATE", title: `Created ${t}`, memberCount: 3, lastSeq: 3 });

    const rows = await db.message.findMany({ where: { conversationId: summary.id }, orderBy: { seq: "asc" } });
    const events = rows.map((r) => (r.metadata as { system: SystemEvent }).system);
    expect(rows.every((r) => r.type === "SYSTEM" && r.senderId === owner.id && r.text === null)).toBe(true);
    expect(events[0]).toEqual({ kind: "created", actorName: owner.name, groupName: `Created ${t}` });
    expect(events.slice(1).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual(
      [
        { kind: "added", actorName: owner.name, targetName: bea.name },
        { kind: "added", actorName: owner.name, targetName: cid.name },
      ].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    );
    const published = publish.events.filter((e) => e.event === "message:new");
    expect(published.map((e) => [e.to, (e.payload as MessageDto).id])).toEqual(rows.map((r) => [`conv:${summary.id}`, r.id]));

    expect(await participantsOf(summary.id)).toEqual({
      [owner.id]: { role: "OWNER", member: true, banned: false },
      [bea.id]: { role: "MEMBER", member: true, banned: false },
      [cid.id]: { role: "MEMBER", member: true, banned: false },
    });
    // Everyone's sockets join the room once, and each gets the chat in their list once.
    const subscribed = publish.events.filter((e) => e.event === "subscribe").map((e) => e.to).sort();
    expect(subscribed).toEqual([owner, bea, cid].map((u) => `user:${u.id}`).sort());
    const announced = publish.events.filter((e) => e.event === "conversation:updated").map((e) => e.to).sort();
    expect(announced).toEqual([owner, bea, cid].map((u) => `user:${u.id}`).sort());

    // Members read them as system events.
    const page = await listMessages(bea.ctx, { conversationId: summary.id });
    expect(page.messages.map((m) => m.system?.kind)).toEqual(["created", "added", "added"]);
  });

  it("add, rename, remove, join by invite, promote, leave and ownership transfer each post once; no-ops post nothing", async () => {
    const { publish, users, t } = await cast(["Owen Owner", "Bea", "Cid", "Dot", "Eve"]);
    const [owner, bea, cid, dot, eve] = users as [TestUser, TestUser, TestUser, TestUser, TestUser];
    const group = await createPrivateGroup(owner.ctx, { name: `Events ${t}`, memberIds: [bea.id] });
    const g = group.id;
    const expectSystem = systemTracker(publish, g);
    await expectSystem([
      { kind: "created", actorName: owner.name, groupName: `Events ${t}` },
      { kind: "added", actorName: owner.name, targetName: bea.name },
    ]);

    // Add.
    expect(await addMembers(owner.ctx, { conversationId: g, userIds: [cid.id] })).toEqual({ added: [cid.id] });
    await expectSystem([{ kind: "added", actorName: owner.name, targetName: cid.name }]);
    expect(await addMembers(owner.ctx, { conversationId: g, userIds: [cid.id, cid.id] })).toEqual({ added: [] });
    expect(await addMembers(owner.ctx, { conversationId: g, userIds: [dot.id, cid.id] })).toEqual({ added: [dot.id] });
    await expectSystem([{ kind: "added", actorName: owner.name, targetName: dot.name }]);
    expect(publish.events.filter((e) => e.event === "conversation:updated" && e.to === `user:${dot.id}`)).toHaveLength(1);

    // Rename: only a new name is an event.
    await updateGroup(owner.ctx, { conversationId: g, name: `Renamed ${t}` });
    await expectSystem([{ kind: "renamed", actorName: owner.name, groupName: `Renamed ${t}` }]);
    await updateGroup(owner.ctx, { conversationId: g, name: `Renamed ${t}` });
    await updateGroup(owner.ctx, { conversationId: g, about: "now with an about", icon: "🎲", iconBg: "#abcdef" });
    await expectSystem([]);

    // Remove.
    await removeMember(owner.ctx, { conversationId: g, userId: dot.id });
    await expectSystem([{ kind: "removed", actorName: owner.name, targetName: dot.name }]);
    // The chat list previews the event itself (before: an empty line).
    const beasChat = (await listConversations(bea.ctx)).find((c) => c.id === g);
    expect(beasChat?.lastMessage).toMatchObject({ type: "SYSTEM", system: { kind: "removed", actorName: owner.name, targetName: dot.name } });
    await removeMember(owner.ctx, { conversationId: g, userId: dot.id });
    await expectSystem([]);

    // Join by invite, twice.
    const invite = await createInvite(owner.ctx, { conversationId: g });
    await joinByInvite(eve.ctx, { code: invite.code });
    await expectSystem([{ kind: "joined", actorName: eve.name }]);
    const again = await joinByInvite(eve.ctx, { code: invite.code });
    expect(again).toMatchObject({ id: g, title: `Renamed ${t}` });
    await expectSystem([]);

    // Promote (and a no-op promotion).
    await setMemberRole(owner.ctx, { conversationId: g, userId: cid.id, role: "ADMIN" });
    await expectSystem([{ kind: "promoted", actorName: owner.name, targetName: cid.name }]);
    await setMemberRole(owner.ctx, { conversationId: g, userId: cid.id, role: "ADMIN" });
    await expectSystem([]);

    // A member leaves.
    await leaveGroup(eve.ctx, { conversationId: g });
    await expectSystem([{ kind: "left", actorName: eve.name }]);

    // The owner leaves: the admin Cid inherits, announced once.
    await leaveGroup(owner.ctx, { conversationId: g });
    await expectSystem([
      { kind: "left", actorName: owner.name },
      { kind: "owner", targetName: cid.name },
    ]);
    expect(await participantsOf(g)).toEqual({
      [owner.id]: { role: "MEMBER", member: false, banned: false },
      [bea.id]: { role: "MEMBER", member: true, banned: false },
      [cid.id]: { role: "OWNER", member: true, banned: false },
      [dot.id]: { role: "MEMBER", member: false, banned: false },
      [eve.id]: { role: "MEMBER", member: false, banned: false },
    });
    expect((await db.conversation.findUniqueOrThrow({ where: { id: g } })).lastSeq).toBe(11n);
  });

  it("public groups get no system messages for joins, leaves, removals or edits", async () => {
    const { publish, users } = await cast(["Pam", "Quin"]);
    const [pam, quin] = users as [TestUser, TestUser];
    const group = await publicGroup();
    const admin = await createTestUser(db, { role: "ADMIN", publish });
    await joinGroup(pam.ctx, { conversationId: group.id });
    await joinGroup(quin.ctx, { conversationId: group.id });
    await leaveGroup(pam.ctx, { conversationId: group.id });
    await removeMember(admin.ctx, { conversationId: group.id, userId: quin.id });
    await updateGroup(admin.ctx, { conversationId: group.id, name: `${group.name} v2` });
    expect(await db.message.count({ where: { conversationId: group.id } })).toBe(0);
    expect(publish.events.filter((e) => e.event === "message:new")).toEqual([]);
  });
});

describe("system messages under concurrency: still one per event", () => {
  it("double-submitted adds, invite joins, removals and leaves each post once", async () => {
    for (let round = 0; round < 3; round++) {
      const { publish, users, t } = await cast(["Owen Owner", "Ada Admin", "Val", "Ivy"]);
      const [owner, ada, val, ivy] = users as [TestUser, TestUser, TestUser, TestUser];
      const group = await createPrivateGroup(owner.ctx, { name: `Races ${t}`, memberIds: [ada.id] });
      const g = group.id;
      await setMemberRole(owner.ctx, { conversationId: g, userId: ada.id, role: "ADMIN" });
      const invite = await createInvite(owner.ctx, { conversationId: g });
      const expectSystem = systemTracker(publish, g);
      await expectSystem([expect.objectContaining({ kind: "created" }), expect.objectContaining({ kind: "added" }), expect.objectContaining({ kind: "promoted" })]);

      // Two admins add Val at the same moment.
      const adds = await Promise.all([
        addMembers(owner.ctx, { conversationId: g, userIds: [val.id] }),
        addMembers(ada.ctx, { conversationId: g, userIds: [val.id] }),
      ]);
      expect(adds.flatMap((a) => a.added)).toEqual([val.id]);
      await expectSystem([{ kind: "added", actorName: adds[0]!.added.length ? owner.name : ada.name, targetName: val.name }]);

      // Ivy clicks the invite link twice.
      await Promise.all([joinByInvite(ivy.ctx, { code: invite.code }), joinByInvite(ivy.ctx, { code: invite.code })]);
      await expectSystem([{ kind: "joined", actorName: ivy.name }]);

      // Both admins remove Val at once.
      await Promise.all([removeMember(owner.ctx, { conversationId: g, userId: val.id }), removeMember(ada.ctx, { conversationId: g, userId: val.id })]);
      await expectSystem([{ kind: "removed", actorName: expect.any(String), targetName: val.name }]);
      expect(publish.events.filter((e) => e.event === "conversation:removed" && e.to === `user:${val.id}`)).toHaveLength(1);

      // Ivy double-clicks Leave; then the owner does.
      await Promise.allSettled([leaveGroup(ivy.ctx, { conversationId: g }), leaveGroup(ivy.ctx, { conversationId: g })]);
      await expectSystem([{ kind: "left", actorName: ivy.name }]);
      await Promise.allSettled([leaveGroup(owner.ctx, { conversationId: g }), leaveGroup(owner.ctx, { conversationId: g })]);
      await expectSystem([{ kind: "left", actorName: owner.name }, { kind: "owner", targetName: ada.name }]);

      expect(await participantsOf(g)).toEqual({
        [owner.id]: { role: "MEMBER", member: false, banned: false },
        [ada.id]: { role: "OWNER", member: true, banned: false },
        [val.id]: { role: "MEMBER", member: false, banned: false },
        [ivy.id]: { role: "MEMBER", member: false, banned: false },
      });
    }
  });

  it("a ban racing a plain removal still bans", async () => {
    const group = await publicGroup();
    const user = await createTestUser(db);
    await joinGroup(user.ctx, { conversationId: group.id });
    await Promise.all([
      removeMember(siteAdmin.ctx, { conversationId: group.id, userId: user.id }),
      removeMember(siteAdmin.ctx, { conversationId: group.id, userId: user.id, ban: true }),
    ]);
    expect(await participantsOf(group.id)).toEqual({ [user.id]: { role: "MEMBER", member: false, banned: true } });
    await expectCode(joinGroup(user.ctx, { conversationId: group.id }), "FORBIDDEN");
  });
});

describe("ownership when the owner leaves", () => {
  it("passes to the longest-standing admin, ahead of longer-standing members", async () => {
    const { publish, users, t } = await cast(["Owen Owner", "Mo Member", "Ann Admin", "Al Admin"]);
    const [owner, mo, ann, al] = users as [TestUser, TestUser, TestUser, TestUser];
    const group = await createPrivateGroup(owner.ctx, { name: `Heirs ${t}`, memberIds: [mo.id, ann.id, al.id] });
    await setMemberRole(owner.ctx, { conversationId: group.id, userId: al.id, role: "ADMIN" });
    await setMemberRole(owner.ctx, { conversationId: group.id, userId: ann.id, role: "ADMIN" });
    await setJoinedAt(group.id, owner.id, 60);
    await setJoinedAt(group.id, mo.id, 50);
    await setJoinedAt(group.id, ann.id, 40);
    await setJoinedAt(group.id, al.id, 30);
    const expectSystem = systemTracker(publish, group.id);
    await expectSystem([
      { kind: "created", actorName: owner.name, groupName: `Heirs ${t}` },
      ...[mo, ann, al].map(() => expect.objectContaining({ kind: "added" })),
      { kind: "promoted", actorName: owner.name, targetName: al.name },
      { kind: "promoted", actorName: owner.name, targetName: ann.name },
    ]);

    await leaveGroup(owner.ctx, { conversationId: group.id });
    await expectSystem([
      { kind: "left", actorName: owner.name },
      { kind: "owner", targetName: ann.name },
    ]);
    expect(await participantsOf(group.id)).toMatchObject({
      [ann.id]: { role: "OWNER", member: true },
      [al.id]: { role: "ADMIN", member: true },
      [mo.id]: { role: "MEMBER", member: true },
      [owner.id]: { role: "MEMBER", member: false },
    });
    // The new owner runs the group; the old one is an outsider now.
    await removeMember(ann.ctx, { conversationId: group.id, userId: al.id });
    await expectCode(createInvite(owner.ctx, { conversationId: group.id }), "NOT_FOUND");
  });

  it("passes to the longest-standing member when there is no admin", async () => {
    const { publish, users, t } = await cast(["Owen Owner", "Young", "Old"]);
    const [owner, young, old] = users as [TestUser, TestUser, TestUser];
    const group = await createPrivateGroup(owner.ctx, { name: `No admins ${t}`, memberIds: [young.id, old.id] });
    await setJoinedAt(group.id, young.id, 5);
    await setJoinedAt(group.id, old.id, 500);
    const expectSystem = systemTracker(publish, group.id);
    await expectSystem([expect.objectContaining({ kind: "created" }), expect.objectContaining({ kind: "added" }), expect.objectContaining({ kind: "added" })]);
    await leaveGroup(owner.ctx, { conversationId: group.id });
    await expectSystem([
      { kind: "left", actorName: owner.name },
      { kind: "owner", targetName: old.name },
    ]);
    expect(await participantsOf(group.id)).toMatchObject({ [old.id]: { role: "OWNER" }, [young.id]: { role: "MEMBER" } });
    await expect(createInvite(old.ctx, { conversationId: group.id })).resolves.toMatchObject({ code: expect.any(String) });
  });

  it("leaves a group whose last member left silent and ownerless", async () => {
    const { publish, users, t } = await cast(["Solo"]);
    const [solo] = users as [TestUser];
    const group = await createPrivateGroup(solo.ctx, { name: `Alone ${t}` });
    const expectSystem = systemTracker(publish, group.id);
    await expectSystem([{ kind: "created", actorName: solo.name, groupName: `Alone ${t}` }]);
    await leaveGroup(solo.ctx, { conversationId: group.id });
    await expectSystem([{ kind: "left", actorName: solo.name }]);
    expect(await db.participant.count({ where: { conversationId: group.id, leftAt: null } })).toBe(0);
    expect(await db.conversation.count({ where: { id: group.id } })).toBe(1);
  });
});

describe("private group roles", () => {
  async function rolesGroup() {
    const { publish, users, t } = await cast(["Owen Owner", "Ada Admin", "Abe Admin", "Mel Member", "Nia Member"]);
    const [owner, ada, abe, mel, nia] = users as [TestUser, TestUser, TestUser, TestUser, TestUser];
    const group = await createPrivateGroup(owner.ctx, { name: `Roles ${t}`, memberIds: [ada.id, abe.id, mel.id, nia.id] });
    await setMemberRole(owner.ctx, { conversationId: group.id, userId: ada.id, role: "ADMIN" });
    await setMemberRole(owner.ctx, { conversationId: group.id, userId: abe.id, role: "ADMIN" });
    return { publish, g: group.id, owner, ada, abe, mel, nia };
  }

  it("an admin can remove members but neither the owner nor another admin; the owner can remove an admin", async () => {
    const { g, owner, ada, abe, mel, nia } = await rolesGroup();
    const before = await participantsOf(g);
    await expectCode(removeMember(ada.ctx, { conversationId: g, userId: owner.id }), "FORBIDDEN");
    await expectCode(removeMember(ada.ctx, { conversationId: g, userId: owner.id, ban: true }), "FORBIDDEN");
    await expectCode(removeMember(ada.ctx, { conversationId: g, userId: abe.id }), "FORBIDDEN");
    await expectCode(removeMember(mel.ctx, { conversationId: g, userId: nia.id }), "FORBIDDEN");
    await expectCode(removeMember(owner.ctx, { conversationId: g, userId: owner.id }), "BAD_REQUEST");
    await expectCode(removeMember(ada.ctx, { conversationId: g, userId: siteAdmin.id }), "NOT_FOUND");
    expect(await participantsOf(g)).toEqual(before);

    await removeMember(ada.ctx, { conversationId: g, userId: mel.id });
    await removeMember(owner.ctx, { conversationId: g, userId: abe.id });
    expect(await participantsOf(g)).toMatchObject({
      [mel.id]: { member: false, role: "MEMBER" },
      [abe.id]: { member: false, role: "MEMBER" },
      [owner.id]: { member: true, role: "OWNER" },
      [ada.id]: { member: true, role: "ADMIN" },
    });
    // Abe is an outsider now: his admin rights went with his membership.
    await expectCode(removeMember(abe.ctx, { conversationId: g, userId: nia.id }), "NOT_FOUND");
  });

  it("owner and admins promote; only the owner demotes an admin; the owner's role never changes", async () => {
    const { publish, g, owner, ada, abe, mel, nia } = await rolesGroup();
    await setMemberRole(ada.ctx, { conversationId: g, userId: mel.id, role: "ADMIN" });
    const joined = publish.events.filter((e) => e.event === "member:joined").at(-1)!;
    expect(joined).toMatchObject({ to: `conv:${g}`, payload: { conversationId: g, member: { id: mel.id, role: "ADMIN" } } });

    await expectCode(setMemberRole(ada.ctx, { conversationId: g, userId: mel.id, role: "MEMBER" }), "FORBIDDEN");
    await expectCode(setMemberRole(ada.ctx, { conversationId: g, userId: ada.id, role: "MEMBER" }), "FORBIDDEN");
    await expectCode(setMemberRole(ada.ctx, { conversationId: g, userId: owner.id, role: "MEMBER" }), "FORBIDDEN");
    await expectCode(setMemberRole(owner.ctx, { conversationId: g, userId: owner.id, role: "ADMIN" }), "FORBIDDEN");
    await expectCode(setMemberRole(nia.ctx, { conversationId: g, userId: nia.id, role: "ADMIN" }), "FORBIDDEN");
    await expectCode(setMemberRole(owner.ctx, { conversationId: g, userId: siteAdmin.id, role: "ADMIN" }), "NOT_FOUND");
    await expectCode(setMemberRole(siteAdmin.ctx, { conversationId: g, userId: nia.id, role: "ADMIN" }), "NOT_FOUND");
    expect(await participantsOf(g)).toMatchObject({
      [owner.id]: { role: "OWNER" }, [ada.id]: { role: "ADMIN" }, [abe.id]: { role: "ADMIN" }, [mel.id]: { role: "ADMIN" }, [nia.id]: { role: "MEMBER" },
    });

    await setMemberRole(owner.ctx, { conversationId: g, userId: mel.id, role: "MEMBER" });
    await setMemberRole(owner.ctx, { conversationId: g, userId: abe.id, role: "MEMBER" });
    expect(await participantsOf(g)).toMatchObject({ [mel.id]: { role: "MEMBER" }, [abe.id]: { role: "MEMBER" } });
    const kinds = (await db.message.findMany({ where: { conversationId: g }, orderBy: { seq: "asc" } }))
      .map((m) => (m.metadata as { system: SystemEvent }).system)
      .filter((s) => s.kind === "promoted" || s.kind === "demoted")
      .map((s) => [s.kind, "targetName" in s ? s.targetName : null]);
    expect(kinds).toEqual([
      ["promoted", ada.name], ["promoted", abe.name], ["promoted", mel.name], ["demoted", mel.name], ["demoted", abe.name],
    ]);
  });

  it("plain members are refused and outsiders (site admins included) learn nothing, for every operation", async () => {
    const { g, owner, mel, nia } = await rolesGroup();
    const outsider = await createTestUser(db);
    const invite = await createInvite(owner.ctx, { conversationId: g });
    const attempts = (u: TestUser): (() => Promise<unknown>)[] => [
      () => updateGroup(u.ctx, { conversationId: g, name: "Hijacked" }),
      () => addMembers(u.ctx, { conversationId: g, userIds: [outsider.id] }),
      () => setMemberRole(u.ctx, { conversationId: g, userId: nia.id, role: "ADMIN" }),
      () => removeMember(u.ctx, { conversationId: g, userId: nia.id }),
      () => unbanMember(u.ctx, { conversationId: g, userId: nia.id }),
      () => listInvites(u.ctx, { conversationId: g }),
      () => createInvite(u.ctx, { conversationId: g }),
      () => revokeInvite(u.ctx, { conversationId: g, inviteId: invite.id }),
    ];
    const before = { participants: await participantsOf(g), messages: await db.message.count({ where: { conversationId: g } }) };
    for (const attempt of attempts(mel)) await expectCode(attempt(), "FORBIDDEN");
    for (const attempt of attempts(outsider)) await expectCode(attempt(), "NOT_FOUND");
    for (const attempt of attempts(siteAdmin)) await expectCode(attempt(), "NOT_FOUND");
    expect({ participants: await participantsOf(g), messages: await db.message.count({ where: { conversationId: g } }) }).toEqual(before);
    expect((await db.conversation.findUniqueOrThrow({ where: { id: g } })).name).not.toBe("Hijacked");
    expect(await db.groupInvite.count({ where: { conversationId: g } })).toBe(1);
    expect((await db.groupInvite.findUniqueOrThrow({ where: { id: invite.id } })).revokedAt).toBeNull();
  });

  it("refuses public-group-only and private-group-only operations on the other kind", async () => {
    const group = await publicGroup();
    const user = await createTestUser(db);
    await joinGroup(user.ctx, { conversationId: group.id });
    await expectCode(addMembers(siteAdmin.ctx, { conversationId: group.id, userIds: [user.id] }), "BAD_REQUEST");
    await expectCode(setMemberRole(siteAdmin.ctx, { conversationId: group.id, userId: user.id, role: "ADMIN" }), "BAD_REQUEST");
    await expectCode(createInvite(siteAdmin.ctx, { conversationId: group.id }), "BAD_REQUEST");
    expect(await db.groupInvite.count({ where: { conversationId: group.id } })).toBe(0);

    // A direct chat is not a group at all.
    const other = await createTestUser(db);
    const direct = await openDirect(user.ctx, { userId: other.id });
    await expectCode(updateGroup(user.ctx, { conversationId: direct.id, name: "Not a group" }), "NOT_FOUND");
    await expectCode(removeMember(siteAdmin.ctx, { conversationId: direct.id, userId: other.id }), "NOT_FOUND");
  });
});

describe("bans", () => {
  it("a banned user can't rejoin a public group until unbanned (domain and HTTP)", async () => {
    const group = await publicGroup();
    const user = await createTestUser(db);
    await joinGroup(user.ctx, { conversationId: group.id });
    await removeMember(siteAdmin.ctx, { conversationId: group.id, userId: user.id, ban: true });

    await expectCode(joinGroup(user.ctx, { conversationId: group.id }), "FORBIDDEN");
    const res = await call(groupJoinRoute.POST, { method: "POST", path: `/api/v1/groups/${group.id}/join`, params: { id: group.id }, cookie: user.cookie });
    expect(res.status).toBe(403);
    expect(await participantsOf(group.id)).toEqual({ [user.id]: { role: "MEMBER", member: false, banned: true } });
    expect((await listGroupMembers(siteAdmin.ctx, { conversationId: group.id })).find((m) => m.id === user.id)).toMatchObject({ banned: true, isMember: false });
    expect((await listPublicGroups(user.ctx)).find((g) => g.id === group.id)).toMatchObject({ isMember: false, memberCount: 0 });

    await unbanMember(siteAdmin.ctx, { conversationId: group.id, userId: user.id });
    await expectCode(unbanMember(siteAdmin.ctx, { conversationId: group.id, userId: user.id }), "NOT_FOUND");
    expect(await joinGroup(user.ctx, { conversationId: group.id })).toMatchObject({ id: group.id, memberCount: 1 });
    expect(await participantsOf(group.id)).toEqual({ [user.id]: { role: "MEMBER", member: true, banned: false } });

    const audit = await db.auditLog.findMany({ where: { targetType: "member", targetId: `${group.id}:${user.id}` }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => [a.actorId, a.action, a.before, a.after])).toEqual([
      [siteAdmin.id, "member.ban", { member: true }, { member: false, banned: true }],
      [siteAdmin.id, "member.unban", { banned: true }, { banned: false }],
    ]);
  });

  it("bans someone who already left, so they can't come back", async () => {
    const group = await publicGroup();
    const user = await createTestUser(db);
    await joinGroup(user.ctx, { conversationId: group.id });
    await leaveGroup(user.ctx, { conversationId: group.id });
    await removeMember(siteAdmin.ctx, { conversationId: group.id, userId: user.id, ban: true });
    await expectCode(joinGroup(user.ctx, { conversationId: group.id }), "FORBIDDEN");
    // Never a member: nothing to ban.
    const stranger = await createTestUser(db);
    await expectCode(removeMember(siteAdmin.ctx, { conversationId: group.id, userId: stranger.id, ban: true }), "NOT_FOUND");
    await expect(joinGroup(stranger.ctx, { conversationId: group.id })).resolves.toMatchObject({ id: group.id });
  });

  it("a banned user can't rejoin a private group through an invite, nor be added back, until unbanned", async () => {
    const { publish, users, t } = await cast(["Owen Owner", "Ada Admin", "Bo Banned"]);
    const [owner, ada, bo] = users as [TestUser, TestUser, TestUser];
    const group = await createPrivateGroup(owner.ctx, { name: `Bans ${t}`, memberIds: [ada.id, bo.id] });
    await setMemberRole(owner.ctx, { conversationId: group.id, userId: ada.id, role: "ADMIN" });
    const invite = await createInvite(owner.ctx, { conversationId: group.id });
    const expectSystem = systemTracker(publish, group.id);
    await expectSystem([
      expect.objectContaining({ kind: "created" }), expect.objectContaining({ kind: "added" }), expect.objectContaining({ kind: "added" }),
      expect.objectContaining({ kind: "promoted" }),
    ]);

    await removeMember(ada.ctx, { conversationId: group.id, userId: bo.id, ban: true });
    await expectSystem([{ kind: "removed", actorName: ada.name, targetName: bo.name }]);

    await expectCode(joinByInvite(bo.ctx, { code: invite.code }), "FORBIDDEN");
    const res = await call(inviteJoinRoute.POST, { method: "POST", path: `/api/v1/invites/${invite.code}/join`, params: { code: invite.code }, cookie: bo.cookie });
    expect(res.status).toBe(403);
    await expectCode(addMembers(ada.ctx, { conversationId: group.id, userIds: [bo.id] }), "FORBIDDEN");
    await expectSystem([]);
    expect((await participantsOf(group.id))[bo.id]).toEqual({ role: "MEMBER", member: false, banned: true });
    await expectCode(listMessages(bo.ctx, { conversationId: group.id }), "NOT_FOUND");

    await unbanMember(ada.ctx, { conversationId: group.id, userId: bo.id });
    expect(await joinByInvite(bo.ctx, { code: invite.code })).toMatchObject({ id: group.id, memberCount: 3 });
    await expectSystem([{ kind: "joined", actorName: bo.name }]);
    expect((await participantsOf(group.id))[bo.id]).toEqual({ role: "MEMBER", member: true, banned: false });
    // Private groups are not audited.
    expect(await db.auditLog.count({ where: { targetId: { startsWith: group.id } } })).toBe(0);
  });
});

describe("invites", () => {
  it("are created, listed and revoked by group admins; a revoked link leads nowhere", async () => {
    const { users, t } = await cast(["Owen Owner", "Jo Joiner", "Kim Late"]);
    const [owner, jo, kim] = users as [TestUser, TestUser, TestUser];
    const group = await createPrivateGroup(owner.ctx, { name: `Invites ${t}`, about: "come in" });
    const first = await createInvite(owner.ctx, { conversationId: group.id });
    const second = await createInvite(owner.ctx, { conversationId: group.id });
    expect(first.code).not.toBe(second.code);
    expect((await listInvites(owner.ctx, { conversationId: group.id })).map((i) => i.id).sort()).toEqual([first.id, second.id].sort());

    // Anyone signed in may look at a live link before joining.
    expect(await previewInvite(jo.ctx, { code: first.code })).toMatchObject({ id: group.id, name: `Invites ${t}`, about: "come in", memberCount: 1, isMember: false });
    const preview = await call(inviteRoute.GET, { method: "GET", path: `/api/v1/invites/${first.code}`, params: { code: first.code }, cookie: jo.cookie });
    expect(preview.status).toBe(200);
    expect((await preview.json()).group).toMatchObject({ id: group.id, memberCount: 1 });

    await revokeInvite(owner.ctx, { conversationId: group.id, inviteId: first.id });
    expect((await listInvites(owner.ctx, { conversationId: group.id })).map((i) => i.id)).toEqual([second.id]);
    await expectCode(previewInvite(jo.ctx, { code: first.code }), "NOT_FOUND");
    await expectCode(joinByInvite(jo.ctx, { code: first.code }), "NOT_FOUND");
    const refused = await call(inviteJoinRoute.POST, { method: "POST", path: `/api/v1/invites/${first.code}/join`, params: { code: first.code }, cookie: jo.cookie });
    expect(refused.status).toBe(404);
    expect(await db.participant.count({ where: { conversationId: group.id, userId: jo.id } })).toBe(0);
    await expectCode(revokeInvite(owner.ctx, { conversationId: group.id, inviteId: first.id }), "NOT_FOUND");
    await expectCode(joinByInvite(jo.ctx, { code: randomBytes(16).toString("base64url") }), "NOT_FOUND");

    // The other link still works, over HTTP too.
    const joined = await call(inviteJoinRoute.POST, { method: "POST", path: `/api/v1/invites/${second.code}/join`, params: { code: second.code }, cookie: jo.cookie });
    expect(joined.status).toBe(200);
    expect((await joined.json()).conversation).toMatchObject({ id: group.id, type: "GROUP", visibility: "PRIVATE", memberCount: 2 });
    expect(await previewInvite(jo.ctx, { code: second.code })).toMatchObject({ isMember: true, memberCount: 2 });

    // An invite of another group can't be revoked through this one.
    const other = await createPrivateGroup(owner.ctx, { name: `Other ${t}` });
    await expectCode(revokeInvite(owner.ctx, { conversationId: other.id, inviteId: second.id }), "NOT_FOUND");
    // Links of an archived group stop working.
    await db.conversation.update({ where: { id: group.id }, data: { archivedAt: new Date() } });
    await expectCode(joinByInvite(kim.ctx, { code: second.code }), "NOT_FOUND");
    expect(await db.participant.count({ where: { conversationId: group.id, userId: kim.id } })).toBe(0);
  });

  it("refuses malformed codes with BAD_REQUEST over HTTP", async () => {
    const user = await createTestUser(db);
    const res = await call(inviteJoinRoute.POST, { method: "POST", path: "/api/v1/invites/bad!/join", params: { code: "bad!" }, cookie: user.cookie });
    expect(res.status).toBe(400);
  });
});

describe("public groups, run by site admins", () => {
  it("creating one is audited, announced, and it shows in Discover", async () => {
    const publish = recordingPublisher();
    const admin = await createTestUser(db, { role: "ADMIN", publish });
    const name = `Created public ${tag()}`;
    const group = await createPublicGroup(admin.ctx, { name, icon: "🎉", iconBg: "#aa00aa", about: "party" });
    expect(group).toMatchObject({ name, icon: "🎉", iconBg: "#aa00aa", about: "party", autoJoin: false });
    expect(publish.events).toEqual([{ to: "all", event: "groups:changed", payload: undefined }]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { targetId: group.id } });
    expect(audit).toMatchObject({ actorId: admin.id, action: "group.create", targetType: "group", before: null, after: { id: group.id, name, icon: "🎉", autoJoin: false } });
    const user = await createTestUser(db);
    expect((await listPublicGroups(user.ctx)).find((g) => g.id === group.id)).toMatchObject({ name, memberCount: 0, isMember: false });
    expect((await listAdminGroups(admin.ctx)).find((g) => g.id === group.id)).toMatchObject({ name, archived: false, autoJoin: false, isDefault: false });
    await expect(createPublicGroup(admin.ctx, { name: "   ", icon: "🎉", iconBg: "#aa00aa" })).rejects.toThrow("Enter a group name");
    await expect(createPublicGroup(admin.ctx, { name: "Two icons", icon: "🎉🎉", iconBg: "#aa00aa" })).rejects.toThrow("Choose one emoji");
  });

  it("updating one publishes conversation:patched and groups:changed and is audited with before/after (autoJoin included)", async () => {
    const publish = recordingPublisher();
    const admin = await createTestUser(db, { role: "ADMIN", publish });
    const group = await publicGroup();
    autoJoinGroupIds.push(group.id);
    const patch = await updateGroup(admin.ctx, { conversationId: group.id, name: `${group.name} renamed`, about: "new about", autoJoin: true });
    const expectedPatch = { conversationId: group.id, title: `${group.name} renamed`, icon: "🌍", iconBg: "#224466", about: "new about", onlyAdminsSend: false };
    expect(patch).toEqual(expectedPatch);
    expect(publish.events).toEqual([
      { to: `conv:${group.id}`, event: "conversation:patched", payload: expectedPatch },
      { to: "all", event: "groups:changed", payload: undefined },
    ]);
    expect(await db.conversation.findUniqueOrThrow({ where: { id: group.id } })).toMatchObject({ name: `${group.name} renamed`, about: "new about", autoJoin: true });
    const audit = await db.auditLog.findFirstOrThrow({ where: { targetId: group.id, action: "group.update" } });
    expect(audit).toMatchObject({
      actorId: admin.id,
      before: { name: group.name, icon: "🌍", iconBg: "#224466", about: "about it", autoJoin: false },
      after: { name: `${group.name} renamed`, icon: "🌍", iconBg: "#224466", about: "new about", autoJoin: true },
    });
    await updateGroup(admin.ctx, { conversationId: group.id, autoJoin: false });
    expect((await db.conversation.findUniqueOrThrow({ where: { id: group.id } })).autoJoin).toBe(false);
  });

  it("updating a private group publishes only conversation:patched, and autoJoin is ignored there", async () => {
    const { publish, users, t } = await cast(["Owen Owner"]);
    const [owner] = users as [TestUser];
    const group = await createPrivateGroup(owner.ctx, { name: `Private patch ${t}` });
    publish.events.length = 0;
    await updateGroup(owner.ctx, { conversationId: group.id, about: "quiet", autoJoin: true });
    expect(publish.events).toEqual([
      { to: `conv:${group.id}`, event: "conversation:patched", payload: { conversationId: group.id, title: `Private patch ${t}`, icon: "👥", iconBg: "#25a366", about: "quiet", onlyAdminsSend: false } },
    ]);
    expect((await db.conversation.findUniqueOrThrow({ where: { id: group.id } })).autoJoin).toBe(false);
    expect(await db.auditLog.count({ where: { targetId: group.id } })).toBe(0);
  });

  it("an archived group leaves Discover; members keep reading but can't send; unarchiving restores it", async () => {
    const publish = recordingPublisher();
    const admin = await createTestUser(db, { role: "ADMIN", publish });
    const group = await publicGroup();
    const member = await createTestUser(db);
    const newcomer = await createTestUser(db);
    await joinGroup(member.ctx, { conversationId: group.id });
    await sendMessage(member.ctx, { conversationId: group.id, clientId: `arch-${tag()}`, text: "before the archive" });

    await setGroupArchived(admin.ctx, { conversationId: group.id, archived: true });
    expect(publish.events).toEqual([
      { to: `conv:${group.id}`, event: "conversation:patched", payload: { conversationId: group.id, archived: true } },
      { to: "all", event: "groups:changed", payload: undefined },
    ]);
    expect((await listPublicGroups(newcomer.ctx)).map((g) => g.id)).not.toContain(group.id);
    expect((await listPublicGroups(member.ctx)).map((g) => g.id)).not.toContain(group.id);
    expect((await listAdminGroups(admin.ctx)).find((g) => g.id === group.id)).toMatchObject({ archived: true, memberCount: 1, messageCount: 1 });
    expect((await listMessages(member.ctx, { conversationId: group.id })).messages.map((m) => m.text)).toEqual(["before the archive"]);
    await expectCode(sendMessage(member.ctx, { conversationId: group.id, clientId: `arch-${tag()}`, text: "anyone?" }), "FORBIDDEN");
    await expectCode(joinGroup(newcomer.ctx, { conversationId: group.id }), "NOT_FOUND");
    expect(await db.message.count({ where: { conversationId: group.id } })).toBe(1);

    // Archiving twice is a no-op.
    await setGroupArchived(admin.ctx, { conversationId: group.id, archived: true });
    expect(publish.events).toHaveLength(2);

    await setGroupArchived(admin.ctx, { conversationId: group.id, archived: false });
    expect((await listPublicGroups(newcomer.ctx)).map((g) => g.id)).toContain(group.id);
    await sendMessage(member.ctx, { conversationId: group.id, clientId: `arch-${tag()}`, text: "we're back" });
    await joinGroup(newcomer.ctx, { conversationId: group.id });

    const audit = await db.auditLog.findMany({ where: { targetId: group.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => [a.actorId, a.action, a.before, a.after])).toEqual([
      [admin.id, "group.archive", { archived: false }, { archived: true }],
      [admin.id, "group.unarchive", { archived: true }, { archived: false }],
    ]);
  });

  it("deleting needs the group's exact name and then removes it with its history", async () => {
    const publish = recordingPublisher();
    const admin = await createTestUser(db, { role: "ADMIN", publish });
    const group = await publicGroup(`Doomed Group ${tag()}`);
    const member = await createTestUser(db);
    await joinGroup(member.ctx, { conversationId: group.id });
    await sendMessage(member.ctx, { conversationId: group.id, clientId: `doom-${tag()}`, text: "last words" });

    for (const wrong of ["", "Doomed", group.name!.toLowerCase(), `${group.name}!`]) {
      await expectCode(deletePublicGroup(admin.ctx, { conversationId: group.id, confirmName: wrong }), "BAD_REQUEST");
    }
    const res = await call(adminGroupRoute.DELETE, { method: "DELETE", path: `/api/v1/admin/groups/${group.id}`, params: { id: group.id }, cookie: admin.cookie, body: { confirmName: "nope" } });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("BAD_REQUEST");
    const noBody = await call(adminGroupRoute.DELETE, { method: "DELETE", path: `/api/v1/admin/groups/${group.id}`, params: { id: group.id }, cookie: admin.cookie, body: {} });
    expect(noBody.status).toBe(400);
    expect(await db.conversation.count({ where: { id: group.id } })).toBe(1);
    expect(await db.message.count({ where: { conversationId: group.id } })).toBe(1);
    expect(publish.events).toEqual([]);
    expect(await db.auditLog.count({ where: { targetId: group.id, action: "group.delete" } })).toBe(0);

    await deletePublicGroup(admin.ctx, { conversationId: group.id, confirmName: `  ${group.name}  ` });
    expect(await db.conversation.count({ where: { id: group.id } })).toBe(0);
    expect(await db.message.count({ where: { conversationId: group.id } })).toBe(0);
    expect(await db.participant.count({ where: { conversationId: group.id } })).toBe(0);
    expect(publish.events).toEqual([
      // Its members stop hearing each other's presence before they hear they lost it.
      { to: "users", event: "unwatch-presence-among", payload: [member.id] },
      { to: `conv:${group.id}`, event: "conversation:removed", payload: { conversationId: group.id } },
      { to: `conv:${group.id}`, event: "conversation:deleted", payload: { conversationId: group.id } },
      { to: "all", event: "groups:changed", payload: undefined },
    ]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { targetId: group.id, action: "group.delete" } });
    expect(audit).toMatchObject({ actorId: admin.id, before: { name: group.name, about: "about it", icon: "🌍" }, after: null });
    await expectCode(deletePublicGroup(admin.ctx, { conversationId: group.id, confirmName: group.name! }), "NOT_FOUND");
    await expectCode(listMessages(member.ctx, { conversationId: group.id }), "NOT_FOUND");
  });

  it("removing a member tells them (conversation:removed) and unsubscribes their sockets before the group hears", async () => {
    const publish = recordingPublisher();
    const admin = await createTestUser(db, { role: "ADMIN", publish });
    const group = await publicGroup();
    const member = await createTestUser(db);
    await joinGroup(member.ctx, { conversationId: group.id });

    await removeMember(admin.ctx, { conversationId: group.id, userId: member.id });
    expect(publish.events).toEqual([
      { to: `user:${member.id}`, event: "unsubscribe", payload: group.id },
      { to: `user:${member.id}`, event: "conversation:removed", payload: { conversationId: group.id } },
      { to: `conv:${group.id}`, event: "member:left", payload: { conversationId: group.id, userId: member.id, memberCount: 0, minDeliveredSeq: 0, minReadSeq: 0 } },
    ]);
    expect(await participantsOf(group.id)).toEqual({ [member.id]: { role: "MEMBER", member: false, banned: false } });
    await expectCode(sendMessage(member.ctx, { conversationId: group.id, clientId: `rm-${tag()}`, text: "still here?" }), "NOT_FOUND");
    expect(await db.auditLog.findFirstOrThrow({ where: { targetId: `${group.id}:${member.id}` } })).toMatchObject({
      actorId: admin.id, action: "member.remove", before: { member: true }, after: { member: false, banned: false },
    });
    // Removed without a ban: they may come back.
    await expect(joinGroup(member.ctx, { conversationId: group.id })).resolves.toMatchObject({ id: group.id });
  });

  it("removing a member of a private group does the same, plus the 'removed' system message", async () => {
    const { publish, users, t } = await cast(["Owen Owner", "Rita"]);
    const [owner, rita] = users as [TestUser, TestUser];
    const group = await createPrivateGroup(owner.ctx, { name: `Removal ${t}`, memberIds: [rita.id] });
    publish.events.length = 0;
    await removeMember(owner.ctx, { conversationId: group.id, userId: rita.id });
    expect(publish.events.map((e) => [e.to, e.event])).toEqual([
      [`conv:${group.id}`, "message:new"],
      [`user:${rita.id}`, "unsubscribe"],
      [`user:${rita.id}`, "conversation:removed"],
      [`conv:${group.id}`, "member:left"],
      // They share no other chat: neither hears the other's presence any more.
      [`user:${rita.id}`, "unwatch-presence-between"],
    ]);
    expect(publish.events[2]!.payload).toEqual({ conversationId: group.id });
    expect(publish.events[4]!.payload).toEqual([owner.id]);
  });

  it("site admins delete anyone's message in a public group for everyone, audited; not elsewhere", async () => {
    const publish = recordingPublisher();
    const admin = await createTestUser(db, { role: "ADMIN", publish });
    const group = await publicGroup();
    const author = await createTestUser(db);
    const bystander = await createTestUser(db);
    await joinGroup(author.ctx, { conversationId: group.id });
    await joinGroup(bystander.ctx, { conversationId: group.id });
    const message = (await sendMessage(author.ctx, { conversationId: group.id, clientId: `mod-${tag()}`, text: "spam spam spam" })).message;

    await expectCode(deleteMessages(bystander.ctx, { messageIds: [message.id], for: "everyone" }), "FORBIDDEN");
    await expectCode(deleteMessages(admin.ctx, { messageIds: [message.id], for: "me" }), "NOT_FOUND");
    expect(await db.message.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ text: "spam spam spam", deletedAt: null });

    expect(await deleteMessages(admin.ctx, { messageIds: [message.id], for: "everyone" })).toEqual({ deleted: [{ messageId: message.id, byAdmin: true }] });
    expect(await db.message.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ text: null, deletedAt: expect.any(Date) });
    expect(publish.events).toEqual([
      { to: `conv:${group.id}`, event: "message:deleted", payload: { conversationId: group.id, messageId: message.id, seq: message.seq, forEveryone: true, byAdmin: true } },
    ]);
    // Its author and the others read who removed it, in the chat and in the chat list.
    for (const member of [author, bystander]) {
      const shown = (await listMessages(member.ctx, { conversationId: group.id })).messages.find((m) => m.id === message.id);
      expect(shown).toMatchObject({ text: null, deletedByAdmin: true });
      const row = (await listConversations(member.ctx)).find((c) => c.id === group.id);
      expect(row?.lastMessage).toMatchObject({ id: message.id, text: null, deletedByAdmin: true });
    }
    expect(await db.auditLog.findFirstOrThrow({ where: { targetType: "message", targetId: message.id } })).toMatchObject({
      actorId: admin.id, action: "message.delete", before: { text: "spam spam spam", senderId: author.id }, after: { deleted: true },
    });
    // Deleting it again changes, audits and announces nothing more; the sender's own delete stays the sender's.
    await deleteMessages(admin.ctx, { messageIds: [message.id], for: "everyone" });
    expect(await db.auditLog.count({ where: { targetType: "message", targetId: message.id } })).toBe(1);
    const own = (await sendMessage(author.ctx, { conversationId: group.id, clientId: `own-${tag()}`, text: "my typo" })).message;
    expect(await deleteMessages(author.ctx, { messageIds: [own.id], for: "everyone" })).toEqual({ deleted: [{ messageId: own.id, byAdmin: false }] });
    expect(await deleteMessages(admin.ctx, { messageIds: [own.id], for: "everyone" })).toEqual({ deleted: [{ messageId: own.id, byAdmin: false }] });
    expect(publish.events).toHaveLength(1);
    const ownShown = (await listMessages(bystander.ctx, { conversationId: group.id })).messages.find((m) => m.id === own.id);
    expect(ownShown).toMatchObject({ text: null, deletedByAdmin: false });

    // Private groups and direct chats are not theirs to moderate.
    const { users, t } = await cast(["Owen Owner", "Pal"]);
    const [owner, pal] = users as [TestUser, TestUser];
    const privateGroup = await createPrivateGroup(owner.ctx, { name: `Unmoderated ${t}`, memberIds: [pal.id] });
    const privateMessage = (await sendMessage(pal.ctx, { conversationId: privateGroup.id, clientId: `pm-${tag()}`, text: "just us" })).message;
    await expectCode(deleteMessages(admin.ctx, { messageIds: [privateMessage.id], for: "everyone" }), "NOT_FOUND");
    // Even the group's owner can't delete someone else's message for everyone.
    await expectCode(deleteMessages(owner.ctx, { messageIds: [privateMessage.id], for: "everyone" }), "FORBIDDEN");
    const direct = await openDirect(owner.ctx, { userId: pal.id });
    const directMessage = (await sendMessage(pal.ctx, { conversationId: direct.id, clientId: `dm-${tag()}`, text: "dm" })).message;
    await expectCode(deleteMessages(admin.ctx, { messageIds: [directMessage.id], for: "everyone" }), "NOT_FOUND");
    expect(await db.message.count({ where: { id: { in: [privateMessage.id, directMessage.id] }, deletedAt: null } })).toBe(2);
  });

  it("the audit log lists admin actions newest first, with actor, before and after, and pages with `before`", async () => {
    const admin = await createTestUser(db, { role: "ADMIN", name: `Audrey Auditor ${tag()}` });
    const group = await createPublicGroup(admin.ctx, { name: `Audited ${tag()}`, icon: "📜", iconBg: "#010203" });
    await updateGroup(admin.ctx, { conversationId: group.id, about: "audited about" });
    await setGroupArchived(admin.ctx, { conversationId: group.id, archived: true });

    const entries = (await listAudit(admin.ctx, { limit: 200 })).filter((e) => e.targetId === group.id);
    expect(entries.map((e) => e.action)).toEqual(["group.archive", "group.update", "group.create"]);
    expect(entries[0]).toMatchObject({ actor: { id: admin.id, name: admin.name }, targetType: "group", before: { archived: false }, after: { archived: true } });
    expect(entries[1]).toMatchObject({ before: { about: "" }, after: { about: "audited about" } });
    const older = await listAudit(admin.ctx, { before: entries[0]!.createdAt, limit: 200 });
    expect(older.map((e) => e.id)).not.toContain(entries[0]!.id);
    expect(older.every((e) => e.createdAt < entries[0]!.createdAt)).toBe(true);
    expect(await listAudit(admin.ctx, { limit: 1 })).toHaveLength(1);
  });
});

describe("auto-join", () => {
  it("joins a new user to the autoJoin public groups only", async () => {
    const t = tag();
    const auto = await createPublicGroup(siteAdmin.ctx, { name: `Auto ${t}`, icon: "🤖", iconBg: "#00aa00", autoJoin: true });
    const flagged = await publicGroup(`Flagged later ${t}`);
    const plain = await publicGroup(`Plain ${t}`);
    const archived = await db.conversation.create({ data: { type: "GROUP", visibility: "PUBLIC", name: `Auto archived ${t}`, autoJoin: true, archivedAt: new Date() } });
    const privateAuto = await db.conversation.create({ data: { type: "GROUP", visibility: "PRIVATE", name: `Auto private ${t}`, autoJoin: true } });
    autoJoinGroupIds.push(auto.id, flagged.id, archived.id, privateAuto.id);
    await updateGroup(siteAdmin.ctx, { conversationId: flagged.id, autoJoin: true });

    const publish = recordingPublisher();
    const newcomer = await createTestUser(db, { publish });
    const joined = await autoJoinGroups(newcomer.ctx);
    expect(joined).toEqual(expect.arrayContaining([auto.id, flagged.id]));
    expect(joined).not.toContain(plain.id);
    expect(joined).not.toContain(archived.id);
    expect(joined).not.toContain(privateAuto.id);
    // Whatever else it joined (other files' groups) is a live autoJoin public group too.
    const joinedGroups = await db.conversation.findMany({ where: { id: { in: joined } } });
    expect(joinedGroups).toHaveLength(joined.length);
    for (const g of joinedGroups) expect(g).toMatchObject({ type: "GROUP", visibility: "PUBLIC", autoJoin: true, archivedAt: null });

    const memberships = await db.participant.findMany({ where: { userId: newcomer.id }, select: { conversationId: true, leftAt: true, role: true } });
    expect(memberships.map((m) => m.conversationId).sort()).toEqual([...joined].sort());
    expect(memberships.every((m) => m.leftAt === null && m.role === "MEMBER")).toBe(true);
    for (const id of [auto.id, flagged.id]) {
      expect(publish.events.filter((e) => e.event === "subscribe" && e.payload === id)).toEqual([{ to: `user:${newcomer.id}`, event: "subscribe", payload: id }]);
      expect(publish.events.filter((e) => e.event === "member:joined" && e.to === `conv:${id}`)).toHaveLength(1);
    }
    // No system messages in public groups.
    expect(await db.message.count({ where: { conversationId: { in: [auto.id, flagged.id] } } })).toBe(0);

    // A group flagged off again no longer takes in newcomers.
    await updateGroup(siteAdmin.ctx, { conversationId: flagged.id, autoJoin: false });
    const later = await createTestUser(db);
    const laterJoined = await autoJoinGroups(later.ctx);
    expect(laterJoined).toContain(auto.id);
    expect(laterJoined).not.toContain(flagged.id);
  });
});
