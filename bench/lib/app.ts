/**
 * What every benchmark needs: a throw-away embedded PostgreSQL with the migrations
 * and the demo data, and the production build served by scripts/serve.ts on localhost.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createPrismaClient, type PrismaClient } from "../../lib/db-client";
import { seedDemoData } from "../../prisma/seed/run";
import { startEmbeddedPostgres } from "../../scripts/lib/embedded-pg";
import { applyMigrations } from "../../scripts/lib/migrate";
import { serverHeapFlags, serverProcessEnv } from "../../scripts/lib/server-heap";

export const ROOT = path.resolve(__dirname, "..", "..");
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");

export type BenchDatabase = { url: string; prisma: PrismaClient; stop: () => Promise<void> };

/** The databases started by this run, stopped if the run must end early (a server died). */
const databases = new Set<() => Promise<void>>();

export async function startBenchDatabase(name: string): Promise<BenchDatabase> {
  const db = await startEmbeddedPostgres({ dataDir: path.join(os.tmpdir(), `jixiao-bench-${name}-${process.pid}-${Date.now()}`), ephemeral: true });
  try {
    await db.createDatabase("bench");
    const url = db.url("bench");
    console.log("执行数据库迁移并加载演示数据…");
    await applyMigrations(url);
    const prisma = createPrismaClient(url);
    await seedDemoData(prisma);
    const stop = async () => {
      databases.delete(stop);
      await prisma.$disconnect();
      await db.stop();
    };
    databases.add(stop);
    return { url, prisma, stop };
  } catch (e) {
    await db.stop();
    throw e;
  }
}

function run(args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<void>((resolve, reject) => {
    const c = spawn(process.execPath, [NEXT_BIN, ...args], { cwd: ROOT, env, stdio: "inherit" });
    c.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next ${args.join(" ")} exited ${code}`))));
  });
}

/** `next build` unless a production build exists. */
export async function ensureBuild() {
  if (existsSync(path.join(ROOT, ".next", "BUILD_ID"))) return;
  console.log("没有生产构建，先执行 next build…");
  await run(["build"], { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" });
}

/**
 * Where a benchmark's server answers. "localhost", not "127.0.0.1": Next 16.4 sends the
 * proxy's rewrites (the portal's year pages) over the network to itself when started with
 * `-H 127.0.0.1` (vercel/next.js#94745), which would measure that bug instead of the app.
 */
export function benchOrigin(port: number): string {
  return `http://localhost:${port}`;
}

export function serverEnv(databaseUrl: string, port: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: "bench-secret-0123456789abcdef",
    NEXTAUTH_URL: benchOrigin(port),
    PDF_RENDER_ORIGIN: benchOrigin(port),
    PORT: String(port),
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    // Node options for the server only (e.g. BENCH_SERVER_NODE_OPTIONS=--max-old-space-size=320).
    ...(process.env.BENCH_SERVER_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS } : {}),
  };
}

/**
 * The production server as `npm start` runs it (scripts/serve.ts: Next behind the portal's
 * page layer) on localhost:port (loopback only), resolved once /api/health answers.
 */
export async function startServer(env: NodeJS.ProcessEnv, port: number): Promise<ChildProcess> {
  const server = spawn(process.execPath, [...serverHeapFlags(env), "--import", "tsx", path.join(ROOT, "scripts", "serve.ts")], {
    cwd: ROOT,
    env: serverProcessEnv({ ...env, PORT: String(port), JIXIAO_LISTEN_HOST: "localhost" }),
    stdio: ["ignore", "ignore", "inherit"],
  });
  // A server that dies under the benchmark (out of memory, say) ends the run with its code, instead
  // of leaving the benchmark waiting on requests nobody answers.
  const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
    console.error(`服务器意外退出（代码 ${code}，信号 ${signal}）`);
    void Promise.allSettled([...databases].map((stop) => stop())).then(() => process.exit(1));
  };
  server.once("exit", onExit);
  stopping.set(server, () => server.off("exit", onExit));
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${benchOrigin(port)}/api/health`)).ok) return server;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  server.kill("SIGTERM");
  throw new Error("服务器未能在 60 秒内启动");
}

/** Detaches the "died unexpectedly" handler of a server before it is stopped on purpose. */
const stopping = new WeakMap<ChildProcess, () => void>();

export async function stopServer(server: ChildProcess | undefined) {
  if (server) stopping.get(server)?.();
  if (!server || server.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    server.once("exit", () => resolve());
    server.kill("SIGTERM");
  });
}

/** Signs in through the credentials form's endpoint of the server at `base`; the session cookie. */
export async function signInAt(base: string, username: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar, origin: base },
    body: new URLSearchParams({ csrfToken, username, password, json: "true" }),
  });
  const session = res.headers.getSetCookie().map((c) => c.split(";")[0]!).find((c) => c.includes("session-token"));
  if (!session) throw new Error(`登录失败（${res.status}）`);
  return session;
}

