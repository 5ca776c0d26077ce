/**
 * Runs a command with DATABASE_URL pointing at the development database: the one in
 * DATABASE_URL if set, otherwise the embedded PostgreSQL in .data/pg (started for the
 * command and stopped after). Used by the db:* npm scripts, e.g.
 *   npm run db:migrate -- --name add_x    →  prisma migrate dev --name add_x
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { databaseExists, startEmbeddedPostgres } from "./lib/embedded-pg";

const ROOT = path.resolve(__dirname, "..");

async function main() {
  const [cmd, ...args] = process.argv.slice(2);
  if (!cmd) throw new Error("usage: tsx scripts/with-db.ts <command> [args…]");
  let url = process.env.DATABASE_URL || undefined;
  let stop: (() => Promise<void>) | undefined;
  if (!url) {
    const db = await startEmbeddedPostgres({
      dataDir: path.resolve(ROOT, process.env.JIXIAO_DATA_DIR || ".data", "pg"),
      port: Number(process.env.JIXIAO_DB_PORT ?? 54329),
    });
    if (!(await databaseExists(db, "jixiao"))) await db.createDatabase("jixiao");
    url = db.url("jixiao");
    stop = db.stop;
  }
  // Ctrl-C reaches the child too; wait for it, then stop the database.
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => {});
  const code = await new Promise<number>((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: "inherit", env: { ...process.env, DATABASE_URL: url }, shell: false });
    child.on("error", () => resolve(127));
    child.on("exit", (c) => resolve(c ?? 1));
  });
  await stop?.();
  process.exit(code);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
