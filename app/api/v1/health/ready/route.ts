import { databaseKind, db } from "@/lib/db/client";
import { logger } from "@/lib/logger";

export const dynamic = "force-dynamic";

/** Readiness: the database answers. Reports which database this node uses. */
export async function GET() {
  const database = databaseKind() ?? "unknown";
  try {
    await db().$queryRaw`SELECT 1`;
    return Response.json({ status: "ready", database });
  } catch (err) {
    logger.warn({ err }, "readiness check failed");
    return Response.json({ status: "unavailable", database }, { status: 503 });
  }
}
