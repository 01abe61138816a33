import { z } from "zod";
import type { Ctx } from "@/lib/context";
import type { Prisma } from "@/lib/generated/prisma/client";
import { requireAdmin } from "./require-admin";

export type AuditEntry = {
  action: string;
  targetType: "group" | "user" | "message" | "member";
  targetId: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
};

/** Appends to the audit log: who did what to which, and the state before and after (in the change's transaction, if any). */
export async function recordAudit(ctx: { actor: Ctx["actor"]; db: Prisma.TransactionClient }, entry: AuditEntry): Promise<void> {
  await ctx.db.auditLog.create({ data: { actorId: ctx.actor.id, ...entry } });
}

export const listAuditInput = z.object({ before: z.iso.datetime().optional(), limit: z.coerce.number().int().min(1).max(200).default(100) });

export async function listAudit(ctx: Ctx, input: z.input<typeof listAuditInput> = {}) {
  requireAdmin(ctx);
  const { before, limit } = listAuditInput.parse(input);
  const rows = await ctx.db.auditLog.findMany({
    where: before ? { createdAt: { lt: new Date(before) } } : {},
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, action: true, targetType: true, targetId: true, before: true, after: true, createdAt: true, actor: { select: { id: true, name: true } } },
  });
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}
