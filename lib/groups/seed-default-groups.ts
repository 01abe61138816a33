import type { Db } from "@/lib/db/client";
import { DEFAULT_GROUPS } from "./default-groups";

const SEEDED = "system.seed-default-groups";

/**
 * Creates the default public groups once per database. ON CONFLICT DO NOTHING on the slug makes
 * concurrent starts of several nodes safe; the marker keeps a group an admin deleted from coming
 * back at the next start, and edits stay as the admin made them.
 */
export async function seedDefaultGroups(db: Db): Promise<number> {
  const marker = await db.auditLog.findFirst({ where: { action: SEEDED }, select: { id: true } });
  if (marker) return 0;
  return db.$transaction(async (tx) => {
    const { count } = await tx.conversation.createMany({
      data: DEFAULT_GROUPS.map((group) => ({ ...group, type: "GROUP" as const, visibility: "PUBLIC" as const, isDefault: true })),
      skipDuplicates: true,
    });
    await tx.auditLog.create({ data: { action: SEEDED, targetType: "group", targetId: "default-groups", after: { created: count } } });
    return count;
  });
}
