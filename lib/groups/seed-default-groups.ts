import type { Db } from "@/lib/db/client";
import { DEFAULT_GROUPS } from "./default-groups";

/**
 * Creates the default public groups that do not exist yet. ON CONFLICT DO NOTHING on the slug
 * makes it safe to run at every start, on several nodes at once; groups an admin has since
 * edited keep their edits.
 */
export async function seedDefaultGroups(db: Db): Promise<number> {
  const { count } = await db.conversation.createMany({
    data: DEFAULT_GROUPS.map((group) => ({
      ...group,
      type: "GROUP" as const,
      visibility: "PUBLIC" as const,
      isDefault: true,
    })),
    skipDuplicates: true,
  });
  return count;
}
