import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { setMessageTimer } from "@/lib/conversations/set-message-timer";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { listMessages } from "@/lib/messages/list-messages";
import { pinMessage, unpinMessage } from "@/lib/messages/pin-message";
import { sendMessage } from "@/lib/messages/send-message";
import type { SystemEvent } from "@/lib/realtime/contract";
import { testDb } from "@/lib/test-support/database";
import { createTestUser, recordingPublisher, type TestUser } from "@/lib/test-support/fixtures";
import { createPrivateGroup } from "./create-private-group";
import { createInvite, joinByInvite, revokeInvite } from "./invites";
import { joinGroup } from "./join-group";
import { leaveGroup } from "./leave-group";
import { endMembership } from "./membership-changes";
import { addMembers, removeMember, setMemberRole, unbanMember } from "./manage-members";
import { updateGroup } from "./update-group";

// Who runs a private group, and what a double click or two requests at once leave behind:
// one owner, one notice, one audit entry; and a removal or a rejoin racing a promotion or a ban.

const db = testDb();
const tag = () => randomUUID().slice(0, 8);

async function cast(names: string[]) {
  const publish = recordingPublisher();
  const t = tag();
  const users: TestUser[] = [];
  for (const name of names) users.push(await createTestUser(db, { name: `${name} ${t}`, publish }));
  return { publish, users, t };
}

async function rolesOf(conversationId: string) {
  const rows = await db.participant.findMany({ where: { conversationId }, select: { userId: true, role: true, leftAt: true } });
  return Object.fromEntries(rows.map((p) => [p.userId, `${p.role}${p.leftAt ? " (left)" : ""}`]));
}

async function memberRow(conversationId: string, userId: string) {
  return db.participant.findUniqueOrThrow({
    where: { conversationId_userId: { conversationId, userId } },
    select: { role: true, leftAt: true, bannedAt: true },
  });
}

async function notices(user: TestUser, conversationId: string): Promise<SystemEvent[]> {
  return (await listMessages(user.ctx, { conversationId })).messages.flatMap((m) => (m.system ? [m.system] : []));
}

/** Resolves once another connection waits for a row lock on `table` (a statement we hold back). */
async function blockedOn(table: "Participant" | "Conversation") {
  const pattern = `%"${table}"%`;
  for (let i = 0; i < 200; i++) {
    const [row] = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE ${pattern}`;
    if (row!.n > 0) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`nothing waited for a held ${table} row`);
}

const blockedOnParticipant = () => blockedOn("Participant");

/** What a request came to: "done", or its error's code. */
const outcome = (request: Promise<unknown>) => request.then(() => "done", (e: unknown) => (e as { code?: string }).code ?? String(e));

/** Runs `work` in a transaction that stays open until `release()`. */
function heldTransaction(work: (tx: Db) => Promise<void>) {
  let release!: () => void;
  let ready!: () => void;
  const released = new Promise<void>((r) => (release = r));
  const started = new Promise<void>((r) => (ready = r));
  const done = db.$transaction(
    async (tx) => {
      await work(tx as unknown as Db);
      ready();
      await released;
    },
    { timeout: 20_000 },
  );
  return { started, release, done };
}

describe("a private group always has someone to run it", () => {
  it("the first person back in through a live invite link, after the owner left last, owns the group", async () => {
    const { publish, users, t } = await cast(["Owen Owner", "Ben", "Cara"]);
    const [owner, ben, cara] = users as [TestUser, TestUser, TestUser];
    const group = await createPrivateGroup(owner.ctx, { name: `Links ${t}`, memberIds: [ben.id] });
    const g = group.id;
    const { code } = await createInvite(owner.ctx, { conversationId: g });
    await leaveGroup(ben.ctx, { conversationId: g });
    await leaveGroup(owner.ctx, { conversationId: g });

    publish.events.length = 0;
    await joinByInvite(cara.ctx, { code });
    await joinByInvite(owner.ctx, { code });

    expect(await rolesOf(g)).toEqual({ [owner.id]: "MEMBER", [ben.id]: "MEMBER (left)", [cara.id]: "OWNER" });
    // Everyone sees Cara join and then become the owner; her member entry ends up as OWNER.
    expect((await notices(cara, g)).slice(-3)).toEqual([
      { kind: "joined", actorName: cara.name },
      { kind: "owner", targetName: cara.name },
      { kind: "joined", actorName: owner.name },
    ]);
    const caraAsMember = publish.events.filter((e) => e.event === "member:joined" && (e.payload as { member: { id: string } }).member.id === cara.id);
    expect(caraAsMember.at(-1)).toMatchObject({ to: `conv:${g}`, payload: { member: { id: cara.id, role: "OWNER" } } });
    // And she runs it: renames, and adds Ben back.
    await updateGroup(cara.ctx, { conversationId: g, name: `Cara's ${t}` });
    await expect(addMembers(cara.ctx, { conversationId: g, userIds: [ben.id] })).resolves.toEqual({ added: [ben.id] });
  });

  it("two people joining an empty group at once make one owner", async () => {
    const { users, t } = await cast(["Solo", "Ann", "Bob"]);
    const [solo, ann, bob] = users as [TestUser, TestUser, TestUser];
    const group = await createPrivateGroup(solo.ctx, { name: `Empty ${t}` });
    const { code } = await createInvite(solo.ctx, { conversationId: group.id });
    await leaveGroup(solo.ctx, { conversationId: group.id });

    await Promise.all([joinByInvite(ann.ctx, { code }), joinByInvite(bob.ctx, { code })]);
    const roles = Object.values(await rolesOf(group.id));
    expect(roles.filter((r) => r === "OWNER")).toHaveLength(1);
    expect((await notices(ann, group.id)).filter((n) => n.kind === "owner")).toHaveLength(1);
  });

  it("a public group gets no owner from people joining it", async () => {
    const group = await db.conversation.create({ data: { type: "GROUP", visibility: "PUBLIC", name: `Public ${tag()}` } });
    const user = await createTestUser(db);
    await joinGroup(user.ctx, { conversationId: group.id });
    expect(await rolesOf(group.id)).toEqual({ [user.id]: "MEMBER" });
  });

  it("the owner's leave skips an heir whose own leave lands at the same moment", async () => {
    const { users, t } = await cast(["Owen Owner", "Ada Admin", "Mel"]);
    const [owner, ada, mel] = users as [TestUser, TestUser, TestUser];
    const group = await createPrivateGroup(owner.ctx, { name: `Heir race ${t}`, memberIds: [ada.id, mel.id] });
    const g = group.id;
    await setMemberRole(owner.ctx, { conversationId: g, userId: ada.id, role: "ADMIN" });

    // Ada's leave is in flight (not yet committed) while the owner leaves and picks an heir.
    const adaLeaving = heldTransaction(async (tx) => {
      expect(await endMembership({ ...ada.ctx, db: tx }, g, ada.id)).toBe(true);
    });
    await adaLeaving.started;
    const ownerLeaving = leaveGroup(owner.ctx, { conversationId: g });
    await blockedOnParticipant();
    adaLeaving.release();
    await adaLeaving.done;
    await ownerLeaving;

    expect(await rolesOf(g)).toEqual({ [owner.id]: "MEMBER (left)", [ada.id]: "MEMBER (left)", [mel.id]: "OWNER" });
    expect((await notices(mel, g)).at(-1)).toEqual({ kind: "owner", targetName: mel.name });
    await expect(addMembers(mel.ctx, { conversationId: g, userIds: [owner.id] })).resolves.toEqual({ added: [owner.id] });
  });

  it("an heir who leaves just after being made owner passes it on", async () => {
    const { users, t } = await cast(["Owen Owner", "Ada Admin", "Mel"]);
    const [owner, ada, mel] = users as [TestUser, TestUser, TestUser];
    const group = await createPrivateGroup(owner.ctx, { name: `Late heir ${t}`, memberIds: [ada.id, mel.id] });
    const g = group.id;
    await setMemberRole(owner.ctx, { conversationId: g, userId: ada.id, role: "ADMIN" });

    // Ada clicks Leave as an admin; before her leave is written, the owner's leave makes her owner.
    const handOver = heldTransaction(async (tx) => {
      await tx.participant.update({ where: { conversationId_userId: { conversationId: g, userId: owner.id } }, data: { leftAt: new Date(), role: "MEMBER" } });
      await tx.participant.update({ where: { conversationId_userId: { conversationId: g, userId: ada.id } }, data: { role: "OWNER" } });
    });
    await handOver.started;
    const adaLeaving = leaveGroup(ada.ctx, { conversationId: g });
    await blockedOnParticipant();
    handOver.release();
    await handOver.done;
    await adaLeaving;

    expect(await rolesOf(g)).toEqual({ [owner.id]: "MEMBER (left)", [ada.id]: "MEMBER (left)", [mel.id]: "OWNER" });
  });
});

describe("double-submitted changes are announced once", () => {
  it("promote, rename and disappearing-messages timer, each clicked twice", async () => {
    const { users, t } = await cast(["Owen Owner", "Ben"]);
    const [owner, ben] = users as [TestUser, TestUser];
    const group = await createPrivateGroup(owner.ctx, { name: `Twice ${t}`, memberIds: [ben.id] });
    const g = group.id;
    const twice = (f: () => Promise<unknown>) => Promise.all([f(), f()]);
    await twice(() => setMemberRole(owner.ctx, { conversationId: g, userId: ben.id, role: "ADMIN" }));
    await twice(() => updateGroup(owner.ctx, { conversationId: g, name: `Renamed ${t}` }));
    await twice(() => setMessageTimer(owner.ctx, { conversationId: g, seconds: 86400 }));
    await twice(() => setMessageTimer(owner.ctx, { conversationId: g, seconds: null }));

    expect((await notices(ben, g)).slice(2)).toEqual([
      { kind: "promoted", actorName: owner.name, targetName: ben.name },
      { kind: "renamed", actorName: owner.name, groupName: `Renamed ${t}` },
      { kind: "messageTimer", actorName: owner.name, seconds: 86400 },
      { kind: "messageTimer", actorName: owner.name, seconds: null },
    ]);
  });
});

describe("public-group removals are audited only when they change something", () => {
  const auditOf = (conversationId: string, userId: string) =>
    db.auditLog.findMany({ where: { targetId: `${conversationId}:${userId}` }, orderBy: { createdAt: "asc" }, select: { action: true, before: true, after: true } });

  it("a double-clicked Remove, or removing someone who already left, writes one entry or none; a ban on a leaver is one", async () => {
    const admin = await createTestUser(db, { role: "ADMIN" });
    const group = await db.conversation.create({ data: { type: "GROUP", visibility: "PUBLIC", name: `Moderated ${tag()}` } });
    const [pat, lea] = [await createTestUser(db), await createTestUser(db)];
    await joinGroup(pat.ctx, { conversationId: group.id });
    await joinGroup(lea.ctx, { conversationId: group.id });

    await Promise.all([0, 1].map(() => removeMember(admin.ctx, { conversationId: group.id, userId: pat.id })));
    await removeMember(admin.ctx, { conversationId: group.id, userId: pat.id });
    expect(await auditOf(group.id, pat.id)).toEqual([{ action: "member.remove", before: { member: true }, after: { member: false, banned: false } }]);

    await leaveGroup(lea.ctx, { conversationId: group.id });
    await removeMember(admin.ctx, { conversationId: group.id, userId: lea.id });
    expect(await auditOf(group.id, lea.id)).toEqual([]);
    await removeMember(admin.ctx, { conversationId: group.id, userId: lea.id, ban: true });
    await removeMember(admin.ctx, { conversationId: group.id, userId: lea.id, ban: true });
    expect(await auditOf(group.id, lea.id)).toEqual([{ action: "member.ban", before: { member: false }, after: { member: false, banned: true } }]);
    await expect(joinGroup(lea.ctx, { conversationId: group.id })).rejects.toBeInstanceOf(AppError);
  });
});

describe("races between group managers", () => {
  it("an admin's Remove that lands just after the owner promoted the target does not remove an admin", async () => {
    const { users, t } = await cast(["Owen Owner", "Ada Admin", "Mel"]);
    const [owner, ada, mel] = users as [TestUser, TestUser, TestUser];
    const group = await createPrivateGroup(owner.ctx, { name: `Promote vs remove ${t}`, memberIds: [ada.id, mel.id] });
    const g = group.id;
    await setMemberRole(owner.ctx, { conversationId: g, userId: ada.id, role: "ADMIN" });

    // The owner's promotion of Mel is being written while Ada (an admin) removes Mel.
    const promoting = heldTransaction(async (tx) => {
      await tx.participant.updateMany({ where: { conversationId: g, userId: mel.id, leftAt: null, role: "MEMBER" }, data: { role: "ADMIN" } });
    });
    await promoting.started;
    const removing = removeMember(ada.ctx, { conversationId: g, userId: mel.id }).then(
      () => "removed",
      (e: unknown) => (e as { code?: string }).code ?? "error",
    );
    await blockedOnParticipant();
    promoting.release();
    await promoting.done;
    expect(await removing).toBe("FORBIDDEN");

    // An admin can't remove an admin: Mel, now an admin, must still be in the group.
    expect(await memberRow(g, mel.id)).toMatchObject({ role: "ADMIN", leftAt: null });
  });
});

describe("an admin's role holds for the whole of their action", () => {
  type Scene = { owner: TestUser; ada: TestUser; mel: TestUser; nia: TestUser; rex: TestUser; g: string; inviteId: string; pinned: string; unpinned: string; t: string };

  /** Owen owns the group, Ada is an admin, Mel a member, Rex banned, Nia outside; one invite link; one of Mel's two messages pinned. */
  async function scene(): Promise<Scene> {
    const { users, t } = await cast(["Owen Owner", "Ada Admin", "Mel", "Nia", "Rex"]);
    const [owner, ada, mel, nia, rex] = users as [TestUser, TestUser, TestUser, TestUser, TestUser];
    const { id: g } = await createPrivateGroup(owner.ctx, { name: `Demotion race ${t}`, memberIds: [ada.id, mel.id, rex.id] });
    await setMemberRole(owner.ctx, { conversationId: g, userId: ada.id, role: "ADMIN" });
    await removeMember(owner.ctx, { conversationId: g, userId: rex.id, ban: true });
    const { id: inviteId } = await createInvite(owner.ctx, { conversationId: g });
    const send = async (text: string) => (await sendMessage(mel.ctx, { conversationId: g, clientId: randomUUID(), text })).message.id;
    const [pinned, unpinned] = [await send("pin me"), await send("pin me too")];
    await pinMessage(owner.ctx, { messageId: pinned });
    return { owner, ada, mel, nia, rex, g, inviteId, pinned, unpinned, t };
  }

  /** Everything an admin's action could change. */
  async function stateOf(g: string) {
    const members = await db.participant.findMany({ where: { conversationId: g }, orderBy: { userId: "asc" }, select: { userId: true, role: true, leftAt: true, bannedAt: true } });
    return {
      members: members.map((m) => `${m.userId} ${m.role}${m.leftAt ? " left" : ""}${m.bannedAt ? " banned" : ""}`),
      group: await db.conversation.findUniqueOrThrow({ where: { id: g }, select: { name: true, messageTimerSec: true } }),
      invites: await db.groupInvite.count({ where: { conversationId: g, revokedAt: null } }),
      pins: (await db.pinnedMessage.findMany({ where: { conversationId: g }, select: { messageId: true } })).map((p) => p.messageId),
    };
  }

  /**
   * Starts the owner's `move` against Ada and holds it just before it writes her row (a lock on
   * that row), then Ada's `action`; lets the owner's move commit once Ada's action waits for it,
   * or has finished without waiting. What Ada's action came to.
   */
  async function race(s: Scene, move: () => Promise<unknown>, action: () => Promise<unknown>) {
    const holdAda = heldTransaction(async (tx) => {
      await tx.$executeRaw`SELECT 1 FROM "Participant" WHERE "conversationId" = ${s.g}::uuid AND "userId" = ${s.ada.id}::uuid FOR SHARE`;
    });
    await holdAda.started;
    const moving = move();
    await blockedOnParticipant();
    const acting = outcome(action());
    await Promise.race([acting, blockedOn("Conversation").catch(() => undefined)]);
    holdAda.release();
    await holdAda.done;
    await moving;
    return acting;
  }

  const actions: [string, (s: Scene) => Promise<unknown>][] = [
    ["removes a member", (s) => removeMember(s.ada.ctx, { conversationId: s.g, userId: s.mel.id })],
    ["bans a member", (s) => removeMember(s.ada.ctx, { conversationId: s.g, userId: s.mel.id, ban: true })],
    ["adds someone", (s) => addMembers(s.ada.ctx, { conversationId: s.g, userIds: [s.nia.id] })],
    ["promotes a member", (s) => setMemberRole(s.ada.ctx, { conversationId: s.g, userId: s.mel.id, role: "ADMIN" })],
    ["unbans someone", (s) => unbanMember(s.ada.ctx, { conversationId: s.g, userId: s.rex.id })],
    ["renames the group", (s) => updateGroup(s.ada.ctx, { conversationId: s.g, name: `Ada's ${s.t}` })],
    ["turns on disappearing messages", (s) => setMessageTimer(s.ada.ctx, { conversationId: s.g, seconds: 86400 })],
    ["makes an invite link", (s) => createInvite(s.ada.ctx, { conversationId: s.g })],
    ["revokes the invite link", (s) => revokeInvite(s.ada.ctx, { conversationId: s.g, inviteId: s.inviteId })],
    ["pins a message", (s) => pinMessage(s.ada.ctx, { messageId: s.unpinned })],
    ["unpins a message", (s) => unpinMessage(s.ada.ctx, { messageId: s.pinned })],
  ];

  it.each(actions)("an admin who %s as the owner demotes them is refused once the demotion lands, and changes nothing", async (_, action) => {
    const s = await scene();
    const before = await stateOf(s.g);

    const result = await race(s, () => setMemberRole(s.owner.ctx, { conversationId: s.g, userId: s.ada.id, role: "MEMBER" }), () => action(s));

    expect(result).toBe("FORBIDDEN");
    const demoted = before.members.map((m) => (m.startsWith(s.ada.id) ? `${s.ada.id} MEMBER` : m));
    expect(await stateOf(s.g)).toEqual({ ...before, members: demoted });
    expect((await notices(s.mel, s.g)).at(-1)).toEqual({ kind: "demoted", actorName: s.owner.name, targetName: s.ada.name });
  });

  it("an admin the owner removes mid-action learns nothing more of the group, and adds no one", async () => {
    const s = await scene();

    const result = await race(s, () => removeMember(s.owner.ctx, { conversationId: s.g, userId: s.ada.id }), () => addMembers(s.ada.ctx, { conversationId: s.g, userIds: [s.nia.id] }));

    expect(result).toBe("NOT_FOUND");
    expect(await rolesOf(s.g)).not.toHaveProperty(s.nia.id);
    expect(await memberRow(s.g, s.ada.id)).toMatchObject({ role: "MEMBER", leftAt: expect.any(Date) });
  });
});

describe("bans hold against a concurrent rejoin", () => {
  it("a ban of someone who left, landing while they rejoin a public group, keeps them out and banned", async () => {
    const group = await db.conversation.create({ data: { type: "GROUP", visibility: "PUBLIC", name: `Ban race ${tag()}` } });
    const troll = await createTestUser(db);
    await joinGroup(troll.ctx, { conversationId: group.id });
    await leaveGroup(troll.ctx, { conversationId: group.id });

    // The site admin's ban of the leaver (removeMember's "already gone: the ban still applies")
    // is being written while the troll clicks Join.
    const banning = heldTransaction(async (tx) => {
      await tx.participant.updateMany({ where: { conversationId: group.id, userId: troll.id, bannedAt: null }, data: { bannedAt: new Date() } });
    });
    await banning.started;
    const joining = joinGroup(troll.ctx, { conversationId: group.id }).then(() => "joined", (e: { code?: string }) => e.code);
    await blockedOnParticipant();
    banning.release();
    await banning.done;
    expect(await joining).toBe("FORBIDDEN");

    const row = await memberRow(group.id, troll.id);
    expect(row.bannedAt).not.toBeNull();
    expect(row.leftAt).not.toBeNull();
  });

  it("a ban landing while the banned person follows an invite link keeps them out and banned", async () => {
    const { users, t } = await cast(["Owen Owner", "Rex"]);
    const [owner, rex] = users as [TestUser, TestUser];
    const group = await createPrivateGroup(owner.ctx, { name: `Invite ban race ${t}`, memberIds: [rex.id] });
    const g = group.id;
    const { code } = await createInvite(owner.ctx, { conversationId: g });
    await leaveGroup(rex.ctx, { conversationId: g });

    const banning = heldTransaction(async (tx) => {
      await tx.participant.updateMany({ where: { conversationId: g, userId: rex.id, bannedAt: null }, data: { bannedAt: new Date() } });
    });
    await banning.started;
    const joining = joinByInvite(rex.ctx, { code }).then(() => "joined", (e: { code?: string }) => e.code);
    await blockedOnParticipant();
    banning.release();
    await banning.done;
    expect(await joining).toBe("FORBIDDEN");

    const row = await memberRow(g, rex.id);
    expect(row.bannedAt).not.toBeNull();
    expect(row.leftAt).not.toBeNull();
  });
});
