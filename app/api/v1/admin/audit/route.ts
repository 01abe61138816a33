import { listAudit } from "@/lib/admin/audit";
import { apiRoute, searchParams } from "@/lib/http/api-route";

export const GET = apiRoute(async ({ ctx, req }) => ({ entries: await listAudit(ctx, searchParams(req)) }));
