/**
 * `npm test`: every tier, in order, stopping at the first failing tier.
 *
 *   static       tsc --noEmit, eslint
 *   unit         vitest (project "unit"): pure code, next to it
 *   integration  vitest (project "integration"): a real PostgreSQL (embedded unless
 *                TEST_DATABASE_ADMIN_URL is set), migrations, demo-data load, permissions
 *   e2e          next build, then Playwright in Debian's Chromium against the
 *                production server started by scripts/start.ts --ephemeral
 *   outage       tests/outage/outage-check.ts on that build: the database stopped and
 *                restarted under load; counts the answers (no 500, stale public pages, 503)
 *
 * Ends with one line "N passed, N failed" over all tiers' test counts.
 * `npm test -- --skip-e2e` (or --only unit|integration|e2e|outage) narrows the run; the
 * outage tier needs the build, so --skip-e2e skips it too.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..");
const RESULTS = path.join(ROOT, ".data", "test-results");
const argv = process.argv.slice(2);
const only = argv.includes("--only") ? argv[argv.indexOf("--only") + 1] : undefined;
const skipE2e = argv.includes("--skip-e2e");

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", FORCE_COLOR: process.env.CI ? "0" : "1" };
const bin = (pkg: string, rel: string) => path.join(ROOT, "node_modules", pkg, rel);

function run(label: string, cmd: string, args: string[], extraEnv: Record<string, string> = {}): Promise<number> {
  const started = Date.now();
  console.log(`\n━━━ ${label} ━━━`);
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, env: { ...env, ...extraEnv }, stdio: "inherit" });
    child.on("error", (e) => {
      console.error(e);
      resolve(1);
    });
    child.on("exit", (code) => {
      console.log(`━━━ ${label}: ${code === 0 ? "通过" : `失败（退出码 ${code}）`}，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`);
      resolve(code ?? 1);
    });
  });
}

type Counts = { passed: number; failed: number; skipped: number };
const total: Counts = { passed: 0, failed: 0, skipped: 0 };

function addVitest(file: string) {
  if (!existsSync(file)) return;
  const r = JSON.parse(readFileSync(file, "utf8")) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  total.passed += r.numPassedTests;
  total.failed += r.numFailedTests;
  total.skipped += r.numPendingTests + r.numTodoTests;
}

function addPlaywright(file: string) {
  if (!existsSync(file)) return;
  const r = JSON.parse(readFileSync(file, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  total.passed += r.stats.expected + r.stats.flaky;
  total.failed += r.stats.unexpected;
  total.skipped += r.stats.skipped;
}

function finish(code: number): never {
  const line = `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`;
  console.log(`\n${line}`);
  process.exit(code);
}

async function main() {
  rmSync(RESULTS, { recursive: true, force: true });
  mkdirSync(RESULTS, { recursive: true });
  const want = (tier: string) => (only ? only === tier : !((tier === "e2e" || tier === "outage") && skipE2e));
  const node = process.execPath;
  const vitest = bin("vitest", "vitest.mjs");

  if (want("e2e") && (await run("准备浏览器", "bash", [path.join(ROOT, "scripts", "ensure-browser.sh")])) !== 0) finish(1);

  if (!only) {
    if ((await run("静态检查：类型", node, [bin("typescript", "bin/tsc"), "--noEmit", "-p", "."])) !== 0) finish(1);
    if ((await run("静态检查：ESLint", node, [bin("eslint", "bin/eslint.js"), ".", "--max-warnings=0"])) !== 0) finish(1);
  }

  for (const tier of ["unit", "integration"] as const) {
    if (!want(tier)) continue;
    const out = path.join(RESULTS, `${tier}.json`);
    const code = await run(`${tier === "unit" ? "单元测试" : "集成测试"}（vitest ${tier}）`, node, [
      vitest,
      "run",
      "--project",
      tier,
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${out}`,
    ]);
    addVitest(out);
    if (code !== 0) finish(code);
  }

  if (want("e2e")) {
    if ((await run("生产构建（next build）", node, [bin("next", "dist/bin/next"), "build"], { NODE_ENV: "production" })) !== 0) finish(1);
    const code = await run("端到端测试（Playwright + Chromium）", node, [bin("@playwright/test", "cli.js"), "test"]);
    addPlaywright(path.join(RESULTS, "e2e.json"));
    if (code !== 0) finish(code);
  }

  if (want("outage")) {
    // Needs the production build: made by the e2e tier, or here when run alone.
    if (!want("e2e") && !existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
      if ((await run("生产构建（next build）", node, [bin("next", "dist/bin/next"), "build"], { NODE_ENV: "production" })) !== 0) finish(1);
    }
    const code = await run("故障测试（数据库停止与恢复）", node, ["--import", "tsx", path.join(ROOT, "tests", "outage", "outage-check.ts")]);
    if (code === 0) total.passed += 1;
    else total.failed += 1;
    if (code !== 0) finish(code);
  }
  finish(total.failed > 0 ? 1 : 0);
}

void main();
