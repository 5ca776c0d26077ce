import "server-only";
import { db } from "@/lib/db";
import { roundInt } from "@/lib/money";

export type DatabaseHealth = { status: "ok"; latencyMs: number; migrations: number } | { status: "error"; error: string };

export async function checkDatabase(): Promise<DatabaseHealth> {
  const started = performance.now();
  try {
    const rows = await db().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`;
    return { status: "ok", latencyMs: roundInt(performance.now() - started), migrations: Number(rows[0]?.n ?? 0) };
  } catch (e) {
    console.error("health check: database unreachable", e);
    return { status: "error", error: "数据库无法连接" };
  }
}
