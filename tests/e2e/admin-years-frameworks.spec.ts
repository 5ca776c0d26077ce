/**
 * Administration of fiscal years and frameworks (issue #10) through the pages: open a
 * year for some departments on a chosen framework, close it, reopen it with a reason;
 * copy a framework into a local variant and edit it with the points check.
 */
import { expect, test } from "@playwright/test";
import { signInAs } from "./helpers/accounts";
import { sql } from "./helpers/db";

test("财政年度：开放（部分部门、选定指标体系）、关闭、填写原因后重新开放，均记入日志", async ({ page }) => {
  await signInAs(page, "ADMIN");
  await page.goto("/admin");
  await page.getByRole("link", { name: "财政年度" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "财政年度" })).toBeVisible();
  const form = page.getByRole("form", { name: "开放新的财政年度" });
  await form.getByLabel("年度", { exact: true }).fill("2036");
  await form.getByLabel("指标体系", { exact: true }).selectOption({ label: "财预〔2021〕101号 项目支出绩效指标体系" });
  await form.getByLabel("财预〔2020〕10号 项目支出绩效自评表指标体系").check();
  await form.getByLabel("全部部门").uncheck();
  await form.getByRole("button", { name: "开放年度" }).click();
  await expect(form.getByText("请至少选择一个部门，或选择“全部部门”")).toBeVisible();
  await form.getByLabel("中共广元市委机构编制委员会办公室").check();
  await form.getByRole("button", { name: "开放年度" }).click();
  await expect(form.getByText("已开放2036年度")).toBeVisible();
  const row = page.getByTestId("year-2036");
  await expect(row).toContainText("填报中");
  await expect(row).toContainText("可选：财预〔2020〕10号 项目支出绩效自评表指标体系");
  await expect(row).toContainText("市委编办");

  await row.getByRole("button", { name: "关闭2036年度" }).click();
  await row.getByRole("button", { name: "确认关闭" }).click();
  await expect(row).toContainText("已关闭");
  await row.getByRole("button", { name: "重新开放2036年度" }).click();
  await row.getByRole("button", { name: "确认重新开放" }).click();
  await expect(row.getByRole("alert")).toContainText("请填写重新开放的原因");
  await row.getByLabel("重新开放的原因（记入操作日志）").fill("补录漏报项目");
  await row.getByRole("button", { name: "确认重新开放" }).click();
  await expect(row.getByRole("status")).toContainText("已重新开放2036年度");
  const log = await sql<{ action: string; comment: string }>(`SELECT "action", "comment" FROM "AuditLog" WHERE "entityType" = 'FiscalYear' AND "entityId" = '2036' ORDER BY "id"`);
  expect(log.map((l) => l.action)).toEqual(["year.open", "year.close", "year.reopen"]);
  expect(log[2]?.comment).toBe("重新开放2036年度，原因：补录漏报项目");
  await page.screenshot({ path: "tests/e2e/.artifacts/admin-years.png", fullPage: true });
});

test("指标体系：复制为本地版本，分值合计不为100时说明原因，改正后保存", async ({ page }) => {
  const tag = Date.now().toString(36).slice(-5).toUpperCase();
  await signInAs(page, "ADMIN");
  await page.goto("/admin/frameworks");
  const item = page.getByTestId("framework-CY-2020-10");
  await item.getByRole("button", { name: "复制为本地版本" }).click();
  await item.getByLabel("编码").fill(`E2E-${tag}`);
  await item.getByLabel("名称").fill(`本地指标体系${tag}`);
  await item.getByRole("button", { name: "确认复制" }).click();
  await expect(page.getByRole("heading", { name: `本地指标体系${tag}` })).toBeVisible();
  await page.getByLabel("第1个一级指标 分值").fill("45");
  await expect(page.getByTestId("points-total")).toHaveText("合计（含预算执行率）：95 分，应为100分");
  await page.getByRole("button", { name: "保存指标体系" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "应为100分" })).toContainText("合计为95分，应为100分");
  await page.getByLabel("第1个一级指标 分值").fill("50");
  await page.getByLabel("第2个一级指标 名称").fill("效益指标（本地）");
  await page.getByRole("button", { name: "保存指标体系" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();
  const [l1] = await sql<{ names: string }>(
    `SELECT string_agg(l."name", ',' ORDER BY l."sortOrder") AS names FROM "FrameworkLevel1" l JOIN "IndicatorFramework" f ON f."id" = l."frameworkId" WHERE f."code" = $1`,
    [`E2E-${tag}`],
  );
  expect(l1?.names).toBe("产出指标,效益指标（本地）,满意度指标");
  await page.screenshot({ path: "tests/e2e/.artifacts/admin-framework.png", fullPage: true });
});
