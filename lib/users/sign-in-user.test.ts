import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { attachmentUrl } from "@/lib/storage/attachment-dto";
import { testDb } from "@/lib/test-support/database";
import { avatarColorFor, initialsOf, USERNAME_PATTERN, usernameBase } from "@/lib/users/profile-defaults";
import { signInUser, type SignInIdentity } from "@/lib/users/sign-in-user";

const db = testDb();

/** A provider identity nobody has used yet in this run. */
function identity(overrides: Partial<SignInIdentity> = {}): SignInIdentity {
  const unique = randomUUID().replace(/-/g, "").slice(0, 12);
  return {
    provider: "google",
    providerAccountId: `acct-${unique}`,
    email: `person.${unique}@example.test`,
    name: `Person ${unique}`,
    ...overrides,
  };
}

/** Lowercase letters only, so a name built from it maps to a predictable username base. */
const letters = () =>
  Array.from(randomUUID().replace(/-/g, "").slice(0, 10), (c) => String.fromCharCode(97 + (parseInt(c, 16) % 26))).join("");

describe("signInUser", () => {
  it("creates a user on first sign-in with a derived profile", async () => {
    const id = identity({ name: "  Grace Hopper  ", email: "  Grace.Hopper.X1@Example.TEST " });
    const signedIn = await signInUser(db, id, []);
    // The provider's photo is copied afterwards (provider-photo.ts), never linked.
    expect(signedIn).toMatchObject({ role: "USER", isNew: true, wantsProviderPhoto: true });

    const user = await db.user.findUniqueOrThrow({ where: { id: signedIn.id }, include: { accounts: true } });
    expect(user).toMatchObject({ email: "grace.hopper.x1@example.test", name: "Grace Hopper", initials: "GH", avatarUrl: null });
    expect(user.username).toMatch(USERNAME_PATTERN);
    expect(user.avatarColor).toBe(avatarColorFor("grace.hopper.x1@example.test"));
    expect(user.accounts.map((a) => [a.provider, a.providerAccountId])).toEqual([[id.provider, id.providerAccountId]]);
  });

  it("signs the same provider account in as the same user every time", async () => {
    const id = identity();
    const first = await signInUser(db, id, []);
    const second = await signInUser(db, id, []);
    // Even if the provider reports a changed email or name later.
    const third = await signInUser(db, { ...id, email: `changed.${id.email}`, name: "Renamed" }, []);
    expect(second).toEqual({ id: first.id, role: "USER", isNew: false, wantsProviderPhoto: false });
    expect(third.id).toBe(first.id);
    expect(await db.user.count({ where: { id: first.id } })).toBe(1);
    expect(await db.account.count({ where: { userId: first.id } })).toBe(1);
    expect(await db.user.count({ where: { email: `changed.${id.email}` } })).toBe(0);
  });

  it("gives a second person with the same name a different valid username", async () => {
    const family = letters();
    const name = `Zoë ${family}`;
    const base = usernameBase(name, "ignored@example.test");
    expect(base).toBe(`zoe_${family}`);

    const a = await signInUser(db, identity({ name }), []);
    const b = await signInUser(db, identity({ name }), []);
    const c = await signInUser(db, identity({ name: `ZOE ${family.toUpperCase()}` }), []);
    const users = await db.user.findMany({ where: { id: { in: [a.id, b.id, c.id] } } });
    const usernames = users.map((u) => u.username);

    expect(new Set([a.id, b.id, c.id]).size).toBe(3);
    expect(new Set(usernames).size).toBe(3);
    expect(usernames).toContain(base);
    for (const username of usernames) {
      expect(username).toMatch(USERNAME_PATTERN);
      expect(username.startsWith(base)).toBe(true);
    }
  });

  it("keeps long names' usernames within the limit, also when they collide", async () => {
    const name = `Maximilian ${letters()} ${letters()} von Habsburg`;
    const a = await signInUser(db, identity({ name }), []);
    const b = await signInUser(db, identity({ name }), []);
    const users = await db.user.findMany({ where: { id: { in: [a.id, b.id] } } });
    expect(users).toHaveLength(2);
    expect(users[0]!.username).not.toBe(users[1]!.username);
    for (const u of users) expect(u.username).toMatch(USERNAME_PATTERN);
  });

  it("makes the people listed in ADMIN_EMAILS admins, and never demotes them", async () => {
    const id = identity();
    const adminEmails = ["someone.else@example.test", id.email];

    const first = await signInUser(db, { ...id, email: id.email.toUpperCase() }, adminEmails);
    expect(first.role).toBe("ADMIN");
    expect((await db.user.findUniqueOrThrow({ where: { id: first.id } })).role).toBe("ADMIN");

    // Taken off the list later: stays admin.
    const again = await signInUser(db, id, []);
    expect(again).toMatchObject({ id: first.id, role: "ADMIN", isNew: false });

    const regular = await signInUser(db, identity(), adminEmails);
    expect(regular.role).toBe("USER");
  });

  it("promotes an existing user once their email is added to ADMIN_EMAILS", async () => {
    const id = identity();
    const before = await signInUser(db, id, []);
    expect(before.role).toBe("USER");
    const after = await signInUser(db, id, [id.email]);
    expect(after).toMatchObject({ id: before.id, role: "ADMIN" });
  });

  it("wants the provider's photo copied only for a new user or one still showing a provider's address", async () => {
    const id = identity();
    const { id: userId } = await signInUser(db, id, []);
    const setPicture = (avatarUrl: string | null) => db.user.update({ where: { id: userId }, data: { avatarUrl } });

    await setPicture("https://lh3.googleusercontent.com/a/photo=s96-c"); // stored before photos were copied
    expect((await signInUser(db, id, [])).wantsProviderPhoto).toBe(true);
    await setPicture(attachmentUrl(randomUUID())); // their own (or a copy)
    expect((await signInUser(db, id, [])).wantsProviderPhoto).toBe(false);
    await setPicture(null); // removed on purpose: not brought back
    expect((await signInUser(db, id, [])).wantsProviderPhoto).toBe(false);
  });

  it("links a sign-in from another provider with the same email to the same user", async () => {
    const google = identity();
    const first = await signInUser(db, google, []);
    const github = await signInUser(db, { ...google, provider: "github", providerAccountId: `gh-${randomUUID()}`, email: google.email.toUpperCase() }, []);
    expect(github).toEqual({ id: first.id, role: "USER", isNew: false, wantsProviderPhoto: false });
    const accounts = await db.account.findMany({ where: { userId: first.id } });
    expect(accounts.map((a) => a.provider).sort()).toEqual(["github", "google"]);
    expect(await db.user.count({ where: { email: google.email } })).toBe(1);
  });

  it("creates one user when the same account signs in many times at once", async () => {
    const id = identity();
    const results = await Promise.all(Array.from({ length: 8 }, () => signInUser(db, id, [])));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await db.user.count({ where: { email: id.email } })).toBe(1);
    expect(await db.account.count({ where: { provider: id.provider, providerAccountId: id.providerAccountId } })).toBe(1);
  });

  it("creates one user when one email signs in from several providers at once", async () => {
    const id = identity();
    const providers = ["google", "github", "gitlab", "apple", "microsoft", "discord"];
    const results = await Promise.all(
      providers.map((provider) => signInUser(db, { ...id, provider, providerAccountId: `${provider}-${id.providerAccountId}` }, [])),
    );
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await db.user.count({ where: { email: id.email } })).toBe(1);
    const accounts = await db.account.findMany({ where: { userId: results[0]!.id } });
    expect(accounts.map((a) => a.provider).sort()).toEqual([...providers].sort());
  });

  it("gives people with the same name signing up at once different usernames", async () => {
    const name = `Sam ${letters()}`;
    const results = await Promise.all(Array.from({ length: 6 }, () => signInUser(db, identity({ name }), [])));
    const users = await db.user.findMany({ where: { id: { in: results.map((r) => r.id) } } });
    expect(users).toHaveLength(6);
    expect(new Set(users.map((u) => u.username)).size).toBe(6);
    for (const u of users) expect(u.username).toMatch(USERNAME_PATTERN);
  });
});

describe("profile defaults", () => {
  it("initialsOf: first and last word, uppercase, whole characters", () => {
    expect(initialsOf("Ada Lovelace")).toBe("AL");
    expect(initialsOf("mary ann van dyke")).toBe("MD");
    expect(initialsOf("  Cher  ")).toBe("C");
    expect(initialsOf("élodie durand")).toBe("ÉD");
    expect(initialsOf("Ωmega Ψ")).toBe("ΩΨ");
    expect(initialsOf("😀 Smiley")).toBe("😀S");
    expect(initialsOf("李 小龙")).toBe("李小");
    expect(initialsOf("")).toBe("?");
    expect(initialsOf("   \t ")).toBe("?");
  });

  it("usernameBase: plain ascii from accented names", () => {
    expect(usernameBase("José Ñúñez", "j@example.test")).toBe("jose_nunez");
    expect(usernameBase("Zoë Ångström-Øre", "z@example.test")).toBe("zoe_angstrom_re");
    expect(usernameBase("  Dr. Who?! ", "x@example.test")).toBe("dr_who");
    expect(usernameBase("ANNE o'Brien", "x@example.test")).toBe("anne_o_brien");
  });

  it("usernameBase: falls back to the email when the name has too few usable characters", () => {
    expect(usernameBase("🎉🎉🎉", "party.animal@example.test")).toBe("party_animal");
    expect(usernameBase("李小龙", "bruce.lee@example.test")).toBe("bruce_lee");
    expect(usernameBase("Al", "al.b@example.test")).toBe("al_b");
  });

  it("usernameBase: pads bases that are still too short", () => {
    expect(usernameBase("Al", "al@example.test")).toBe("user_al");
    expect(usernameBase("🙂", "x@example.test")).toBe("user_x");
    expect(usernameBase("🙂", "+@example.test")).toBe("user");
  });

  it("usernameBase: at most 18 characters, never ending in an underscore", () => {
    expect(usernameBase("Bartholomew Montgomery Featherstonehaugh", "b@example.test")).toBe("bartholomew_montgo");
    expect(usernameBase("Abcdefghijklmnopq Rst", "a@example.test")).toBe("abcdefghijklmnopq");
  });

  it("usernameBase: always a valid username, leaving room for a collision suffix", () => {
    const names = ["José", "🎉", "", "a", "ab", "O'Neil", "x".repeat(100), "Ñ", "__init__", "Émile Zola", "😀 😀", "123"];
    const emails = ["a@x.test", "ab@x.test", "+@x.test", "very.long.local.part.indeed@x.test", "É@x.test"];
    for (const name of names) {
      for (const email of emails) {
        const base = usernameBase(name, email);
        expect(base, `${name} / ${email}`).toMatch(USERNAME_PATTERN);
        expect(`${base}_9999`, `${name} / ${email}`).toMatch(USERNAME_PATTERN);
      }
    }
  });

  it("avatarColorFor: stable per seed", () => {
    expect(avatarColorFor("a@example.test")).toBe(avatarColorFor("a@example.test"));
    expect(avatarColorFor("a@example.test")).toMatch(/^#[0-9a-f]{6}$/);
    const colors = new Set(Array.from({ length: 50 }, (_, i) => avatarColorFor(`user${i}@example.test`)));
    expect(colors.size).toBeGreaterThan(5);
  });
});
