import { cache } from "react";
import { requireUser } from "@/lib/auth/current-user";
import type { SessionUser } from "@/lib/auth/sessions";

/**
 * The signed-in admin of this request, or null for a signed-in non-admin (who gets the "Admins
 * only" page); no session → redirect to /login. Cached per request: the layout and the page share it.
 */
export const adminUser = cache(async (): Promise<SessionUser | null> => {
  const user = await requireUser();
  return user.role === "ADMIN" ? user : null;
});
