import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { testDb } from "@/lib/test-support/database";
import { createTestUser, type TestUser } from "@/lib/test-support/fixtures";
import { searchUsers } from "@/lib/users/search-users";

const db = testDb();

/** Lowercase letters only: a marker that cannot appear in anyone else's name, username or email. */
const marker = () =>
  Array.from(randomUUID().replace(/-/g, "").slice(0, 12), (c) => String.fromCharCode(97 + (parseInt(c, 16) % 26))).join("");

/** A user whose name, username and email share nothing with each other. */
async function person(name: string, username: string, email: string) {
  return db.user.create({ data: { name, username, email, initials: "XX", avatarColor: "#4caf50" } });
}

let me: TestUser;
let tag: string;
let quinn: Awaited<ReturnType<typeof person>>;
let quincy: Awaited<ReturnType<typeof person>>;
let hidden: Awaited<ReturnType<typeof person>>;

const ids = (users: { id: string }[]) => users.map((u) => u.id).sort();

beforeAll(async () => {
  tag = marker();
  me = await createTestUser(db, { name: `Quinn Searcher ${tag}` });
  quinn = await person(`Quinn ${tag}`, `qu_${tag}_a`.slice(0, 24), `inbox.${marker()}@mail.test`);
  quincy = await person(`Quincy ${tag}`, `qc_${tag}_b`.slice(0, 24), `other.${marker()}@mail.test`);
  // Found only through their username or exact email: their name shares nothing with the tag.
  hidden = await person("Private Person", `zz_${tag}`.slice(0, 24), `secret.${tag}@mail.test`);
});

describe("searchUsers", () => {
  it("finds everyone whose name or username contains the text, except me", async () => {
    // My own name contains the tag too; Private Person matches only through the username.
    expect(ids(await searchUsers(me.ctx, { q: tag }))).toEqual(ids([quinn, quincy, hidden]));
  });

  it("finds by a name substring", async () => {
    expect(ids(await searchUsers(me.ctx, { q: `QUINCY ${tag.toUpperCase()}` }))).toEqual([quincy.id]);
    expect(ids(await searchUsers(me.ctx, { q: `nn ${tag}` }))).toEqual([quinn.id]);
    expect(await searchUsers(me.ctx, { q: `nobody ${tag}` })).toEqual([]);
  });

  it("finds by @username", async () => {
    expect(ids(await searchUsers(me.ctx, { q: `@zz_${tag}` }))).toEqual([hidden.id]);
    expect(ids(await searchUsers(me.ctx, { q: `@ZZ_${tag.slice(0, 6).toUpperCase()}` }))).toEqual([hidden.id]);
    expect(ids(await searchUsers(me.ctx, { q: `qc_${tag}` }))).toEqual([quincy.id]);
  });

  it("finds by exact email only", async () => {
    const email = `secret.${tag}@mail.test`;
    const [found] = await searchUsers(me.ctx, { q: email });
    expect(found).toEqual({
      id: hidden.id,
      name: "Private Person",
      username: hidden.username,
      initials: "XX",
      avatarColor: "#4caf50",
      avatarUrl: null,
    });
    expect(ids(await searchUsers(me.ctx, { q: `  ${email.toUpperCase()}  ` }))).toEqual([hidden.id]);
    // Partial addresses find nobody, so the directory cannot be harvested.
    for (const partial of [`secret.${tag}`, `secret.${tag}@mail`, `ecret.${tag}@mail.test`, `${email}x`, `secret.`]) {
      expect(ids(await searchUsers(me.ctx, { q: partial })), partial).not.toContain(hidden.id);
    }
  });

  it("never returns me, whatever matches", async () => {
    const myself = await db.user.findUniqueOrThrow({ where: { id: me.id } });
    for (const q of [myself.name, `@${myself.username}`, myself.email, "Searcher"]) {
      expect(ids(await searchUsers(me.ctx, { q })), q).not.toContain(me.id);
    }
    // Someone else searching does find me.
    expect(ids(await searchUsers(quinnCtx(), { q: `Searcher ${tag}` }))).toEqual([me.id]);
  });

  it("does not leak private fields", async () => {
    const [found] = await searchUsers(me.ctx, { q: `Quinn ${tag}` });
    expect(Object.keys(found!).sort()).toEqual(["avatarColor", "avatarUrl", "id", "initials", "name", "username"]);
  });

  it("rejects an empty query", async () => {
    await expect(searchUsers(me.ctx, { q: "   " })).rejects.toBeInstanceOf(ZodError);
  });
});

function quinnCtx() {
  return { ...me.ctx, actor: { id: quinn.id, role: "USER" as const } };
}
