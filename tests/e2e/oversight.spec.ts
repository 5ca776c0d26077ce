/**
 * The finance bureau's year overview (read-only use of the seed's 2020 data): a reviewer opens
 * /oversight, filters by department name, drills down to 市委编办 2020, downloads the 汇总表 and
 * reads it back with exceljs; an owner is refused the page and the download.
 */
import { mkdirSync } from "node:fs";
import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { signInAs } from "./helpers/accounts";

test("财政审核人查看年度总览、筛选、下钻并下载汇总表", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, "REVIEWER");
  await page.goto("/dashboard");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "年度总览" }).click();
  await page.goto("/oversight?year=2020");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("2020年度总览");
  const table = page.getByRole("table", { name: "2020年度各部门总览" });
  await expect(table.getByRole("link", { name: "市委编办" })).toBeVisible();
  await expect(page.getByRole("table", { name: "自评报告进度" })).toBeAttached();
  mkdirSync("tests/e2e/.artifacts", { recursive: true });
  await page.screenshot({ path: "tests/e2e/.artifacts/oversight-overview.png", fullPage: true });

  // A name that matches no department leaves only the totals row.
  await page.getByLabel("部门名称").fill("不存在的部门");
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/q=/);
  await expect(table.getByRole("link", { name: "市委编办" })).toHaveCount(0);
  await page.getByLabel("部门名称").fill("编办");
  await page.getByRole("button", { name: "查询" }).click();
  const row = table.getByRole("row").filter({ has: page.getByRole("link", { name: "市委编办" }) });
  await expect(row).toContainText("68.85");
  await expect(row).toContainText("100.00%");

  await row.getByRole("link", { name: "市委编办" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("市委编办 · 2020年度项目");
  const projects = page.getByRole("table", { name: "市委编办2020年度项目" });
  await expect(projects.getByRole("link")).toHaveCount(5);
  await expect(projects.getByRole("row").filter({ hasText: "全市机构编制统计工作" })).toContainText("14.65");
  await page.screenshot({ path: "tests/e2e/.artifacts/oversight-department.png", fullPage: true });
  await projects.getByRole("link", { name: "全市机构编制统计工作" }).click();
  await expect(page).toHaveURL(/\/projects\/[a-z0-9]+$/);

  await page.goto("/oversight?year=2020");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("oversight-summary-download").click()]);
  expect(download.suggestedFilename()).toBe("2020年度项目绩效汇总表.xlsx");
  const file = await download.path();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0]!;
  expect(ws.getRow(1).getCell(1).value).toBe("部门");
  expect(ws.getRow(1).getCell(10).value).toBe("预警");
  const stats = Array.from({ length: ws.rowCount - 1 }, (_, i) => ws.getRow(i + 2)).find((r) => r.getCell(2).value === "全市机构编制统计工作");
  expect(stats?.getCell(1).value).toBe("市委编办");
  expect(stats?.getCell(4).value).toBe(14.65);
});

test("项目填报人无权查看年度总览", async ({ page }) => {
  await signInAs(page, "OWNER");
  await page.goto("/dashboard");
  await expect(page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "年度总览" })).toHaveCount(0);
  const res = await page.goto("/oversight");
  expect(res?.status()).toBe(403);
  const api = await page.request.get("/api/oversight/2020/summary");
  expect(api.status()).toBe(403);
  const bad = await page.request.get("/api/oversight/20x0/overview");
  expect(bad.status()).toBe(403);
});

test("未登录访问导出接口得到 401", async ({ request }) => {
  expect((await request.get("/api/oversight/2020/summary")).status()).toBe(401);
});

test("年度总览按项目条件筛选（报告状态、等级、双监控、预算区间），条件保存在地址中", async ({ page }) => {
  await signInAs(page, "REVIEWER");
  await page.goto("/oversight?year=2020");
  const filters = page.getByRole("form", { name: "筛选和排序" });
  await filters.getByLabel("等级").selectOption("差");
  await filters.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/grade=%E5%B7%AE/);
  // No 2020 project of the seed is graded 差: nothing is counted and no department is listed.
  await expect(page.getByText("2020年度概况（符合条件的0个项目）")).toBeVisible();
  await expect(page.getByText("各部门（0 /")).toBeVisible();
  // A budget range that holds the seed's 18万 projects counts them.
  await page.goto("/oversight?year=2020&min=18&max=18");
  await expect(page.getByText(/2020年度概况（符合条件的[1-9]\d*个项目）/)).toBeVisible();
  await expect(page.getByRole("table", { name: "2020年度各部门总览" })).toContainText("市委编办");
  // An unknown value is ignored, never a 500.
  const res = await page.goto("/oversight?year=2020&light=blue&min=abc");
  expect(res?.status()).toBe(200);
  await expect(page.getByText("2020年度概况（全部")).toBeVisible();
});

test("“只看有预警的部门”在页面上生效：有预警的部门留下，没有的隐去", async ({ page }) => {
  await signInAs(page, "REVIEWER");
  await page.goto("/oversight?year=2020");
  const table = page.getByRole("table", { name: "2020年度各部门总览" });
  const row = table.getByRole("row").filter({ has: page.getByRole("link", { name: "市委编办" }) });
  // The last column is the department's warning count.
  const warnings = Number((await row.getByRole("cell").last().textContent())?.trim() || "0");
  await page.goto("/oversight?year=2020&warnings=1");
  await expect(table.getByRole("link", { name: "市委编办" })).toHaveCount(warnings > 0 ? 1 : 0);
  const titles = await page.getByText(/^各部门（\d+ \/ \d+）$/).textContent();
  const [shown, all] = titles!.match(/\d+/g)!.map(Number);
  expect(shown).toBeLessThanOrEqual(all!);
});
