import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { SELF_EVALUATION_SECTIONS } from "../../features/reports/template";
import { newDepartmentWithOwner, newDeptReviewer, sql } from "./helpers/db";
import { newSignedInPage, actTo, reloadShows } from "./helpers/workflow";
import { createProjectInForm, fillSelfEvaluation } from "./helpers/projects";

const YEAR = 2033;
const REQUIRED = SELF_EVALUATION_SECTIONS.filter((s) => s.required);

test("部门审核环节：管理员开启，填报人提交，部门审核人退回、通过，财政审核人审核通过", async ({ browser }) => {
  test.setTimeout(300_000);
  mkdirSync("tests/e2e/.artifacts", { recursive: true });
  const projectName = `分级审核测试项目${randomBytes(2).toString("hex")}`;
  const title = `${projectName}项目支出绩效自评报告`;
  const { departmentId, username, password } = await newDepartmentWithOwner({ year: YEAR, frameworkCode: "CY-2021-101" });
  const deptReviewerAccount = await newDeptReviewer(departmentId);

  // ── The admin turns on the department stage for the year ──
  const admin = await newSignedInPage(browser, "admin", "Admin@2020");
  await admin.goto("/admin/years");
  const row = admin.getByTestId(`year-${YEAR}`);
  await expect(admin.getByTestId(`year-${YEAR}-stages`)).toHaveText("财政审核");
  await row.getByRole("button", { name: `设置${YEAR}年度部门审核环节` }).click();
  await expect(admin.getByTestId(`year-${YEAR}-stages`)).toHaveText("部门审核 → 财政审核");
  await expect(row.getByRole("button", { name: `取消${YEAR}年度部门审核环节` })).toBeVisible();

  // ── The owner creates a project and its report, fills it in and submits ──
  const owner = await newSignedInPage(browser, username, password);
  const projectId = await createProjectInForm(owner, { year: YEAR, name: projectName, initialBudget: "18", annualBudget: "18", executed: "18", goal: "举办培训班4期。", achieved: "举办培训班4期。" });
  const reportId = await fillSelfEvaluation(owner, projectId);
  await owner.getByLabel(REQUIRED[0]!.heading, { exact: true }).press("Control+s");
  await expect(owner.getByTestId("report-saved")).toContainText("已保存");
  await actTo(owner, "提交审核", "部门审核中");

  // ── The department reviewer finds it on the 工作台 and in the report inbox ──
  const dept = await newSignedInPage(browser, deptReviewerAccount.username, deptReviewerAccount.password);
  await expect(dept.getByTestId("dashboard-intro")).toContainText("部门审核人");
  const inbox = dept.getByTestId("dept-review-inbox");
  await expect(inbox).toContainText(title);
  await dept.screenshot({ path: "tests/e2e/.artifacts/dept-review-inbox.png", fullPage: true });
  await dept.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "报告" }).click();
  await expect(dept.getByTestId("notifications")).toContainText(`“${title}”已提交，等待部门审核`);
  const inboxRow = dept.getByTestId("report-row").filter({ hasText: title });
  await expect(inboxRow).toContainText("部门审核中");
  await inboxRow.getByRole("link", { name: title }).click();
  await expect(dept).toHaveURL(new RegExp(`/reports/${reportId}$`));
  // Read-only: no editing, no finance decisions.
  await expect(dept.getByLabel(REQUIRED[0]!.heading, { exact: true })).toHaveCount(0);
  await expect(dept.getByRole("button", { name: "审核通过", exact: true })).toHaveCount(0);

  // …comments on a section in place (at its own stage), then returns it with a comment
  const first = REQUIRED[0]!;
  const section = dept.locator(`[id="section-${first.key}"]`);
  await section.getByRole("button", { name: `添加意见：${first.heading}` }).click();
  await section.getByLabel(`对“${first.heading}”的意见`).fill("参训人数未写明。");
  await section.getByRole("button", { name: "提交意见" }).click();
  await expect(section.getByTestId("report-comment")).toContainText("参训人数未写明。");
  await actTo(dept, "退回修改", "已退回", "请补充培训班参训人数。");
  await expect(dept.getByTestId("general-comments")).toContainText("请补充培训班参训人数。");

  // ── The owner sees the comment and resubmits ──
  await reloadShows(owner, "已退回");
  await expect(owner.getByTestId("general-comments")).toContainText("请补充培训班参训人数。");
  await owner.getByLabel(REQUIRED[0]!.heading, { exact: true }).fill(`${REQUIRED[0]!.heading}：按计划完成，参训120人次。`);
  await owner.getByLabel(REQUIRED[0]!.heading, { exact: true }).press("Control+s");
  await expect(owner.getByTestId("report-saved")).toContainText("已保存");
  await actTo(owner, "提交审核", "部门审核中");

  // ── The department reviewer passes it on ──
  await reloadShows(dept, "部门审核中");
  await actTo(dept, "部门审核通过", "已提交");

  // ── The finance reviewer approves ──
  const reviewer = await newSignedInPage(browser, "reviewer", "Review@2020");
  await reviewer.goto(`/reports/${reportId}`);
  await expect(reviewer.getByTestId("report-status")).toHaveText("已提交");
  await actTo(reviewer, "审核通过", "已通过");

  const audit = await sql<{ action: string; fromStatus: string; toStatus: string }>(
    `SELECT "action", "fromStatus", "toStatus" FROM "AuditLog" WHERE "entityType" = 'Report' AND "entityId" = $1 AND "fromStatus" IS NOT NULL ORDER BY "id"`,
    [reportId],
  );
  expect(audit.map((a) => [a.action, a.fromStatus, a.toStatus])).toEqual([
    ["report.submit", "DRAFT", "DEPT_REVIEW"],
    ["report.dept_return", "DEPT_REVIEW", "RETURNED"],
    ["report.submit", "RETURNED", "DEPT_REVIEW"],
    ["report.dept_approve", "DEPT_REVIEW", "SUBMITTED"],
    ["report.approve", "SUBMITTED", "APPROVED"],
  ]);
});
