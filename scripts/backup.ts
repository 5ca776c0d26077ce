/**
 * npm run db:backup [-- FILE]: a consistent backup of the whole database (see
 * scripts/lib/backup.ts) while the app may keep running. Default file:
 * <JIXIAO_DATA_DIR or .data>/backups/jixiao-<UTC timestamp>.ndjson.gz
 */
import path from "node:path";
import { writeBackup } from "./lib/backup";
import { resolveDatabase } from "./lib/db-target";
import { runCommand } from "./lib/run-command";

const ROOT = path.resolve(__dirname, "..");

function defaultFile() {
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
  return path.resolve(ROOT, process.env.JIXIAO_DATA_DIR || ".data", "backups", `jixiao-${stamp}.ndjson.gz`);
}

async function main() {
  const arg = process.argv.slice(2).find((a) => a !== "--");
  const file = arg ? path.resolve(process.env.INIT_CWD || process.cwd(), arg) : defaultFile();
  const target = await resolveDatabase();
  try {
    console.log(`备份 ${target.description} …`);
    const r = await writeBackup(target.url, file);
    console.log(`备份完成：${r.file}（${r.tables} 张表，${r.rows} 行，${(r.bytes / 1024).toFixed(1)} KB，用时 ${(r.ms / 1000).toFixed(1)} 秒）`);
  } finally {
    await target.stop?.();
  }
}

runCommand(main, "备份失败：", { exitWhenDone: true });
