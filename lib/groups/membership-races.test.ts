import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { testDb } from "@/lib/test-support/database";
import { createTestUser, recordingPublisher, type TestUser } from "@/lib/test-support/fixtures";
import { createPrivateGroup } from "./create-private-group";
import { createInvite, joinByInvite } from "./invites";
import { joinGroup } from "./join-group";
import { leaveGroup } from "./leave-group";
import { removeMember, setMemberRole } from "./manage-members";

// Races between a manager's action and another's, or the member's own: a write checked against
// a row that changed meanwhile must not undo that change.

const db = testDb();
const tag = () => randomUUID().slice(0, 8);

async function cast(names: string[]) {
  const publish = recordingPublisher();
  const t = tag();
  const users: TestUser[] = [];
  for (const name of names) users.push(await createTestUser(db, { name: `${name} ${t}`, publish }));
  return { publish, users, t };
}

async function memberRow(conversationId: string, userId: string) {
  return db.participant.findUniqueOrThrow({
    where: { conversationId_userId: { conversationId, userId } },
    select: { role: true, leftAt: true, bannedAt: true },
  });
}

/** Resolves once another connection waits for a row lock on Participant (a statement we hold back). */
async function blockedOnParticipant() {
  for (let i = 0; i < 200; i++) {
    const [row] = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%Participant%'`;
    if (row!.n > 0) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error("nothing waited for the held membership row");
}

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
