/**
 * `npm start`: everything needed to serve the app, in one command.
 *
 *   1. database   — DATABASE_URL if set; otherwise an embedded PostgreSQL in .data/pg
 *   2. migrations — `prisma migrate deploy` (offline schema engine, see prisma/engine)
 *   3. demo data  — the seed document's department and year, loaded once (idempotent)
 *   4. build      — `next build` when the sources are newer than the last build
 *   5. serve      — scripts/serve.ts (Next, as `next start`, behind the portal's page layer)
 *                   on PORT (default 3000), until Ctrl-C / SIGTERM
 *
 * Options: --dev (next dev, no build), --no-build, --ephemeral (throw-away database
 * in a temp folder, for end-to-end tests), --no-seed. JIXIAO_DATA_DIR moves the data
 * folder (default .data/), JIXIAO_DB_PORT the embedded database's port (default 54329).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DEMO_ACCOUNTS } from "../prisma/seed/accounts";
import { databaseExists, startEmbeddedPostgres, type EmbeddedDb } from "./lib/embedded-pg";
import { applyMigrations } from "./lib/migrate";
import { serverHeapFlags, serverProcessEnv } from "./lib/server-heap";
import type { SeedStepResult } from "./seed-step";

const ROOT = path.resolve(__dirname, "..");
const args = new Set(process.argv.slice(2));
const DEV = args.has("--dev");
const EPHEMERAL = args.has("--ephemeral");
const PORT = Number(process.env.PORT ?? 3000);
const DB_NAME = "jixiao";

const t0 = Date.now();
let stepNo = 0;
const TOTAL_STEPS = 5;
function step(label: string) {
  stepNo += 1;
  console.log(`\n[${stepNo}/${TOTAL_STEPS}] ${label}…`);
}
function done(detail: string) {
  console.log(`      ✓ ${detail}（累计 ${((Date.now() - t0) / 1000).toFixed(1)} 秒）`);
}

let embedded: EmbeddedDb | undefined;
let server: ChildProcess | undefined;
let shuttingDown = false;

async function shutdown(code: number) {
  if (shuttingDown) return;
  shuttingDown = true;
  console.log("\n正在停止…");
  if (server && server.exitCode === null) {
    server.kill("SIGTERM");
    await new Promise((r) => server?.once("exit", r));
  }
  if (embedded) {
    try {
      await embedded.stop();
      console.log("数据库已停止。");
    } catch {
      console.error("数据库未能正常停止（下次启动时会自动处理）。");
    }
  }
  process.exit(code);
}

process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

/** A secret for signing session JWTs: from the environment, or made once and kept. */
function authSecret(dataDir: string) {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(p)) {
    if (entry === "node_modules" || entry === "generated" || entry.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry)));
  }
  return newest;
}

function needsBuild() {
  const buildId = path.join(ROOT, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const inputs = ["app", "components", "features", "lib", "public", "proxy.ts", "next.config.js", "postcss.config.mjs", "package-lock.json", "prisma/schema.prisma"];
  return inputs.some((p) => newestMtime(path.join(ROOT, p)) > built);
}

/**
 * The seed step in a child process (scripts/seed-step.ts): this supervising process stays small
 * (no Prisma client, no seed data, no bcrypt in its heap for the app's whole life).
 */
function seedStep(env: NodeJS.ProcessEnv): Promise<SeedStepResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts", "seed-step.ts")], { cwd: ROOT, env, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout?.on("data", (d: Buffer) => (out += d.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      const last = out.trim().split("\n").pop() ?? "";
      if (code === 0 && last.startsWith("{")) resolve(JSON.parse(last) as SeedStepResult);
      else reject(new Error(`载入数据失败（退出码 ${code}）`));
    });
  });
}

function run(cmd: string, cmdArgs: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, cmdArgs, { cwd: ROOT, env, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(cmdArgs[0] ?? cmd)} exited with ${code}`))));
  });
}

async function waitForHealth(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server?.exitCode !== null && server?.exitCode !== undefined) throw new Error("应用进程意外退出");
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`应用未在 ${timeoutMs / 1000} 秒内就绪`);
}

async function main() {
  const dataDir = EPHEMERAL
    ? path.join(os.tmpdir(), `jixiao-e2e-${process.pid}-${Date.now()}`)
    : path.resolve(ROOT, process.env.JIXIAO_DATA_DIR || ".data");

  step("准备数据库");
  let databaseUrl = process.env.DATABASE_URL || undefined;
  if (databaseUrl) {
    done("使用环境变量 DATABASE_URL 指定的 PostgreSQL");
  } else {
    embedded = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, "pg"),
      port: Number(process.env.JIXIAO_DB_PORT ?? (EPHEMERAL ? 0 : 54329)) || undefined,
      ephemeral: EPHEMERAL,
    });
    if (!(await databaseExists(embedded, DB_NAME))) await embedded.createDatabase(DB_NAME);
    databaseUrl = embedded.url(DB_NAME);
    done(`内置 PostgreSQL 已启动（端口 ${embedded.port}，数据目录 ${path.relative(ROOT, embedded.dataDir).startsWith("..") ? embedded.dataDir : path.relative(ROOT, embedded.dataDir)}）`);
  }

  step("应用数据库迁移");
  const out = await applyMigrations(databaseUrl);
  const applied = out.match(/following migration\(s\) have been applied/) ? "已应用新的迁移" : "数据库结构已是最新";
  done(applied);

  // Demo data on the embedded database unless JIXIAO_DEMO_DATA=0; on a real server only
  // when asked (JIXIAO_DEMO_DATA=1). Without it: schema and reference data only, no accounts.
  const demoSetting = process.env.JIXIAO_DEMO_DATA;
  const demo = demoSetting ? demoSetting === "1" : !process.env.DATABASE_URL;
  let needsAdmin = false;
  step(demo ? "载入演示数据" : "载入参考数据");
  if (args.has("--no-seed")) {
    done("已跳过（--no-seed）");
  } else {
    const result = await seedStep({ ...process.env, DATABASE_URL: databaseUrl, JIXIAO_SEED_DEMO: demo ? "1" : "0" });
    done(!demo ? "指标体系与功能分类科目已就绪" : result.loaded ? `已载入：${result.summary}` : "演示数据已存在，未做改动");
    if (result.adminCreated) console.log("      ✓ 已创建管理员账号 admin（密码取自 JIXIAO_ADMIN_PASSWORD）");
    needsAdmin = result.needsAdmin;
  }

  // End-to-end tests build their own fixtures in the database the server uses.
  if (process.env.JIXIAO_STATE_FILE) {
    mkdirSync(path.dirname(path.resolve(ROOT, process.env.JIXIAO_STATE_FILE)), { recursive: true });
    writeFileSync(path.resolve(ROOT, process.env.JIXIAO_STATE_FILE), JSON.stringify({ databaseUrl, port: PORT }));
  }

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: authSecret(dataDir),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${PORT}`,
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(PORT),
  };
  const nextBin = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");

  step("构建应用");
  if (DEV) done("开发模式，跳过构建");
  else if (args.has("--no-build")) done("已跳过（--no-build）");
  else if (!needsBuild()) done("已有最新构建");
  else {
    await run(process.execPath, [nextBin, "build"], { ...env, NODE_ENV: "production" });
    done("构建完成");
  }

  step("启动服务");
  // Production: scripts/serve.ts, i.e. Next's handler (as `next start`) behind the portal's page layer.
  const serveArgs = DEV ? [nextBin, "dev", "-p", String(PORT)] : [...serverHeapFlags(env), "--import", "tsx", path.join(ROOT, "scripts", "serve.ts")];
  server = spawn(process.execPath, serveArgs, {
    cwd: ROOT,
    env: DEV ? { ...env, NODE_ENV: "development" } : serverProcessEnv({ ...env, NODE_ENV: "production" as const }),
    stdio: ["ignore", "pipe", "inherit"],
  });
  server.stdout?.on("data", (d: Buffer) => {
    if (!shuttingDown) process.stdout.write(d);
  });
  server.on("exit", (code) => {
    if (!shuttingDown) {
      console.error(`应用进程退出（代码 ${code}）`);
      void shutdown(code ?? 1);
    }
  });
  await waitForHealth(`http://127.0.0.1:${PORT}/api/health`, DEV ? 120_000 : 60_000);
  done("服务已就绪");

  const width = Math.max(...DEMO_ACCOUNTS.map((a) => a.username.length));
  const accounts = demo
    ? `  演示账号（仅供演示，正式部署请修改密码）：
${DEMO_ACCOUNTS.map((a) => `    ${a.username.padEnd(width)}  密码 ${a.password}  ${a.roleLabel}${a.departmentCode ? `（${a.departmentLabel}）` : ""}`).join("\n")}`
    : needsAdmin
      ? `  尚无管理员账号。请任选其一创建第一个管理员：
    · 浏览器打开 http://localhost:${PORT}/setup （仅在没有管理员时可用）
    · 或另开终端运行：npm run admin:create -- --username <用户名> --name <姓名>`
      : "  未载入演示账号（正式数据）";
  console.log(`
================================================================
  绩效管理平台已启动： http://localhost:${PORT}
  公开首页无需登录；工作人员登录： http://localhost:${PORT}/login

${accounts}

  按 Ctrl-C 停止（${embedded ? (EPHEMERAL ? "临时数据库随之删除" : `数据库随之安全关闭，数据保留在 ${embedded.dataDir} 中`) : "外部数据库不受影响"}）
================================================================
`);
}

/** A start-up failure as one clear Chinese line (no stack trace). */
function failureMessage(e: unknown): string {
  const err = e as NodeJS.ErrnoException | undefined;
  if (err?.code === "EACCES") return `没有权限执行或访问 ${err.path ?? "所需文件"}。请检查项目目录的权限，或以普通用户运行 npm start`;
  if (err?.code === "EADDRINUSE") return `端口已被占用（${err.message}）。请用 PORT=其他端口 npm start，或先停止占用该端口的程序`;
  if (err?.code === "ENOSPC") return "磁盘空间不足";
  const text = e instanceof Error ? e.message : String(e);
  if (/Postgres init script failed/.test(text)) return `数据库初始化失败：${text.split("ERROR OUTPUT:")[1]?.trim().split("\n")[0] ?? text}`;
  return text.split("\n")[0] ?? text;
}

async function fail(e: unknown) {
  console.error(`\n启动失败：${failureMessage(e)}`);
  if (process.env.JIXIAO_DEBUG) console.error(e);
  await shutdown(1);
}

// Errors emitted outside the promise chain (e.g. a child process that cannot be spawned).
process.on("uncaughtException", (e) => void fail(e));
process.on("unhandledRejection", (e) => void fail(e));

main().catch(fail);
