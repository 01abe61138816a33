export const dynamic = "force-dynamic";

/** Liveness: the process answers HTTP. */
export function GET() {
  return Response.json({ status: "ok" });
}
