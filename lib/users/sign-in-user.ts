import type { Db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { avatarColorFor, initialsOf, usernameBase } from "./profile-defaults";
import { isOwnPicture } from "./provider-photo";

export type SignInIdentity = {
  provider: string;
  providerAccountId: string;
  email: string;
  name: string;
};

export type SignedInUser = {
  id: string;
  role: "USER" | "ADMIN";
  isNew: boolean;
  /** New, or still showing a provider's address from before photos were copied: copy the provider's photo (provider-photo.ts). */
  wantsProviderPhoto: boolean;
};

/**
 * Maps a provider identity to our own user: an existing link, else an existing user with the
 * same (provider-verified) email, else a new user. ADMIN_EMAILS promote; they never demote,
 * so an admin promoted in the console stays one.
 */
export async function signInUser(
  db: Db,
  identity: SignInIdentity,
  adminEmails: readonly string[],
): Promise<SignedInUser> {
  const email = identity.email.trim().toLowerCase();
  const shouldBeAdmin = adminEmails.includes(email);

  const linked = await db.account.findUnique({
    where: { provider_providerAccountId: { provider: identity.provider, providerAccountId: identity.providerAccountId } },
    select: { user: { select: userSelect } },
  });
  let user = linked?.user ?? (await db.user.findUnique({ where: { email }, select: userSelect }));
  let isNew = false;

  if (!user) {
    user = await createUserWithUniqueUsername(db, { ...identity, email });
    isNew = true;
  }
  if (!linked) {
    // ON CONFLICT DO NOTHING: the same first sign-in may be running twice at once (two tabs),
    // and upsert is not atomic (it would fail with a unique violation).
    await db.account.createMany({
      data: [{ userId: user.id, provider: identity.provider, providerAccountId: identity.providerAccountId }],
      skipDuplicates: true,
    });
  }
  if (shouldBeAdmin && user.role !== "ADMIN") {
    user = await db.user.update({ where: { id: user.id }, data: { role: "ADMIN" }, select: userSelect });
  }
  const wantsProviderPhoto = isNew || (user.avatarUrl !== null && !isOwnPicture(user.avatarUrl));
  return { id: user.id, role: user.role, isNew, wantsProviderPhoto };
}

const userSelect = { id: true, role: true, avatarUrl: true } as const;

async function createUserWithUniqueUsername(db: Db, identity: SignInIdentity) {
  const name = identity.name.trim() || identity.email.split("@")[0]!;
  const base = usernameBase(name, identity.email);
  for (let attempt = 0; attempt < 8; attempt++) {
    const username = attempt === 0 ? base : `${base}_${Math.floor(1000 + Math.random() * 9000)}`;
    try {
      return await db.user.create({
        data: {
          email: identity.email,
          name,
          username,
          initials: initialsOf(name),
          avatarColor: avatarColorFor(identity.email),
        },
        select: userSelect,
      });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      // The same email signing in twice at once: the other request created the user.
      const existing = await db.user.findUnique({ where: { email: identity.email }, select: userSelect });
      if (existing) return existing;
    }
  }
  throw new Error(`Could not find a free username for ${base}`);
}
