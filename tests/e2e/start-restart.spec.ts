/**
 * `npm start` as a user runs it: first start loads the demo data, SIGTERM stops the
 * app and the embedded database cleanly, and a second start keeps what was entered
 * without loading anything twice. Uses the production build made before this tier.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { DEMO_ACCOUNTS } from "../../prisma/seed/accounts";

const PORT = 3211;

function start(dataDir: string) {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "--no-build"], {
    env: { ...process.env, PORT: String(PORT), JIXIAO_DATA_DIR: dataDir, JIXIAO_DB_PORT: "0", DATABASE_URL: "", NEXTAUTH_URL: `http://localhost:${PORT}` },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const ready = new Promise<{ dbPort: number }>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = output.match(/内置 PostgreSQL 已启动（端口 (\d+)/);
      if (m && output.includes("绩效管理平台已启动")) {
        clearInterval(timer);
        resolve({ dbPort: Number(m[1]) });
      }
    }, 200);
    child.on("exit", (code) => {
      clearInterval(timer);
      reject(new Error(`start exited early (${code}):\n${output}`));
    });
  });
  return { child, ready, output: () => output };
}

function stop(child: ChildProcess) {
  return new Promise<number | null>((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.kill("SIGTERM");
  });
}

async function query<T>(dbPort: number, sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: `postgresql://postgres:postgres@127.0.0.1:${dbPort}/jixiao` });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows as T[];
  } finally {
    await c.end();
  }
}

test("数据在重启后保留，演示数据不会重复载入，停止时数据库安全关闭", async ({ request }) => {
  test.setTimeout(180_000);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "jixiao-restart-"));
  chmodSync(dataDir, 0o755); // like a project folder: the database user must be able to enter it
  const children: ChildProcess[] = [];
  try {
    const first = start(dataDir);
    children.push(first.child);
    const { dbPort } = await first.ready;
    expect(first.output()).toContain("已载入：市委编办 2020年度（5 个项目）");
    expect(first.output()).toMatch(/owner\s+密码 Owner@2020/);
    expect((await request.get(`http://127.0.0.1:${PORT}/api/health`)).status()).toBe(200);
    await query(dbPort, `UPDATE "Project" SET "goalActual" = '重启前录入的内容' WHERE "name" = '全市事业单位改革'`);

    expect(await stop(first.child)).toBe(0);
    expect(first.output()).toContain("数据库已停止");
    expect(existsSync(path.join(dataDir, "pg", "postmaster.pid"))).toBe(false);

    const second = start(dataDir);
    children.push(second.child);
    const again = await second.ready;
    expect(second.output()).toContain("演示数据已存在，未做改动");
    const rows = await query<{ goalActual: string }>(again.dbPort, `SELECT "goalActual" FROM "Project" WHERE "name" = '全市事业单位改革'`);
    expect(rows.map((r) => r.goalActual)).toEqual(["重启前录入的内容"]);
    const [counts] = await query<{ projects: string; users: string }>(
      again.dbPort,
      `SELECT (SELECT count(*) FROM "Project") AS projects, (SELECT count(*) FROM "User") AS users`,
    );
    expect(counts).toEqual({ projects: "5", users: String(DEMO_ACCOUNTS.length) });
    expect(await stop(second.child)).toBe(0);
  } finally {
    for (const c of children) if (c.exitCode === null) await stop(c);
    rmSync(dataDir, { recursive: true, force: true });
  }
});
