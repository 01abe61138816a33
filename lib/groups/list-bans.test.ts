import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import * as bansRoute from "@/app/api/v1/groups/[id]/bans/route";
import { AppError } from "@/lib/errors";
import { createPrivateGroup } from "@/lib/groups/create-private-group";
import { listBans } from "@/lib/groups/list-bans";
import { removeMember, setMemberRole, unbanMember } from "@/lib/groups/manage-members";
import { testDb } from "@/lib/test-support/database";
import { createTestUser } from "@/lib/test-support/fixtures";

const db = testDb();


async function code(promise: Promise<unknown>) {
  return promise.then(
    () => "ok",
    (e: unknown) => (e instanceof AppError ? e.code : "other"),
  );
}

describe("listBans", () => {
  it("lists banned people to the owner and admins only, and forgets them on unban", async () => {
    const t = randomUUID().slice(0, 6);
    const [owner, admin, member, banned, outsider] = await Promise.all(
      ["Owner", "Admin", "Member", "Banned", "Outsider"].map((n) => createTestUser(db, { name: `${n} ${t}` })),
    );
    const group = await createPrivateGroup(owner!.ctx, { name: `Bans ${t}`, memberIds: [admin!.id, member!.id, banned!.id] });
    await setMemberRole(owner!.ctx, { conversationId: group.id, userId: admin!.id, role: "ADMIN" });
    await removeMember(owner!.ctx, { conversationId: group.id, userId: banned!.id, ban: true });
    await removeMember(owner!.ctx, { conversationId: group.id, userId: member!.id }); // removed, not banned

    const bans = await listBans(admin!.ctx, { conversationId: group.id });
    expect(bans.map((b) => b.id)).toEqual([banned!.id]);
    expect(bans[0]).toMatchObject({ name: banned!.name, username: banned!.username });
    expect(typeof bans[0]!.bannedAt).toBe("string");

    // Over HTTP too.
    const res = await bansRoute.GET(new Request(`http://localhost:3000/api/v1/groups/${group.id}/bans`, { headers: { host: "localhost:3000", cookie: owner!.cookie } }), {
      params: Promise.resolve({ id: group.id }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { bans: { id: string }[] }).bans.map((b) => b.id)).toEqual([banned!.id]);

    // Outsiders learn nothing (plain members are refused: below).
    expect(await code(listBans(outsider!.ctx, { conversationId: group.id }))).toBe("NOT_FOUND");

    await unbanMember(owner!.ctx, { conversationId: group.id, userId: banned!.id });
    expect(await listBans(owner!.ctx, { conversationId: group.id })).toEqual([]);
  });

  it("refuses plain members", async () => {
    const t = randomUUID().slice(0, 6);
    const [owner, member] = await Promise.all(["Owner", "Member"].map((n) => createTestUser(db, { name: `${n} ${t}` })));
    const group = await createPrivateGroup(owner!.ctx, { name: `Bans2 ${t}`, memberIds: [member!.id] });
    expect(await code(listBans(member!.ctx, { conversationId: group.id }))).toBe("FORBIDDEN");
  });
});
