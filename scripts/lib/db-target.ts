/**
 * The development/production database as scripts/with-db.ts and scripts/start.ts find it:
 * DATABASE_URL if set, otherwise the embedded PostgreSQL in <JIXIAO_DATA_DIR or .data>/pg,
 * database "jixiao". When the app already runs on that cluster, its server is used (a
 * second postmaster cannot open the same data folder); otherwise it is started for the
 * command and stopped after.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { databaseExists, reachableDataDir, startEmbeddedPostgres } from "./embedded-pg";

const ROOT = path.resolve(__dirname, "..", "..");
const DB_NAME = "jixiao";

export type DbTarget = { url: string; description: string; stop?: () => Promise<void> };

/** Port of a live postmaster on `dataDir` (from postmaster.pid: pid on line 1, port on line 4), else null. */
export function runningPostmasterPort(dataDir: string): number | null {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return null;
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EPERM") return null; // EPERM: alive, owned by the postgres OS user
  }
  return port;
}

export async function resolveDatabase(): Promise<DbTarget> {
  const fromEnv = process.env.DATABASE_URL;
  if (fromEnv) return { url: fromEnv, description: "环境变量 DATABASE_URL 指定的数据库" };
  const wanted = path.resolve(ROOT, process.env.JIXIAO_DATA_DIR || ".data", "pg");
  const dataDir = reachableDataDir(wanted);
  const port = runningPostmasterPort(dataDir);
  if (port) {
    return { url: `postgresql://postgres:postgres@127.0.0.1:${port}/${DB_NAME}`, description: `正在运行的内置数据库（端口 ${port}）` };
  }
  const db = await startEmbeddedPostgres({ dataDir: wanted, port: Number(process.env.JIXIAO_DB_PORT ?? 54329) });
  try {
    if (!(await databaseExists(db, DB_NAME))) await db.createDatabase(DB_NAME);
  } catch (e) {
    await db.stop();
    throw e;
  }
  return { url: db.url(DB_NAME), description: `内置数据库（${path.relative(ROOT, db.dataDir) || db.dataDir}，本命令临时启动）`, stop: db.stop };
}
