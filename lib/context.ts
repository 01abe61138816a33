import { db as defaultDb, type Db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/client";
import { ioPublisher, type Publisher } from "@/lib/realtime/publisher";

/** Who acts, on which database, publishing where: the first argument of every domain operation. */
export type Ctx = { actor: { id: string; role: Role }; db: Db; publish: Publisher };

export function contextFor(actor: { id: string; role: Role }, overrides: Partial<Omit<Ctx, "actor">> = {}): Ctx {
  return {
    actor: { id: actor.id, role: actor.role },
    db: overrides.db ?? defaultDb(),
    publish: overrides.publish ?? ioPublisher(),
  };
}
