/**
 * `npm run admin:create -- --username wang --name 王五 [--password …]`
 *
 * Creates the first admin of an install while it has none (prints a one-time password
 * unless --password is given). Uses DATABASE_URL, or the embedded database of `npm start`
 * (which must not be running at the same time).
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { createFirstAdmin } from "../features/accounts/bootstrap";
import { createPrismaClient } from "../lib/db-client";
import { databaseExists, startEmbeddedPostgres, type EmbeddedDb } from "./lib/embedded-pg";
import { applyMigrations } from "./lib/migrate";
import { runCommand } from "./lib/run-command";

const ROOT = path.resolve(__dirname, "..");

async function main() {
  const { values } = parseArgs({ options: { username: { type: "string" }, name: { type: "string" }, password: { type: "string" } }, strict: true });
  if (!values.username) throw new Error("请用 --username 指定管理员用户名，例如：npm run admin:create -- --username wang --name 王五");
  let embedded: EmbeddedDb | undefined;
  let url = process.env.DATABASE_URL;
  try {
    if (!url) {
      const dataDir = path.resolve(ROOT, process.env.JIXIAO_DATA_DIR || ".data");
      embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg"), port: Number(process.env.JIXIAO_DB_PORT ?? 54329) });
      if (!(await databaseExists(embedded, "jixiao"))) await embedded.createDatabase("jixiao");
      url = embedded.url("jixiao");
    }
    await applyMigrations(url);
    const prisma = createPrismaClient(url);
    try {
      const r = await createFirstAdmin(prisma, { username: values.username, name: values.name || "系统管理员", password: values.password ?? "" });
      if (!r.ok) throw new Error(r.message);
      console.log(`已创建管理员账号 ${r.username}。`);
      if (r.temporaryPassword) console.log(`临时密码（只显示这一次）：${r.temporaryPassword}\n首次登录后须设置新密码。`);
    } finally {
      await prisma.$disconnect();
    }
  } finally {
    await embedded?.stop();
  }
}

runCommand(main, "创建管理员失败：");
