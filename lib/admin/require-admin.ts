import type { Ctx } from "@/lib/context";
import { forbidden } from "@/lib/errors";

export function requireAdmin(ctx: Ctx): void {
  if (ctx.actor.role !== "ADMIN") throw forbidden("Admins only");
}
