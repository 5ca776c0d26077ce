/**
 * Benchmark: render and sort a project with 5,000 indicator rows in Chromium.
 *
 *   npx tsx bench/indicator-table.ts [rows=5000]
 *
 * Starts a throw-away embedded PostgreSQL with the demo data, adds a project with
 * N indicator rows, serves the production build (`next build` first if there is
 * none) and drives Debian's Chromium: time until the read-only indicator table
 * (/projects/:id/indicators?view=table) shows its rows, then the time of each
 * column sort from the click to the next painted frame. Target: < 100 ms a sort.
 */
import type { ChildProcess } from "node:child_process";
import os from "node:os";
import { chromium } from "@playwright/test";
import { saveIndicators } from "../features/indicators/mutations";
import { emptyIndicatorRow } from "../features/indicators/schema";
import { benchOrigin, ensureBuild, serverEnv, startBenchDatabase, startServer, stopServer } from "./lib/app";
import { runCommand } from "../scripts/lib/run-command";

const ROWS = Number(process.argv[2] ?? 5000);
const PORT = 3390;
const SORT_REPEATS = 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function main() {
  const db = await startBenchDatabase("table");
  const prisma = db.prisma;
  let server: ChildProcess | undefined;
  try {
    // A draft project of the demo department in the open year, with ROWS indicators.
    const owner = await prisma.user.findUniqueOrThrow({ where: { username: "owner" } });
    const fy = await prisma.fiscalYear.findFirstOrThrow({ where: { status: "OPEN" }, include: { framework: { include: { level1: { include: { level2: true } } } } } });
    const dy = await prisma.departmentYear.upsert({
      where: { departmentId_year: { departmentId: owner.departmentId!, year: fy.year } },
      create: { departmentId: owner.departmentId!, year: fy.year },
      update: {},
    });
    const project = await prisma.project.create({
      data: { departmentId: owner.departmentId!, departmentYearId: dy.id, year: fy.year, name: `基准测试项目（${ROWS}项指标）`, competentDepartment: "市委编办", implementingUnit: "市委编办", frameworkId: fy.frameworkId },
    });
    const pairs = fy.framework.level1.flatMap((l1) => l1.level2.map((l2) => [l1.id, l2.id] as const));
    const rows = Array.from({ length: ROWS }, (_, i) => {
      const [l1, l2] = pairs[i % pairs.length]!;
      return { ...emptyIndicatorRow(l1, l2), name: `指标${String((i * 7919) % ROWS).padStart(5, "0")}`, targetValue: String(100 + (i % 37)), unit: "个", actualValue: String(90 + (i % 23)), weight: "", deviationReason: i % 3 ? "" : "原因说明" };
    });
    const actor = { id: owner.id, name: owner.name, role: owner.role, departmentId: owner.departmentId };
    const saved = await saveIndicators(prisma, actor, project.id, 1, rows);
    if (!saved.ok) throw new Error(saved.message);
    await ensureBuild();
    server = await startServer(serverEnv(db.url, PORT), PORT);

    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const base = benchOrigin(PORT);
    const { csrfToken } = await (await page.request.get(`${base}/api/auth/csrf`)).json();
    await page.request.post(`${base}/api/auth/callback/credentials`, { form: { csrfToken, username: "reviewer", password: "Review@2020", json: "true" } });

    const results: { step: string; ms: string; note: string }[] = [];
    for (const attempt of [1, 2]) {
      const t0 = Date.now();
      await page.goto(`${base}/projects/${project.id}/indicators?view=table`);
      await page.getByTestId("indicator-row").first().waitFor();
      const rendered = await page.getByTestId("indicator-row").count();
      results.push({ step: `打开指标一览（第${attempt}次，含服务端渲染）`, ms: String(Date.now() - t0), note: `共 ${ROWS} 行，实际绘制 ${rendered} 行（虚拟滚动）` });
    }

    const headers = ["三级指标", "实际完成值", "一级指标", "序号"];
    for (const name of headers) {
      const times: number[] = [];
      for (let i = 0; i < SORT_REPEATS; i++) {
        const ms = await page.evaluate(async (label) => {
          const button = [...document.querySelectorAll("th button")].find((b) => b.textContent?.includes(label)) as HTMLButtonElement | undefined;
          if (!button) throw new Error(`no sortable header ${label}`);
          const t = performance.now();
          button.click();
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          return performance.now() - t;
        }, name);
        times.push(ms);
      }
      results.push({ step: `按“${name}”排序`, ms: `${median(times).toFixed(1)}（中位） / ${Math.max(...times).toFixed(1)}（最大）`, note: `${SORT_REPEATS} 次，目标 < 100 ms：${Math.max(...times) < 100 ? "达标" : "未达标"}` });
    }
    await browser.close();

    console.log(`\n绩效指标一览渲染与排序基准（${ROWS} 行，Chromium ${browser.version()}，${os.cpus()[0]?.model ?? ""}，${os.cpus().length} 核）`);
    console.table(results);
  } finally {
    await stopServer(server);
    await db.stop();
  }
}

runCommand(main, "基准测试失败：", { stack: true });
