/**
 * Several app instances on one PostgreSQL behave as one (issue #11, "Scale"): a second
 * production server is started on the e2e server's database — the way an operator adds an
 * instance behind a load balancer (`DATABASE_URL` set, same NEXTAUTH_SECRET, nothing else
 * shared) — and the two are used side by side:
 * - a session opened on one is valid on the other (JWT, checked against the database);
 * - failed sign-ins are counted across both (the throttle lives in PostgreSQL);
 * - two reviewers acting on the same report through different instances: exactly one wins;
 * - a publication made through one is served by the other at once (no per-instance cache
 *   to invalidate: every public answer asks the database which version is current).
 * Its data: a department of its own in fiscal year 2038.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { type APIRequestContext, type Browser, expect, type Page, test } from "@playwright/test";
import { E2E_PORT, E2E_STATE_FILE } from "../../playwright.config";
import { newDepartmentWithOwner, sql } from "./helpers/db";
import { toolbar, actTo } from "./helpers/workflow";
import { signIn } from "./helpers/accounts";
import { createProjectInForm, fillSelfEvaluation } from "./helpers/projects";

const YEAR = 2038;
const A = `http://localhost:${E2E_PORT}`;
const B_PORT = E2E_PORT + 17;
const B = `http://localhost:${B_PORT}`;

test.describe.configure({ mode: "serial" });

let second: ChildProcess | undefined;
let secondLog = "";

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const { databaseUrl } = JSON.parse(readFileSync(E2E_STATE_FILE, "utf8")) as { databaseUrl: string };
  second = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "--no-build"], {
    env: {
      ...process.env,
      PORT: String(B_PORT),
      DATABASE_URL: databaseUrl,
      JIXIAO_DEMO_DATA: "0",
      JIXIAO_STATE_FILE: "",
      NEXTAUTH_URL: B,
      NEXTAUTH_SECRET: "e2e-secret-not-for-production-000",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  second.stdout?.on("data", (d: Buffer) => (secondLog += d.toString()));
  second.stderr?.on("data", (d: Buffer) => (secondLog += d.toString()));
  const deadline = Date.now() + 150_000;
  for (;;) {
    const ok = await fetch(`${B}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    if (second.exitCode !== null || Date.now() > deadline) throw new Error(`second instance did not start:\n${secondLog}`);
    await new Promise((r) => setTimeout(r, 500));
  }
});

test.afterAll(async () => {
  if (!second || second.exitCode !== null) return;
  const exited = new Promise((r) => second!.once("exit", r));
  second.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
  if (second.exitCode === null) second.kill("SIGKILL");
});

async function credentialsSignIn(ctx: APIRequestContext, username: string, password: string) {
  const { csrfToken } = (await (await ctx.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await ctx.post("/api/auth/callback/credentials", { form: { csrfToken, username, password, json: "true" } });
  const session = (await (await ctx.get("/api/auth/session")).json()) as { user?: { name?: string } };
  return session.user ?? null;
}

test("两个实例：登录失败次数跨实例合并计算，在一个实例上登录的会话在另一个实例上同样有效", async ({ playwright }) => {
  const { username, password } = await newDepartmentWithOwner({ year: YEAR, frameworkCode: "CY-2021-101" });
  const onA = await playwright.request.newContext({ baseURL: A });
  const onB = await playwright.request.newContext({ baseURL: B });
  // Five wrong passwords, three through A and two through B, from the same address.
  for (let i = 0; i < 3; i++) expect(await credentialsSignIn(onA, username, "wrong-password")).toBeNull();
  for (let i = 0; i < 2; i++) expect(await credentialsSignIn(onB, username, "wrong-password")).toBeNull();
  const [row] = await sql<{ failures: number }>(`SELECT max("failures") AS failures FROM "LoginThrottle" WHERE "username" = $1`, [username]);
  expect(row?.failures).toBe(5);
  // The sixth attempt must wait, on either instance, even with the right password.
  expect(await credentialsSignIn(onA, username, password)).toBeNull();
  expect(await credentialsSignIn(onB, username, password)).toBeNull();

  // A session opened on B is valid on A (the same JWT secret, the session version in the database).
  const other = await newDepartmentWithOwner({ year: YEAR, frameworkCode: "CY-2021-101" });
  const viaB = await playwright.request.newContext({ baseURL: B });
  expect(await credentialsSignIn(viaB, other.username, other.password)).not.toBeNull();
  const cookies = (await viaB.storageState()).cookies;
  const viaA = await playwright.request.newContext({ baseURL: A, storageState: { cookies, origins: [] } });
  const onAnother = (await (await viaA.get("/api/auth/session")).json()) as { user?: { name?: string } };
  expect(onAnother.user?.name).toBe(`新填报人${other.username.replace("owner-", "")}`);
  for (const c of [onA, onB, viaA, viaB]) await c.dispose();
});

/** An owner's submitted self-evaluation report (the project through the form, its indicators by SQL). */
async function submittedReport(browser: Browser) {
  const { username, password } = await newDepartmentWithOwner({ year: YEAR, frameworkCode: "CY-2021-101" });
  const owner = await (await browser.newContext({ baseURL: A })).newPage();
  await signIn(owner, username, password);
  const projectName = `双实例测试项目${randomBytes(2).toString("hex")}`;
  const projectId = await createProjectInForm(owner, { year: YEAR, name: projectName, initialBudget: "10", annualBudget: "10", executed: "9.8" });
  const reportId = await fillSelfEvaluation(owner, projectId);
  await toolbar(owner).getByRole("button", { name: "保存" }).click();
  await expect(owner.getByTestId("report-saved")).toContainText("已保存");
  await actTo(owner, "提交审核", "已提交");
  await owner.context().close();
  return { reportId, title: `${projectName}项目支出绩效自评报告` };
}

async function reviewerOn(browser: Browser, base: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: base })).newPage();
  await signIn(page, "reviewer", "Review@2020");
  return page;
}

test("两个实例：两名审核人分别在两个实例上同时审核同一报告，只有一人成功；在一个实例上公开，另一个实例立即提供", async ({ browser, playwright }) => {
  test.setTimeout(240_000);
  const { reportId, title } = await submittedReport(browser);
  const publicOnB = await playwright.request.newContext({ baseURL: B });
  expect((await publicOnB.get(`/published/${reportId}`)).status()).toBe(404);

  const [onA, onB] = [await reviewerOn(browser, A), await reviewerOn(browser, B)];
  for (const p of [onA, onB]) {
    await p.goto(`/reports/${reportId}`);
    await expect(p.getByTestId("report-status")).toHaveText("已提交");
    await toolbar(p).getByRole("button", { name: "审核通过", exact: true }).click();
    await expect(p.getByRole("dialog", { name: "审核通过" })).toBeVisible();
  }
  // Both confirm at the same moment, each through its own instance.
  await Promise.all([onA, onB].map((p) => p.getByRole("dialog", { name: "审核通过" }).getByRole("button", { name: "确认审核通过" }).click()));
  // The loser is told, in Chinese, that someone else acted first; the winner sees 已通过.
  const refusal = /报告已被其他人处理或修改|报告当前为“已通过”，不能审核通过/;
  const refusedOn = async (p: Page) => p.getByRole("alert").filter({ hasText: refusal }).count();
  await expect.poll(async () => (await refusedOn(onA)) + (await refusedOn(onB))).toBe(1);
  const [approvals] = await sql<{ n: string }>(`SELECT count(*)::text AS n FROM "AuditLog" WHERE "action" = 'report.approve' AND "entityId" = $1`, [reportId]);
  expect(approvals?.n).toBe("1");
  const [state] = await sql<{ status: string }>(`SELECT "status"::text AS status FROM "Report" WHERE "id" = $1`, [reportId]);
  expect(state?.status).toBe("APPROVED");

  // Published through A …
  await onA.reload();
  await actTo(onA, "公开", "已公开");
  // … and served by B at the very next request.
  const page = await publicOnB.get(`/published/${reportId}`);
  expect(page.status()).toBe(200);
  expect(await page.text()).toContain(title);
  for (const p of [onA, onB]) await p.context().close();
  await publicOnB.dispose();
});
