/**
 * Benchmark: the public portal page and the PDF download of the seed report.
 *
 *   npx tsx bench/portal.ts [requests=500] [concurrency=10]
 *
 * Starts a throw-away embedded PostgreSQL with the demo data and serves the production
 * build (`next build` first if there is none) with scripts/serve.ts, as `npm start` does,
 * on localhost:3391 (BENCH_PORT to change).
 * Then, in one run:
 *
 * 1. requests/second of the published report page /portal/gy-swbb/2020 (the version is
 *    looked up on every request, the page comes from the server's compressed copy of what
 *    Next rendered, scripts/lib/portal-pages.ts) against the same HTML
 *    saved as public/bench-static.html and served by the same server (a small concurrent
 *    fetch loop in alternating rounds; the file is deleted afterwards). Both answers must
 *    be the same bytes.
 *    Aim: ratio ≥ 0.8.
 * 2. the time to produce the seed report's PDF: first request (Chromium not yet
 *    running, nothing stored), the same again from ExportFile, and a fresh render with
 *    the browser already running (the stored row deleted first).
 *
 * Only localhost is contacted. Prints a table; exits 0 (1 on an error).
 */
import type { ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { benchOrigin, ensureBuild, ROOT, serverEnv, startBenchDatabase, startServer as start, stopServer } from "./lib/app";
import { runCommand } from "../scripts/lib/run-command";

const REQUESTS = Number(process.argv[2] ?? 500);
const CONCURRENCY = Number(process.argv[3] ?? 10);
const ROUNDS = 4;
const PORT = Number(process.env.BENCH_PORT ?? 3391);
const BASE = benchOrigin(PORT);
const PAGE = "/portal/gy-swbb/2020";
const STATIC_FILE = path.join(ROOT, "public", "bench-static.html");
const STATIC = "/bench-static.html";
/** What the requests to one URL added up to, over all rounds. */
type Totals = { requests: number; seconds: number; bytes: number; latencies: number[]; caches: Map<string, number> };
const totals = (): Totals => ({ requests: 0, seconds: 0, bytes: 0, latencies: [], caches: new Map() });

/** `total` GETs of `url`, `concurrency` at a time, added to `into`; every answer must be 200 with a body. */
async function load(url: string, total: number, concurrency: number, into: Totals = totals()) {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next++;
        const t = performance.now();
        const res = await fetch(url);
        const body = await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${url} 返回 ${res.status}`);
        // Which cache answered, and how the body was compressed on the wire (fetch decodes it).
        const cache = `${res.headers.get("x-nextjs-cache") ?? "—"}/${res.headers.get("content-encoding") ?? "identity"}`;
        into.caches.set(cache, (into.caches.get(cache) ?? 0) + 1);
        into.bytes += body.byteLength;
        into.latencies.push(performance.now() - t);
      }
    }),
  );
  into.seconds += (performance.now() - t0) / 1000;
  into.requests += total;
  return into;
}

function summary(t: Totals) {
  const latencies = [...t.latencies].sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!;
  const cacheNote = [...t.caches].map(([k, n]) => `${k}×${n}`).join(" ");
  return { rps: t.requests / t.seconds, p50: pct(0.5), p95: pct(0.95), bytesPerResponse: t.bytes / t.requests, cacheNote };
}

async function timed(url: string) {
  const t0 = performance.now();
  const res = await fetch(url);
  const body = await res.arrayBuffer();
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`${url} 返回 ${res.status}：${new TextDecoder().decode(body).slice(0, 200)}`);
  return { ms, size: body.byteLength, cache: res.headers.get("x-export-cache") ?? "" };
}

async function main() {
  const db = await startBenchDatabase("portal");
  let server: ChildProcess | undefined;
  let createdPublicDir = false;
  try {
    const url = db.url;
    await db.prisma.$disconnect();
    await ensureBuild();
    const env = serverEnv(url, PORT);
    const startServer = (e: NodeJS.ProcessEnv) => start(e, PORT);

    // The page's HTML, saved as a static file. Next only serves the public files
    // present when it starts, so the server is restarted once the file is written.
    server = await startServer(env);
    const pageRes = await fetch(`${BASE}${PAGE}`);
    if (pageRes.status === 404) {
      console.log(`\n${PAGE} 返回 404：公开页面尚未实现（或构建中没有），无法测量。`);
      return;
    }
    if (!pageRes.ok) throw new Error(`${PAGE} 返回 ${pageRes.status}`);
    const html = await pageRes.text();
    if (!existsSync(path.dirname(STATIC_FILE))) {
      mkdirSync(path.dirname(STATIC_FILE));
      createdPublicDir = true;
    }
    writeFileSync(STATIC_FILE, html);
    const cacheControl = pageRes.headers.get("cache-control") ?? "";
    await stopServer(server);
    server = await startServer(env);

    console.log(`预热（各 50 次）…`);
    await load(`${BASE}${PAGE}`, 50, CONCURRENCY);
    await load(`${BASE}${STATIC}`, 50, CONCURRENCY);
    // In alternating rounds, so that the load of whatever else runs on the machine falls on both alike.
    console.log(`测量：各 ${REQUESTS} 次请求，并发 ${CONCURRENCY}，分 ${ROUNDS} 轮交替进行…`);
    const pageTotals = totals();
    const staticTotals = totals();
    for (let round = 0; round < ROUNDS; round++) {
      const n = Math.floor(REQUESTS / ROUNDS) + (round < REQUESTS % ROUNDS ? 1 : 0);
      const both = [() => load(`${BASE}${PAGE}`, n, CONCURRENCY, pageTotals), () => load(`${BASE}${STATIC}`, n, CONCURRENCY, staticTotals)];
      for (const run of round % 2 === 0 ? both : both.reverse()) await run();
    }
    const page = summary(pageTotals);
    const stat = summary(staticTotals);
    // A fair comparison: the static file is exactly the page's HTML.
    const htmlBytes = Buffer.byteLength(html);
    if (page.bytesPerResponse !== htmlBytes || stat.bytesPerResponse !== htmlBytes) {
      throw new Error(`页面与静态文件的字节数不同：页面 ${page.bytesPerResponse}，静态 ${stat.bytesPerResponse}，保存的 HTML ${htmlBytes}`);
    }

    console.log("生成 PDF…");
    const pdfUrl = `${BASE}/api/portal/gy-swbb/2020/download?format=pdf`;
    const cold = await timed(pdfUrl);
    const cached = await timed(pdfUrl);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`DELETE FROM "ExportFile" WHERE "format" = 'pdf'`);
    await client.end();
    const warm = await timed(pdfUrl);

    const f = (n: number, d = 1) => n.toFixed(d);
    const rows = [
      { 测量: `公开页面 ${PAGE}`, 结果: `${f(page.rps)} 次/秒`, 说明: `p50 ${f(page.p50)} ms，p95 ${f(page.p95)} ms，每次 ${f(page.bytesPerResponse / 1024)} KB；x-nextjs-cache/编码 ${page.cacheNote}；Cache-Control: ${cacheControl}` },
      { 测量: `同一 HTML 的静态文件 ${STATIC}`, 结果: `${f(stat.rps)} 次/秒`, 说明: `p50 ${f(stat.p50)} ms，p95 ${f(stat.p95)} ms，每次 ${f(stat.bytesPerResponse / 1024)} KB；编码 ${stat.cacheNote}` },
      { 测量: "比值（页面 ÷ 静态）", 结果: f(page.rps / stat.rps, 2), 说明: `目标 ≥ 0.8：${page.rps / stat.rps >= 0.8 ? "达标" : "未达标"}` },
      { 测量: "PDF 首次生成（启动 Chromium）", 结果: `${f(cold.ms, 0)} ms`, 说明: `${f(cold.size / 1024)} KB，X-Export-Cache: ${cold.cache}` },
      { 测量: "PDF 第二次（数据库中已有）", 结果: `${f(cached.ms, 0)} ms`, 说明: `X-Export-Cache: ${cached.cache}` },
      { 测量: "PDF 重新生成（浏览器已启动）", 结果: `${f(warm.ms, 0)} ms`, 说明: `删除 ExportFile 行后，X-Export-Cache: ${warm.cache}` },
    ];
    console.log(`\n公开页面与 PDF 下载基准（${REQUESTS} 次请求，并发 ${CONCURRENCY}，仅 localhost；${os.cpus()[0]?.model ?? ""}，${os.cpus().length} 核；压测程序与服务器同机）`);
    console.table(rows);
  } finally {
    rmSync(STATIC_FILE, { force: true });
    if (createdPublicDir) rmSync(path.dirname(STATIC_FILE), { recursive: true, force: true });
    await stopServer(server);
    await db.stop();
  }
}

runCommand(main, "基准测试失败：", { exitWhenDone: true, stack: true });
