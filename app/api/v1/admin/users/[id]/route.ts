import { setUserRole, setUserRoleInput } from "@/lib/admin/manage-users";
import { apiRoute, jsonBody } from "@/lib/http/api-route";

/** `{ role: "USER" | "ADMIN" }` */
export const PATCH = apiRoute<{ id: string }>(async ({ ctx, req, params }) => {
  await setUserRole(ctx, setUserRoleInput.parse({ ...(await jsonBody(req)), userId: params.id }));
  return {};
});
