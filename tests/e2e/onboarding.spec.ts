/**
 * A finance bureau sets Jixiao up without touching the database (issue #10, its end-to-end test):
 * an admin creates a department with a sub-unit, an owner account and a department reviewer
 * account, copies the national framework into a local one, opens 2022 on it for the new
 * department with the department review stage, and signs out. The owner signs in with the
 * temporary password, is made to change it, creates a project, enters its indicators in the
 * editor and submits the self-evaluation; the department reviewer (also on a temporary password)
 * passes it on; the finance reviewer approves and publishes it; anyone can read it.
 * Everything goes through the pages; SQL only reads what was stored. Its year: 2022.
 */
import { randomBytes } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { SELF_EVALUATION_SECTIONS } from "../../features/reports/template";
import { signIn } from "./helpers/accounts";
import { firstSignIn, openNewAccountForm, shownTemporaryPassword } from "./helpers/admin-accounts";
import { cloneAccount, sql } from "./helpers/db";
import { newSignedInPage, actTo } from "./helpers/workflow";
import { createProjectInForm, createSelfEvaluationInPage } from "./helpers/projects";

const YEAR = 2022;

async function createAccount(admin: Page, a: { username: string; name: string; role: string; departmentCode: string }) {
  await admin.goto("/admin/accounts");
  const form = await openNewAccountForm(admin, a);
  const option = form.getByLabel("所属部门").locator("option", { hasText: new RegExp(`^${a.departmentCode} `) });
  await form.getByLabel("所属部门").selectOption((await option.getAttribute("value"))!);
  await form.getByRole("button", { name: "创建账号" }).click();
  const temp = await shownTemporaryPassword(admin);
  await admin.getByRole("button", { name: "我已记下，关闭" }).click();
  return temp;
}

test("新单位上线：管理员建部门与下属单位、账号、本地指标体系和2022年度（含部门审核），填报人到公开全流程", async ({ browser }) => {
  test.setTimeout(360_000);
  const tag = randomBytes(3).toString("hex");
  const code = `ob-${tag}`;
  const fullName = `上线测试局${tag}`;

  // ── The admin: department and sub-unit ──
  // An admin account of its own: signing out ends every session of the account, and other
  // specs running at the same time use the demo admin.
  const adminAccount = await cloneAccount("admin");
  const admin = await newSignedInPage(browser, adminAccount.username, adminAccount.password);
  await admin.goto("/admin/departments");
  await admin.getByRole("button", { name: "新增部门或单位" }).click();
  const form = admin.getByRole("form", { name: "新增部门或单位" });
  await form.getByLabel("单位编码").fill(code);
  await form.getByLabel("单位全称").fill(fullName);
  await form.getByLabel("简称").fill(`上线局${tag}`);
  await form.getByRole("button", { name: "新增" }).click();
  await expect(admin.getByRole("status").filter({ hasText: `已新增 上线局${tag}` })).toBeVisible();
  // The form stays open for the next unit; the new department is now offered as a parent.
  const parent = form.getByLabel("上级部门").locator("option", { hasText: new RegExp(`^${code} `) });
  await expect(parent).toHaveCount(1);
  await form.getByLabel("单位编码").fill(`${code}-1`);
  await form.getByLabel("单位全称").fill(`${fullName}信息中心`);
  await form.getByLabel("简称").fill(`信息中心${tag}`);
  await form.getByLabel("上级部门").selectOption((await parent.getAttribute("value"))!);
  await form.getByRole("button", { name: "新增" }).click();
  await expect(admin.getByRole("status").filter({ hasText: `已新增 信息中心${tag}` })).toBeVisible();
  const [unit] = await sql<{ parent: string }>(
    `SELECT p."code" AS parent FROM "Department" d JOIN "Department" p ON p."id" = d."parentId" WHERE d."code" = $1`,
    [`${code}-1`],
  );
  expect(unit?.parent).toBe(code);

  // ── …two accounts ──
  const ownerName = `ob.owner.${tag}`;
  const deptName = `ob.dept.${tag}`;
  const ownerTemp = await createAccount(admin, { username: ownerName, name: `上线填报人${tag}`, role: "OWNER", departmentCode: code });
  const deptTemp = await createAccount(admin, { username: deptName, name: `上线部门审核人${tag}`, role: "DEPT_REVIEWER", departmentCode: code });

  // ── …a local framework copied from the national one ──
  const fwCode = `OB-${tag.toUpperCase()}`;
  const fwName = `上线本地指标体系${tag}`;
  await admin.goto("/admin/frameworks");
  const national = admin.getByTestId("framework-CY-2021-101");
  await national.getByRole("button", { name: "复制为本地版本" }).click();
  await national.getByLabel("编码").fill(fwCode);
  await national.getByLabel("名称").fill(fwName);
  await national.getByRole("button", { name: "确认复制" }).click();
  await expect(admin.getByRole("heading", { name: fwName })).toBeVisible();

  // ── …2022 opened for the new department on it, with the department stage ──
  await admin.goto("/admin/years");
  const open = admin.getByRole("form", { name: "开放新的财政年度" });
  await open.getByLabel("年度", { exact: true }).fill(String(YEAR));
  await open.getByLabel("指标体系", { exact: true }).selectOption({ label: fwName });
  await open.getByLabel("全部部门").uncheck();
  await open.getByLabel(fullName, { exact: true }).check();
  await open.getByRole("button", { name: "开放年度" }).click();
  await expect(open.getByText(`已开放${YEAR}年度`)).toBeVisible();
  const row = admin.getByTestId(`year-${YEAR}`);
  await row.getByRole("button", { name: `设置${YEAR}年度部门审核环节` }).click();
  await expect(admin.getByTestId(`year-${YEAR}-stages`)).toHaveText("部门审核 → 财政审核");
  await admin.getByRole("button", { name: "退出登录" }).click();
  await expect(admin).toHaveURL(/\/login|\/$/);

  // ── The owner: first sign-in, project, indicators in the editor, report, submit ──
  const owner = await (await browser.newContext({ baseURL: test.info().project.use.baseURL })).newPage();
  await firstSignIn(owner, ownerName, ownerTemp);
  const projectName = `上线测试项目${tag}`;
  await createProjectInForm(owner, { year: YEAR, name: projectName, initialBudget: "30", annualBudget: "30", executed: "29.5" });
  await owner.getByRole("link", { name: "绩效指标" }).click();
  await expect(owner.getByRole("main")).toContainText(`指标体系：${fwName}`);
  const rows = [
    ["产出指标", "数量指标", "系统上线单位数", "5", "家", "5", "50"],
    ["效益指标", "社会效益指标", "业务办理时长缩短", "30", "%", "35", "30"],
    ["满意度指标", "服务对象满意度指标", "使用单位满意度", "90", "%", "95", "10"],
  ] as const;
  for (const [i, [l1, l2, name, target, unit, actual, weight]] of rows.entries()) {
    const field = (label: string) => owner.getByLabel(`第${i + 1}行 ${label}`, { exact: true });
    await owner.getByRole("button", { name: "添加指标" }).click();
    await field("一级指标").selectOption({ label: l1 });
    await field("二级指标").selectOption({ label: l2 });
    await field("三级指标").fill(name);
    await field("指标性质").selectOption({ label: "≥" });
    await field("指标值").fill(target);
    await field("计量单位").fill(unit);
    await field("实际完成值").fill(actual);
    await field("分值").fill(weight);
  }
  await owner.getByRole("button", { name: "保存", exact: true }).click();
  await expect(owner.getByTestId("save-status")).toContainText("已保存");
  const reportId = await createSelfEvaluationInPage(owner);
  for (const s of SELF_EVALUATION_SECTIONS.filter((x) => x.required)) await owner.getByLabel(s.heading, { exact: true }).fill(`${s.heading}：按计划完成。`);
  await actTo(owner, "提交审核", "部门审核中");

  // ── The department reviewer: first sign-in, passes it on ──
  const dept = await (await browser.newContext({ baseURL: test.info().project.use.baseURL })).newPage();
  await firstSignIn(dept, deptName, deptTemp);
  await expect(dept.getByTestId("dept-review-inbox")).toContainText(projectName);
  await dept.goto(`/reports/${reportId}`);
  await actTo(dept, "部门审核通过", "已提交");

  // ── The finance reviewer approves and publishes ──
  const reviewer = await (await browser.newContext({ baseURL: test.info().project.use.baseURL })).newPage();
  await signIn(reviewer, "reviewer", "Review@2020");
  await reviewer.goto(`/reports/${reportId}`);
  await actTo(reviewer, "审核通过", "已通过");
  await actTo(reviewer, "公开", "已公开");

  // ── Anyone reads it ──
  const visitor = await (await browser.newContext({ baseURL: test.info().project.use.baseURL })).newPage();
  const r = await visitor.goto(`/published/${reportId}`);
  expect(r?.status()).toBe(200);
  await expect(visitor.getByRole("heading", { level: 1 })).toContainText(projectName);

  const audit = await sql<{ action: string }>(`SELECT "action" FROM "AuditLog" WHERE "entityType" = 'Report' AND "entityId" = $1 AND "fromStatus" IS NOT NULL ORDER BY "id"`, [reportId]);
  expect(audit.map((a) => a.action)).toEqual(["report.submit", "report.dept_approve", "report.approve", "report.publish"]);
  const [fy] = await sql<{ code: string }>(`SELECT f."code" FROM "FiscalYear" y JOIN "IndicatorFramework" f ON f."id" = y."frameworkId" WHERE y."year" = $1`, [YEAR]);
  expect(fy?.code).toBe(fwCode);
});
