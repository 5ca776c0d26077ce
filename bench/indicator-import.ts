/**
 * Benchmark: importing a 10,000-row indicator table from Excel.
 *
 *   npx tsx bench/indicator-import.ts [rows]
 *
 * Starts a throw-away embedded PostgreSQL in a temp folder, applies the migrations, loads the demo
 * data, creates a fresh draft project (framework "GY-2020-LOCAL") in the demo's open year that the
 * demo owner may edit, and
 * times:
 *   1. building the .xlsx in memory (buildIndicatorTemplate with the rows: the export/template path),
 *   2. parseIndicatorWorkbook (reading, mapping and validating every row; target < 5 s),
 *   3. saveIndicators into the empty table (10,000 inserts in one transaction),
 *   4. a second import of the same file, replacing the 10,000 rows,
 *   5. the 自评表 export of the project (buildSelfEvaluationWorkbook, 10,000 indicator rows).
 * Building, parsing and the export go through the server's path (features/indicators/excel/offloaded.ts):
 * in a child process of their own above 2,000 rows (lib/isolated.ts). Each step also prints the peak
 * heap and RSS of this process (the child processes not included: each may use up to
 * JIXIAO_WORKER_HEAP_MB); run with e.g. `node --max-old-space-size=160 --import tsx
 * bench/indicator-import.ts 20000` to see whether a heap cap of the server fits.
 * Prints a small table and exits 0; the database is stopped and removed at the end.
 */
import os from "node:os";
import { type Browser, chromium } from "@playwright/test";
import { performance } from "node:perf_hooks";
import { excelFrameworkOf } from "../features/indicators/excel/framework";
import { buildIndicatorTemplateOffloaded as buildIndicatorTemplate, buildSelfEvaluationWorkbookOffloaded as buildSelfEvaluationWorkbook, parseIndicatorWorkbookOffloaded as parseIndicatorWorkbook } from "../features/indicators/excel/offloaded";
import { saveIndicators } from "../features/indicators/mutations";
import { DEMO_DEPARTMENT_CODE } from "../prisma/seed/accounts";
import { DEMO_FRAMEWORK_CODE, DEMO_OPEN_YEAR } from "../prisma/seed/run";
import { benchOrigin, ensureBuild, serverEnv, signInAt, startBenchDatabase, startServer, stopServer } from "./lib/app";
import { memoryMb } from "./lib/memory";
import { serverHeapFlags } from "../scripts/lib/server-heap";
import { generateIndicatorRows } from "../tests/fixtures/indicator-rows";
import { runCommand } from "../scripts/lib/run-command";

const ROWS = Number(process.argv[2] ?? 10_000);
const PARSE_TARGET_MS = 5_000;

/** Peak heap and RSS of this process (as the server's, without the child processes), sampled every 20 ms. */
const peak = { heap: 0, rss: 0 };
function sample() {
  const m = process.memoryUsage();
  peak.heap = Math.max(peak.heap, m.heapUsed);
  peak.rss = Math.max(peak.rss, m.rss);
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T; heapMb: number; rssMb: number }> {
  peak.heap = 0;
  peak.rss = 0;
  sample();
  const timer = setInterval(sample, 20);
  const start = performance.now();
  try {
    const value = await fn();
    return { ms: performance.now() - start, value, ...(sample(), { heapMb: Math.round(peak.heap / 2 ** 20), rssMb: Math.round(peak.rss / 2 ** 20) }) };
  } finally {
    clearInterval(timer);
  }
}

/**
 * `--server`: the same project through the production server as `npm start` runs it (its default
 * heap cap, scripts/lib/server-heap.ts): its pages (the indicator editor and table render every row's
 * data), the two downloads of its rows and the import of the file in Chromium (the editor's panel),
 * each with its time, status and the peak RSS of the server alone and with its worker processes.
 */
async function throughServer(databaseUrl: string, projectId: string, file: Buffer, rowCount: number) {
  await ensureBuild();
  const port = Number(process.env.BENCH_PORT ?? 3395);
  const base = benchOrigin(port);
  const server = await startServer(serverEnv(databaseUrl, port), port);
  let browser: Browser | undefined;
  try {
    // Inside the try: a browser that cannot start (none installed) must not leave the server running.
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"],
    });
    const rows: Record<string, string | number>[] = [];
    /** Runs one request (or browser step), sampling the server's RSS alone and with its worker processes. */
    const measure = async (label: string, fn: () => Promise<{ status: number | string; size?: number }>) => {
      let peakServer = 0;
      let peakTree = 0;
      const sampler = setInterval(() => {
        const m = memoryMb(server.pid!, "jixiao-bench-import");
        peakServer = Math.max(peakServer, m.root);
        peakTree = Math.max(peakTree, m.app);
      }, 50);
      const t = performance.now();
      try {
        const r = await fn();
        rows.push({ 请求: label, 状态: r.status, ms: Math.round(performance.now() - t), 大小: r.size === undefined ? "" : `${(r.size / 2 ** 20).toFixed(2)} MB`, "服务器 RSS 峰值 MB": Math.round(peakServer), "含工作进程 MB": Math.round(peakTree) });
      } finally {
        clearInterval(sampler);
      }
    };
    const cookie = await signInAt(base, "owner", "Owner@2020");
    for (const [label, path] of [
      ["项目页（/projects/:id）", `/projects/${projectId}`],
      ["指标编辑页（/projects/:id/indicators）", `/projects/${projectId}/indicators`],
      ["指标一览（?view=table）", `/projects/${projectId}/indicators?view=table`],
      ["下载自评表", `/api/projects/${projectId}/self-evaluation`],
      ["下载已填导入模板", `/api/projects/${projectId}/indicator-template?filled=1`],
    ] as const) {
      await measure(label, async () => {
        const res = await fetch(`${base}${path}`, { headers: { cookie } });
        return { status: res.status, size: (await res.arrayBuffer()).byteLength };
      });
    }
    // The import as a user does it: the editor's Excel panel, the whole table replaced.
    const page = await browser.newPage();
    const { csrfToken } = await (await page.request.get(`${base}/api/auth/csrf`)).json();
    await page.request.post(`${base}/api/auth/callback/credentials`, { form: { csrfToken, username: "owner", password: "Owner@2020", json: "true" } });
    await page.goto(`${base}/projects/${projectId}/indicators`);
    await page.getByLabel("导入绩效指标（.xlsx）").setInputFiles({ name: "指标.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: file });
    await measure("浏览器中导入（整表替换）", async () => {
      await page.getByRole("button", { name: "导入", exact: true }).click();
      await page.getByText(`已导入${rowCount}项指标`).waitFor({ timeout: 180_000 });
      return { status: "已导入", size: file.length };
    });
    const idle = memoryMb(server.pid!, "jixiao-bench-import");
    console.log(`\n经生产服务器（默认堆上限 ${serverHeapFlags(serverEnv(databaseUrl, port)).join(" ") || "无"}）：`);
    console.table(rows);
    console.log(`结束后服务器 RSS ${Math.round(idle.root)} MB`);
  } finally {
    await browser?.close();
    await stopServer(server);
  }
}

async function main() {
  const log = (s: string) => process.stderr.write(`${s}\n`);
  log("启动临时数据库…");
  const bench = await startBenchDatabase("import");
  try {
    const db = bench.prisma;

    const owner = await db.user.findUniqueOrThrow({ where: { username: "owner" }, select: { id: true, name: true, role: true, departmentId: true } });
    const fw = await db.indicatorFramework.findUniqueOrThrow({
      where: { code: DEMO_FRAMEWORK_CODE },
      select: {
        id: true,
        budgetExecutionPoints: true,
        level1: { orderBy: { sortOrder: "asc" }, select: { id: true, name: true, category: true, points: true, level2: { orderBy: { sortOrder: "asc" }, select: { id: true, name: true } } } },
      },
    });
    const framework = excelFrameworkOf(fw);
    // In the demo's open year: the seed's 2020 is closed (read-only), as a published year is.
    const department = await db.department.findUniqueOrThrow({ where: { code: DEMO_DEPARTMENT_CODE }, select: { id: true } });
    const dy = await db.departmentYear.upsert({
      where: { departmentId_year: { departmentId: department.id, year: DEMO_OPEN_YEAR } },
      create: { departmentId: department.id, year: DEMO_OPEN_YEAR },
      update: {},
    });
    const project = await db.project.create({
      data: {
        departmentId: dy.departmentId,
        departmentYearId: dy.id,
        year: DEMO_OPEN_YEAR,
        name: `指标导入基准测试-${Date.now()}`,
        competentDepartment: "中共广元市委机构编制委员会办公室",
        implementingUnit: "市委编办",
        frameworkId: fw.id,
        funding: { create: [{ source: "FISCAL", initialBudget: 180000, annualBudget: 180000, executed: 162000 }] },
      },
    });

    const rows = generateIndicatorRows(framework, ROWS);
    log(`生成并解析 ${rows.length} 行…`);
    const build = await timed(() => buildIndicatorTemplate(framework, { rows }));
    const parse = await timed(() => parseIndicatorWorkbook(build.value, framework));
    if (!parse.value.ok) throw new Error(`解析失败：${JSON.stringify(parse.value.errors.slice(0, 5))}`);
    const parsed = parse.value.rows;
    if (parsed.length !== rows.length) throw new Error(`解析得到 ${parsed.length} 行，应为 ${rows.length} 行`);

    log("写入数据库…");
    const save = await timed(() => saveIndicators(db, owner, project.id, project.version, parsed));
    if (!save.value.ok) throw new Error(`保存失败：${save.value.message}`);
    const replace = await timed(() => saveIndicators(db, owner, project.id, save.value.ok ? save.value.version : 0, parsed));
    if (!replace.value.ok) throw new Error(`再次导入失败：${replace.value.message}`);
    const count = await db.indicator.count({ where: { projectId: project.id } });
    if (count !== rows.length) throw new Error(`数据库中有 ${count} 行，应为 ${rows.length} 行`);

    const stored = await db.project.findUniqueOrThrow({
      where: { id: project.id },
      include: {
        funding: true,
        indicators: { orderBy: { sortOrder: "asc" } },
        framework: { select: { budgetExecutionPoints: true, level1: { orderBy: { sortOrder: "asc" }, include: { level2: { orderBy: { sortOrder: "asc" } } } } } },
      },
    });
    const exportSe = await timed(() => buildSelfEvaluationWorkbook(stored));

    const n = rows.length;
    const line = (step: string, t: { ms: number; heapMb: number; rssMb: number }, note = "") => ({
      step,
      ms: Math.round(t.ms),
      "rows/s": Math.round((n / t.ms) * 1000),
      "主线程堆峰值 MB": t.heapMb,
      "本进程 RSS 峰值 MB": t.rssMb,
      note,
    });
    const table = [
      line("生成 .xlsx（buildIndicatorTemplate）", build, `${(build.value.length / 1024 / 1024).toFixed(2)} MB`),
      line("解析（parseIndicatorWorkbook）", parse, parse.ms < PARSE_TARGET_MS ? `目标 < ${PARSE_TARGET_MS} ms：达标` : `目标 < ${PARSE_TARGET_MS} ms：未达标`),
      line("保存（saveIndicators，新增）", save),
      line("再次导入（saveIndicators，整表替换）", replace),
      line("导出自评表（buildSelfEvaluationWorkbook）", exportSe, `${(exportSe.value.length / 1024 / 1024).toFixed(2)} MB`),
    ];
    console.log(`\n绩效指标 Excel 导入基准（${n} 行，指标体系 ${DEMO_FRAMEWORK_CODE}，Node ${process.version}，${os.cpus()[0]?.model ?? ""}）`);
    console.table(table);
    if (process.argv.includes("--server")) await throughServer(bench.url, project.id, build.value, rows.length);
  } finally {
    await bench.stop();
  }
}

runCommand(main, "基准测试失败：", { exitWhenDone: true, stack: true });
