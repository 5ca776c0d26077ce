/**
 * `npm run demo:scale -- --departments 150 --projects 3000 --indicators 60000 [--year 2025] [--seed 1]`
 *
 * Fills the development database (DATABASE_URL, or the embedded one through scripts/with-db.ts)
 * with a reproducible synthetic city or province: see scripts/lib/scale-data.ts. Prints a
 * progress bar on stderr and the time taken.
 */
import pg from "pg";
import { createPrismaClient } from "../lib/db-client";
import { seedDemoData } from "../prisma/seed/run";
import { applyMigrations } from "./lib/migrate";
import { writeScaleData, type ScaleOptions } from "./lib/scale-data";
import { warmYear } from "../features/oversight/data";
import { runCommand } from "./lib/run-command";

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isInteger(v) || v < 1) throw new Error(`--${name} 须为正整数`);
  return v;
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL 未设置（请用 npm run demo:scale 运行）");
  const opts: ScaleOptions = {
    departments: option("departments", 150),
    projects: option("projects", 3000),
    indicators: option("indicators", 60000),
    year: option("year", 2025),
    seed: option("seed", 1),
  };
  // A database that `npm start` never ran on: the schema and the reference data (frameworks) first.
  await applyMigrations(url);
  const prisma = createPrismaClient(url);
  try {
    await seedDemoData(prisma, { demo: false });
  } finally {
    await prisma.$disconnect();
  }
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pool.on("error", () => {});
  const started = Date.now();
  let last = "";
  const counts = new Map<string, number>();
  const bar = (step: string, n: number, total: number) => {
    const done = (counts.get(step) ?? 0) + n;
    counts.set(step, done);
    const width = 30;
    const filled = Math.round((done / total) * width);
    const line = `${step.padEnd(8, "　")} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total}  ${((Date.now() - started) / 1000).toFixed(1)} s`;
    if (process.stderr.isTTY) process.stderr.write(`\r${line}`);
    else if (done === total) process.stderr.write(`${line}\n`);
    if (process.stderr.isTTY && done === total && last !== step) process.stderr.write("\n");
    last = step;
  };
  try {
    const r = await writeScaleData(pool, opts, bar);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`已生成 ${opts.year} 年度示例数据（种子 ${opts.seed}）：${r.departments} 个部门、${r.units} 个下属单位、${r.projects} 个项目、${r.indicators} 条绩效指标、${r.reports} 份自评报告，用时 ${seconds} 秒。`);
  } finally {
    await pool.end();
  }
  // The overview's per-project cache (features/oversight/data.ts): scored here, with the app's own
  // rules, so that the first 年度总览 of the new year does not have to.
  const cache = createPrismaClient(url);
  try {
    const t = Date.now();
    const n = await warmYear(opts.year, cache, (done, total) => bar("计算得分", done - (counts.get("计算得分") ?? 0), total));
    console.log(`已计算并缓存 ${n} 个项目的得分与预警，用时 ${((Date.now() - t) / 1000).toFixed(1)} 秒。`);
  } finally {
    await cache.$disconnect();
  }
}

runCommand(main, "");
