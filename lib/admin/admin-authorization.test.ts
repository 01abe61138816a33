import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as auditRoute from "@/app/api/v1/admin/audit/route";
import * as adminGroupMembersRoute from "@/app/api/v1/admin/groups/[id]/members/route";
import * as adminGroupRoute from "@/app/api/v1/admin/groups/[id]/route";
import * as adminGroupsRoute from "@/app/api/v1/admin/groups/route";
import * as adminUserRoute from "@/app/api/v1/admin/users/[id]/route";
import * as adminUsersRoute from "@/app/api/v1/admin/users/route";
import * as bansRoute from "@/app/api/v1/groups/[id]/bans/[userId]/route";
import * as inviteRoute from "@/app/api/v1/groups/[id]/invites/[inviteId]/route";
import * as invitesRoute from "@/app/api/v1/groups/[id]/invites/route";
import * as memberRoute from "@/app/api/v1/groups/[id]/members/[userId]/route";
import * as membersRoute from "@/app/api/v1/groups/[id]/members/route";
import * as groupRoute from "@/app/api/v1/groups/[id]/route";
import * as deleteMessagesRoute from "@/app/api/v1/messages/delete/route";
import { listAudit } from "@/lib/admin/audit";
import { createPublicGroup, deletePublicGroup, listAdminGroups, listGroupMembers, setGroupArchived } from "@/lib/admin/manage-groups";
import { listUsers, setUserRole } from "@/lib/admin/manage-users";
import { AppError } from "@/lib/errors";
import { createPrivateGroup } from "@/lib/groups/create-private-group";
import { createInvite } from "@/lib/groups/invites";
import { joinGroup } from "@/lib/groups/join-group";
import { sendMessage } from "@/lib/messages/send-message";
import { testDb } from "@/lib/test-support/database";
import { createTestUser, type TestUser } from "@/lib/test-support/fixtures";

// Who may use the admin console and the group-management routes, called as real route handlers
// with real sessions against the real database. A refusal must leave the database untouched.

const db = testDb();
const BASE = "http://localhost:3000";

type RouteFn = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Route = {
  name: string;
  fn: unknown;
  method: "GET" | "POST" | "PATCH" | "DELETE";
  path: string;
  params?: Record<string, string>;
  body?: unknown;
  /** Status when an authorised caller makes the call. */
  ok: number;
};

function call(route: Route, cookie: string): Promise<Response> {
  const headers: Record<string, string> = { host: "localhost:3000", cookie };
  if (route.body !== undefined) headers["content-type"] = "application/json";
  const req = new Request(`${BASE}${route.path}`, {
    method: route.method,
    headers,
    body: route.body === undefined ? undefined : JSON.stringify(route.body),
  });
  return (route.fn as RouteFn)(req, { params: Promise.resolve(route.params ?? {}) });
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

let siteAdmin: TestUser;
const createdGroupNames: string[] = [];

beforeAll(async () => {
  siteAdmin = await createTestUser(db, { name: "Sam Siteadmin", role: "ADMIN" });
});

afterAll(async () => {
  // Leave nothing behind that could auto-join other files' new users.
  await db.conversation.updateMany({ where: { name: { in: createdGroupNames } }, data: { autoJoin: false } });
});

// --- 1. Site-admin routes -----------------------------------------------------------------

/** A public group with members, a banned person and someone's message; plus a group to delete. */
async function publicFixture() {
  const t = tag();
  const member = await createTestUser(db, { name: `Mia Member ${t}` });
  const victim = await createTestUser(db, { name: `Vic Victim ${t}` });
  const banned = await createTestUser(db, { name: `Bea Banned ${t}` });
  const promotee = await createTestUser(db, { name: `Pia Promotee ${t}` });
  const group = await db.conversation.create({
    data: { type: "GROUP", visibility: "PUBLIC", name: `Authz Public ${t}`, about: "before", icon: "🧭", iconBg: "#112233" },
  });
  const doomed = await db.conversation.create({ data: { type: "GROUP", visibility: "PUBLIC", name: `Authz Doomed ${t}` } });
  createdGroupNames.push(group.name!, doomed.name!, `Authz Renamed ${t}`, `Authz Created ${t}`);
  await joinGroup(member.ctx, { conversationId: group.id });
  await joinGroup(victim.ctx, { conversationId: group.id });
  await db.participant.create({ data: { conversationId: group.id, userId: banned.id, leftAt: new Date(), bannedAt: new Date() } });
  const message = (await sendMessage(victim.ctx, { conversationId: group.id, clientId: `authz-${t}`, text: `moderate me ${t}` })).message;

  const g = group.id;
  const routes: Route[] = [
    { name: "GET admin/groups", fn: adminGroupsRoute.GET, method: "GET", path: "/api/v1/admin/groups", ok: 200 },
    {
      name: "POST admin/groups", fn: adminGroupsRoute.POST, method: "POST", path: "/api/v1/admin/groups", ok: 201,
      body: { name: `Authz Created ${t}`, icon: "🧪", iconBg: "#123456", about: "made by a test" },
    },
    { name: "PATCH admin/groups/[id]", fn: adminGroupRoute.PATCH, method: "PATCH", path: `/api/v1/admin/groups/${g}`, params: { id: g }, body: { archived: true }, ok: 200 },
    {
      name: "DELETE admin/groups/[id]", fn: adminGroupRoute.DELETE, method: "DELETE", path: `/api/v1/admin/groups/${doomed.id}`,
      params: { id: doomed.id }, body: { confirmName: doomed.name }, ok: 200,
    },
    { name: "GET admin/groups/[id]/members", fn: adminGroupMembersRoute.GET, method: "GET", path: `/api/v1/admin/groups/${g}/members`, params: { id: g }, ok: 200 },
    { name: "GET admin/users", fn: adminUsersRoute.GET, method: "GET", path: `/api/v1/admin/users?q=${t}`, ok: 200 },
    { name: "PATCH admin/users/[id]", fn: adminUserRoute.PATCH, method: "PATCH", path: `/api/v1/admin/users/${promotee.id}`, params: { id: promotee.id }, body: { role: "ADMIN" }, ok: 200 },
    { name: "GET admin/audit", fn: auditRoute.GET, method: "GET", path: "/api/v1/admin/audit?limit=200", ok: 200 },
    {
      name: "PATCH groups/[id] (public)", fn: groupRoute.PATCH, method: "PATCH", path: `/api/v1/groups/${g}`, params: { id: g }, ok: 200,
      body: { name: `Authz Renamed ${t}`, about: "after", autoJoin: true },
    },
    {
      name: "DELETE groups/[id]/members/[userId] (public)", fn: memberRoute.DELETE, method: "DELETE",
      path: `/api/v1/groups/${g}/members/${victim.id}?ban=true`, params: { id: g, userId: victim.id }, ok: 200,
    },
    { name: "DELETE groups/[id]/bans/[userId]", fn: bansRoute.DELETE, method: "DELETE", path: `/api/v1/groups/${g}/bans/${banned.id}`, params: { id: g, userId: banned.id }, ok: 200 },
    {
      name: "POST messages/delete (for everyone)", fn: deleteMessagesRoute.POST, method: "POST", path: "/api/v1/messages/delete", params: {}, ok: 200,
      body: { messageIds: [message.id], for: "everyone" },
    },
  ];

  /** Everything the routes above could change. */
  async function snapshot() {
    const [groupRow, doomedCount, createdCount, participants, messageRow, promoteeRow, auditCount] = await Promise.all([
      db.conversation.findUniqueOrThrow({ where: { id: g }, select: { name: true, about: true, icon: true, iconBg: true, autoJoin: true, archivedAt: true } }),
      db.conversation.count({ where: { id: doomed.id } }),
      db.conversation.count({ where: { name: `Authz Created ${t}` } }),
      db.participant.findMany({ where: { conversationId: g }, orderBy: { userId: "asc" }, select: { userId: true, role: true, leftAt: true, bannedAt: true } }),
      db.message.findUniqueOrThrow({ where: { id: message.id }, select: { text: true, deletedAt: true } }),
      db.user.findUniqueOrThrow({ where: { id: promotee.id }, select: { role: true } }),
      db.auditLog.count(),
    ]);
    return { groupRow, doomedCount, createdCount, participants, messageRow, promoteeRow, auditCount };
  }

  return { t, member, victim, banned, promotee, group, doomed, message, routes, snapshot };
}

describe("admin routes: site admins only", () => {
  it("covers every admin route", async () => {
    const f = await publicFixture();
    expect(f.routes.map((r) => r.name)).toEqual([
      "GET admin/groups", "POST admin/groups", "PATCH admin/groups/[id]", "DELETE admin/groups/[id]",
      "GET admin/groups/[id]/members", "GET admin/users", "PATCH admin/users/[id]", "GET admin/audit",
      "PATCH groups/[id] (public)", "DELETE groups/[id]/members/[userId] (public)", "DELETE groups/[id]/bans/[userId]",
      "POST messages/delete (for everyone)",
    ]);
  });

  it("refuses a signed-in non-admin (even a member of the group) with 403 and changes nothing", async () => {
    const f = await publicFixture();
    const before = await f.snapshot();
    for (const route of f.routes) {
      const res = await call(route, f.member.cookie);
      const text = await res.text();
      expect(res.status, route.name).toBe(403);
      expect(JSON.parse(text).error.code, route.name).toBe("FORBIDDEN");
      // Nothing of the console leaks into the refusal.
      expect(text, route.name).not.toContain(f.victim.email);
      expect(text, route.name).not.toContain(f.doomed.name!);
    }
    expect(await f.snapshot()).toEqual(before);
    expect(await db.auditLog.count({ where: { actorId: f.member.id } })).toBe(0);
  });

  it("refuses a user who was an admin once the role is taken away (the role is read per request)", async () => {
    const f = await publicFixture();
    const former = await createTestUser(db, { role: "ADMIN" });
    await db.user.update({ where: { id: former.id }, data: { role: "USER" } });
    const before = await f.snapshot();
    for (const route of f.routes.filter((r) => r.name.startsWith("GET admin") || r.name.startsWith("PATCH admin"))) {
      const res = await call(route, former.cookie);
      expect(res.status, route.name).toBe(403);
    }
    expect(await f.snapshot()).toEqual(before);
  });

  it("lets a site admin make the same calls", async () => {
    const f = await publicFixture();
    const auditBefore = (await db.auditLog.findMany({ where: { actorId: siteAdmin.id }, select: { id: true } })).map((a) => a.id);
    const bodies = new Map<string, Record<string, unknown>>();
    for (const route of f.routes) {
      const res = await call(route, siteAdmin.cookie);
      const body = (await res.json()) as Record<string, unknown>;
      expect(res.status, `${route.name}: ${JSON.stringify(body)}`).toBe(route.ok);
      bodies.set(route.name, body);
    }

    // What the reads returned.
    const consoleGroups = bodies.get("GET admin/groups")!.groups as { id: string; archived: boolean; memberCount: number; messageCount: number }[];
    expect(consoleGroups.find((x) => x.id === f.group.id)).toMatchObject({ archived: false, memberCount: 2, messageCount: 1 });
    expect(consoleGroups.map((x) => x.id)).toContain(f.doomed.id);
    expect(bodies.get("POST admin/groups")!.group).toMatchObject({ name: `Authz Created ${f.t}`, icon: "🧪", autoJoin: false });
    const members = bodies.get("GET admin/groups/[id]/members")!.members as { id: string; banned: boolean; isMember: boolean }[];
    expect(members.map((m) => [m.id, m.isMember, m.banned]).sort()).toEqual(
      [[f.member.id, true, false], [f.victim.id, true, false], [f.banned.id, false, true]].sort(),
    );
    const users = bodies.get("GET admin/users")!.users as { id: string }[];
    expect(users.map((u) => u.id).sort()).toEqual([f.member.id, f.victim.id, f.banned.id, f.promotee.id].sort());
    const audit = bodies.get("GET admin/audit")!.entries as { action: string; targetId: string }[];
    expect(audit).toEqual(expect.arrayContaining([
      expect.objectContaining({ action: "group.archive", targetId: f.group.id }),
      expect.objectContaining({ action: "group.delete", targetId: f.doomed.id }),
      expect.objectContaining({ action: "user.promote", targetId: f.promotee.id }),
    ]));

    // What the writes did.
    const group = await db.conversation.findUniqueOrThrow({ where: { id: f.group.id } });
    expect(group).toMatchObject({ name: `Authz Renamed ${f.t}`, about: "after", autoJoin: true });
    expect(group.archivedAt).not.toBeNull();
    expect(await db.conversation.count({ where: { id: f.doomed.id } })).toBe(0);
    expect(await db.conversation.count({ where: { name: `Authz Created ${f.t}`, visibility: "PUBLIC", createdById: siteAdmin.id } })).toBe(1);
    expect((await db.user.findUniqueOrThrow({ where: { id: f.promotee.id } })).role).toBe("ADMIN");
    const victim = await db.participant.findUniqueOrThrow({ where: { conversationId_userId: { conversationId: f.group.id, userId: f.victim.id } } });
    expect(victim.leftAt).not.toBeNull();
    expect(victim.bannedAt).not.toBeNull();
    const unbanned = await db.participant.findUniqueOrThrow({ where: { conversationId_userId: { conversationId: f.group.id, userId: f.banned.id } } });
    expect(unbanned.bannedAt).toBeNull();
    expect(await db.message.findUniqueOrThrow({ where: { id: f.message.id } })).toMatchObject({ text: null, deletedAt: expect.any(Date) });
    // The site admin moderated without joining.
    expect(await db.participant.count({ where: { conversationId: f.group.id, userId: siteAdmin.id } })).toBe(0);

    const actions = (await db.auditLog.findMany({ where: { actorId: siteAdmin.id, id: { notIn: auditBefore } } })).map((a) => a.action).sort();
    expect(actions).toEqual(
      ["group.create", "group.archive", "group.delete", "user.promote", "group.update", "member.ban", "member.unban", "message.delete"].sort(),
    );

    await db.user.update({ where: { id: f.promotee.id }, data: { role: "USER" } });
  });
});

// --- 2. Group-admin routes of a private group ----------------------------------------------

/** A private group: owner, admin, plain member, people to promote/remove/add, a banned person, an invite. */
async function privateFixture() {
  const t = tag();
  const [owner, admin, member, toPromote, toRemove, toAdd, banned, outsider] = await Promise.all(
    ["Olive Owner", "Ada Admin", "Max Member", "Pat Promote", "Rex Remove", "Ari Add", "Bo Banned", "Oz Outsider"].map((n) =>
      createTestUser(db, { name: `${n} ${t}` }),
    ),
  );
  const summary = await createPrivateGroup(owner!.ctx, {
    name: `Authz Private ${t}`,
    memberIds: [admin!.id, member!.id, toPromote!.id, toRemove!.id],
  });
  const g = summary.id;
  await db.participant.update({ where: { conversationId_userId: { conversationId: g, userId: admin!.id } }, data: { role: "ADMIN" } });
  await db.participant.create({ data: { conversationId: g, userId: banned!.id, leftAt: new Date(), bannedAt: new Date() } });
  const invite = await createInvite(owner!.ctx, { conversationId: g });

  const routes: Route[] = [
    { name: "PATCH groups/[id]", fn: groupRoute.PATCH, method: "PATCH", path: `/api/v1/groups/${g}`, params: { id: g }, body: { name: `Authz Renamed ${t}`, about: "new about" }, ok: 200 },
    { name: "POST groups/[id]/members", fn: membersRoute.POST, method: "POST", path: `/api/v1/groups/${g}/members`, params: { id: g }, body: { userIds: [toAdd!.id] }, ok: 200 },
    {
      name: "PATCH groups/[id]/members/[userId]", fn: memberRoute.PATCH, method: "PATCH", path: `/api/v1/groups/${g}/members/${toPromote!.id}`,
      params: { id: g, userId: toPromote!.id }, body: { role: "ADMIN" }, ok: 200,
    },
    {
      name: "DELETE groups/[id]/members/[userId]", fn: memberRoute.DELETE, method: "DELETE", path: `/api/v1/groups/${g}/members/${toRemove!.id}`,
      params: { id: g, userId: toRemove!.id }, ok: 200,
    },
    { name: "DELETE groups/[id]/bans/[userId]", fn: bansRoute.DELETE, method: "DELETE", path: `/api/v1/groups/${g}/bans/${banned!.id}`, params: { id: g, userId: banned!.id }, ok: 200 },
    { name: "GET groups/[id]/invites", fn: invitesRoute.GET, method: "GET", path: `/api/v1/groups/${g}/invites`, params: { id: g }, ok: 200 },
    { name: "POST groups/[id]/invites", fn: invitesRoute.POST, method: "POST", path: `/api/v1/groups/${g}/invites`, params: { id: g }, ok: 201 },
    {
      name: "DELETE groups/[id]/invites/[inviteId]", fn: inviteRoute.DELETE, method: "DELETE", path: `/api/v1/groups/${g}/invites/${invite.id}`,
      params: { id: g, inviteId: invite.id }, ok: 200,
    },
  ];

  async function snapshot() {
    const [groupRow, participants, invites, messages] = await Promise.all([
      db.conversation.findUniqueOrThrow({ where: { id: g }, select: { name: true, about: true, icon: true, iconBg: true, autoJoin: true, lastSeq: true } }),
      db.participant.findMany({ where: { conversationId: g }, orderBy: { userId: "asc" }, select: { userId: true, role: true, leftAt: true, bannedAt: true } }),
      db.groupInvite.findMany({ where: { conversationId: g }, orderBy: { id: "asc" }, select: { id: true, code: true, revokedAt: true } }),
      db.message.count({ where: { conversationId: g } }),
    ]);
    return { groupRow, participants, invites, messages };
  }

  return { t, g, owner: owner!, admin: admin!, member: member!, toPromote: toPromote!, toRemove: toRemove!, toAdd: toAdd!, banned: banned!, outsider: outsider!, invite, routes, snapshot };
}

describe("private group management routes: the group's owner and admins only", () => {
  it("covers every group-admin route", async () => {
    const f = await privateFixture();
    expect(f.routes.map((r) => r.name)).toEqual([
      "PATCH groups/[id]", "POST groups/[id]/members", "PATCH groups/[id]/members/[userId]", "DELETE groups/[id]/members/[userId]",
      "DELETE groups/[id]/bans/[userId]", "GET groups/[id]/invites", "POST groups/[id]/invites", "DELETE groups/[id]/invites/[inviteId]",
    ]);
  });

  it("refuses a plain member with 403, an outsider and a site admin outside the group with 404, and changes nothing", async () => {
    const f = await privateFixture();
    const before = await f.snapshot();
    const denials: [string, TestUser, number, string][] = [
      ["plain member", f.member, 403, "FORBIDDEN"],
      ["outsider", f.outsider, 404, "NOT_FOUND"],
      ["site admin outside the group", siteAdmin, 404, "NOT_FOUND"],
      // A former member is an outsider again.
      ["removed member", f.banned, 404, "NOT_FOUND"],
    ];
    for (const [who, user, status, code] of denials) {
      for (const route of f.routes) {
        const res = await call(route, user.cookie);
        const text = await res.text();
        expect(res.status, `${who}: ${route.name}`).toBe(status);
        expect(JSON.parse(text).error.code, `${who}: ${route.name}`).toBe(code);
        expect(text, `${who}: ${route.name}`).not.toContain(f.invite.code);
        if (status === 404) expect(text, `${who}: ${route.name}`).not.toContain(`Authz Private ${f.t}`);
      }
    }
    expect(await f.snapshot()).toEqual(before);
  });

  for (const who of ["owner", "admin"] as const) {
    it(`lets the group's ${who} make every call`, async () => {
      const f = await privateFixture();
      const actor = f[who];
      const bodies = new Map<string, Record<string, unknown>>();
      for (const route of f.routes) {
        const res = await call(route, actor.cookie);
        const body = (await res.json()) as Record<string, unknown>;
        expect(res.status, `${route.name}: ${JSON.stringify(body)}`).toBe(route.ok);
        bodies.set(route.name, body);
      }
      expect(bodies.get("PATCH groups/[id]")!.group).toMatchObject({ conversationId: f.g, title: `Authz Renamed ${f.t}`, about: "new about" });
      expect(bodies.get("POST groups/[id]/members")).toEqual({ added: [f.toAdd.id] });
      expect((bodies.get("GET groups/[id]/invites")!.invites as { id: string }[]).map((i) => i.id)).toEqual([f.invite.id]);
      const created = (bodies.get("POST groups/[id]/invites")!.invite as { id: string; code: string });
      expect(created.code).toMatch(/^[A-Za-z0-9_-]{16,64}$/);

      const roles = Object.fromEntries(
        (await db.participant.findMany({ where: { conversationId: f.g }, select: { userId: true, role: true, leftAt: true, bannedAt: true } }))
          .map((p) => [p.userId, { role: p.role, member: p.leftAt === null, banned: p.bannedAt !== null }]),
      );
      expect(roles).toEqual({
        [f.owner.id]: { role: "OWNER", member: true, banned: false },
        [f.admin.id]: { role: "ADMIN", member: true, banned: false },
        [f.member.id]: { role: "MEMBER", member: true, banned: false },
        [f.toPromote.id]: { role: "ADMIN", member: true, banned: false },
        [f.toRemove.id]: { role: "MEMBER", member: false, banned: false },
        [f.toAdd.id]: { role: "MEMBER", member: true, banned: false },
        [f.banned.id]: { role: "MEMBER", member: false, banned: false },
      });
      expect((await db.conversation.findUniqueOrThrow({ where: { id: f.g } })).name).toBe(`Authz Renamed ${f.t}`);
      const invites = await db.groupInvite.findMany({ where: { conversationId: f.g } });
      expect(invites.find((i) => i.id === f.invite.id)!.revokedAt).not.toBeNull();
      expect(invites.find((i) => i.id === created.id)!.revokedAt).toBeNull();
      // Private groups are not audited: the group's own chat shows what happened.
      expect(await db.auditLog.count({ where: { actorId: actor.id } })).toBe(0);
    });
  }
});

// --- 3. Admin rules --------------------------------------------------------------------------

describe("site admin domain operations", () => {
  it("refuses every console operation to non-admins", async () => {
    const user = await createTestUser(db);
    const group = await db.conversation.create({ data: { type: "GROUP", visibility: "PUBLIC", name: `Console ${tag()}` } });
    await expectCode(listAdminGroups(user.ctx), "FORBIDDEN");
    await expectCode(createPublicGroup(user.ctx, { name: "Nope", icon: "🚫", iconBg: "#000000" }), "FORBIDDEN");
    await expectCode(setGroupArchived(user.ctx, { conversationId: group.id, archived: true }), "FORBIDDEN");
    await expectCode(deletePublicGroup(user.ctx, { conversationId: group.id, confirmName: group.name! }), "FORBIDDEN");
    await expectCode(listGroupMembers(user.ctx, { conversationId: group.id }), "FORBIDDEN");
    await expectCode(listUsers(user.ctx), "FORBIDDEN");
    await expectCode(setUserRole(user.ctx, { userId: user.id, role: "ADMIN" }), "FORBIDDEN");
    await expectCode(listAudit(user.ctx), "FORBIDDEN");
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ role: "USER" });
    expect(await db.conversation.findUniqueOrThrow({ where: { id: group.id } })).toMatchObject({ archivedAt: null });
  });

  it("does not manage private groups from the console", async () => {
    const owner = await createTestUser(db);
    const group = await createPrivateGroup(owner.ctx, { name: `Not for the console ${tag()}` });
    await expectCode(setGroupArchived(siteAdmin.ctx, { conversationId: group.id, archived: true }), "NOT_FOUND");
    await expectCode(deletePublicGroup(siteAdmin.ctx, { conversationId: group.id, confirmName: group.title }), "NOT_FOUND");
    await expectCode(listGroupMembers(siteAdmin.ctx, { conversationId: group.id }), "NOT_FOUND");
    expect(await db.conversation.findUniqueOrThrow({ where: { id: group.id } })).toMatchObject({ archivedAt: null });
    expect((await listAdminGroups(siteAdmin.ctx)).map((g) => g.id)).not.toContain(group.id);
  });

  it("lists and searches users by name, email or username", async () => {
    const t = tag();
    const plain = await createTestUser(db, { name: `Quinn Search ${t}` });
    const admin = await createTestUser(db, { name: `Quinn Admin ${t}`, role: "ADMIN" });
    const found = await listUsers(siteAdmin.ctx, { q: `quinn search ${t}` });
    expect(found).toEqual([expect.objectContaining({ id: plain.id, role: "USER", email: plain.email, username: plain.username, createdAt: expect.any(String) })]);
    const both = await listUsers(siteAdmin.ctx, { q: t });
    expect(both.map((u) => [u.id, u.role]).sort()).toEqual([[plain.id, "USER"], [admin.id, "ADMIN"]].sort());
    expect((await listUsers(siteAdmin.ctx, { q: admin.username.toUpperCase() })).map((u) => u.id)).toEqual([admin.id]);
    expect(await listUsers(siteAdmin.ctx, { q: plain.email.toUpperCase() })).toHaveLength(1);
    await db.user.update({ where: { id: admin.id }, data: { role: "USER" } });
  });

  it("promotes and demotes with an audit entry each, and a no-op changes nothing", async () => {
    const user = await createTestUser(db);
    await setUserRole(siteAdmin.ctx, { userId: user.id, role: "ADMIN" });
    await setUserRole(siteAdmin.ctx, { userId: user.id, role: "ADMIN" });
    await setUserRole(siteAdmin.ctx, { userId: user.id, role: "USER" });
    const rows = await db.auditLog.findMany({ where: { targetType: "user", targetId: user.id }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.actorId, r.action, r.before, r.after])).toEqual([
      [siteAdmin.id, "user.promote", { role: "USER" }, { role: "ADMIN" }],
      [siteAdmin.id, "user.demote", { role: "ADMIN" }, { role: "USER" }],
    ]);
    await expectCode(setUserRole(siteAdmin.ctx, { userId: randomUUID(), role: "ADMIN" }), "NOT_FOUND");
  });
});

/**
 * Runs `fn` with `keep` as the only admins in the database: every other admin (from other test
 * files) is made a USER for the duration and restored afterwards.
 */
async function withOnlyAdmins(keep: TestUser[], fn: () => Promise<void>) {
  const keepIds = keep.map((u) => u.id);
  const others = await db.user.findMany({ where: { role: "ADMIN", id: { notIn: keepIds } }, select: { id: true } });
  await db.user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { role: "USER" } });
  await db.user.updateMany({ where: { id: { in: keepIds } }, data: { role: "ADMIN" } });
  try {
    expect(await db.user.count({ where: { role: "ADMIN" } })).toBe(keep.length);
    await fn();
  } finally {
    await db.user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { role: "ADMIN" } });
  }
}

describe("there is always an admin", () => {
  it("refuses to demote the last admin, even themself, over HTTP and in the domain", async () => {
    const last = await createTestUser(db, { role: "ADMIN" });
    await withOnlyAdmins([last], async () => {
      await expectCode(setUserRole(last.ctx, { userId: last.id, role: "USER" }), "CONFLICT");
      const res = await call(
        { name: "demote", fn: adminUserRoute.PATCH, method: "PATCH", path: `/api/v1/admin/users/${last.id}`, params: { id: last.id }, body: { role: "USER" }, ok: 200 },
        last.cookie,
      );
      expect(res.status).toBe(409);
      expect((await res.json()).error.code).toBe("CONFLICT");
      expect(await db.user.count({ where: { role: "ADMIN" } })).toBe(1);
      expect(await db.auditLog.count({ where: { targetId: last.id, action: "user.demote" } })).toBe(0);

      // With a second admin, one of them may go.
      const second = await createTestUser(db, { role: "ADMIN" });
      await setUserRole(last.ctx, { userId: second.id, role: "USER" });
      await expectCode(setUserRole(last.ctx, { userId: last.id, role: "USER" }), "CONFLICT");
      expect((await db.user.findUniqueOrThrow({ where: { id: last.id } })).role).toBe("ADMIN");
    });
    await db.user.update({ where: { id: last.id }, data: { role: "USER" } });
  });

  it("two (only) admins demoting each other at once leave exactly one admin", async () => {
    for (let round = 0; round < 5; round++) {
      const a = await createTestUser(db, { role: "ADMIN" });
      const b = await createTestUser(db, { role: "ADMIN" });
      await withOnlyAdmins([a, b], async () => {
        const results = await Promise.allSettled([
          setUserRole(a.ctx, { userId: b.id, role: "USER" }),
          setUserRole(b.ctx, { userId: a.id, role: "USER" }),
        ]);
        expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
        const failure = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
        expect(failure.reason).toBeInstanceOf(AppError);
        expect(["CONFLICT", "FORBIDDEN"]).toContain((failure.reason as AppError).code);
        expect(await db.user.count({ where: { role: "ADMIN" } })).toBe(1);
      });
      await db.user.updateMany({ where: { id: { in: [a.id, b.id] } }, data: { role: "USER" } });
    }
  });

  it("the same race over HTTP leaves exactly one admin", async () => {
    const a = await createTestUser(db, { role: "ADMIN" });
    const b = await createTestUser(db, { role: "ADMIN" });
    await withOnlyAdmins([a, b], async () => {
      const demote = (actor: TestUser, target: TestUser) =>
        call({ name: "demote", fn: adminUserRoute.PATCH, method: "PATCH", path: `/api/v1/admin/users/${target.id}`, params: { id: target.id }, body: { role: "USER" }, ok: 200 }, actor.cookie);
      const statuses = (await Promise.all([demote(a, b), demote(b, a)])).map((r) => r.status).sort();
      expect(statuses[0]).toBe(200);
      expect([403, 409]).toContain(statuses[1]);
      expect(await db.user.count({ where: { role: "ADMIN" } })).toBe(1);
    });
    await db.user.updateMany({ where: { id: { in: [a.id, b.id] } }, data: { role: "USER" } });
  });

  it("an admin demoted by a concurrent request can no longer demote anyone, even with other admins left", async () => {
    for (let round = 0; round < 5; round++) {
      const a = await createTestUser(db, { role: "ADMIN" });
      const b = await createTestUser(db, { role: "ADMIN" });
      const c = await createTestUser(db, { role: "ADMIN" });
      await withOnlyAdmins([a, b, c], async () => {
        const results = await Promise.allSettled([
          setUserRole(a.ctx, { userId: b.id, role: "USER" }),
          setUserRole(b.ctx, { userId: a.id, role: "USER" }),
        ]);
        expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
        const failure = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
        expect((failure.reason as AppError).code).toBe("FORBIDDEN");
        const admins = await db.user.findMany({ where: { role: "ADMIN" }, select: { id: true } });
        expect(admins).toHaveLength(2);
        expect(admins.map((x) => x.id)).toContain(c.id);
      });
      await db.user.updateMany({ where: { id: { in: [a.id, b.id, c.id] } }, data: { role: "USER" } });
    }
  });
});
