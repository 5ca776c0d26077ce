/**
 * npm run db:restore -- FILE: restores a backup made by db:backup into an empty database
 * (DATABASE_URL, or the embedded one). See scripts/lib/restore.ts for what is checked.
 */
import path from "node:path";
import { resolveDatabase } from "./lib/db-target";
import { readBackupHeader, restoreBackup } from "./lib/restore";
import { runCommand } from "./lib/run-command";

async function main() {
  const arg = process.argv.slice(2).find((a) => a !== "--");
  if (!arg) throw new Error("请指定备份文件：npm run db:restore -- <文件>");
  const file = path.resolve(process.env.INIT_CWD || process.cwd(), arg);
  const header = await readBackupHeader(file); // before starting any database
  const target = await resolveDatabase();
  try {
    console.log(`将 ${path.basename(file)}（备份于 ${header.createdAt}）恢复到 ${target.description} …`);
    const r = await restoreBackup(target.url, file);
    console.log(`恢复完成：${r.tables} 张表，${r.rows} 行${r.migrated ? "（已先应用数据库迁移）" : ""}，用时 ${(r.ms / 1000).toFixed(1)} 秒`);
  } finally {
    await target.stop?.();
  }
}

runCommand(main, "恢复失败：", { exitWhenDone: true });
