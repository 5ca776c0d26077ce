import { checkDatabase } from "@/features/health/data";

export const dynamic = "force-dynamic";

/** Liveness and database connectivity, for load balancers and monitoring. */
export async function GET() {
  const database = await checkDatabase();
  const ok = database.status === "ok";
  return Response.json(
    { status: ok ? "ok" : "error", database, time: new Date().toISOString() },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
