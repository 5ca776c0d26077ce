/**
 * The sampling review (抽查复核) through the browser, on a synthetic year of its own (2043):
 * a finance reviewer draws a sample with a seed, re-scores a project (a changed row needs a
 * reason), sees the deviation and 自评质量, returns the result to the department and downloads
 * the results; the draw page confirms the draw is reproducible. Owners cannot reach the page.
 */
import AxeBuilder from "@axe-core/playwright";
import ExcelJS from "exceljs";
import { expect, type Page, test } from "@playwright/test";
import { signInAs } from "./helpers/accounts";
import { sql, syntheticYear } from "./helpers/db";

const YEAR = 2043;

/** WCAG 2.1 A/AA serious or critical violations on the page, as "rule: element" lines. */
async function axeProblems(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return r.violations.filter((v) => v.impact === "serious" || v.impact === "critical").flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`));
}

test.beforeAll(async () => {
  const [exists] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM "Project" WHERE "year" = $1`, [YEAR]);
  if (!exists!.n) await syntheticYear({ year: YEAR, seed: 4343, departments: 2, projects: 14, indicators: 84 });
});

test("a finance reviewer draws a sample, re-scores a project and returns the result", async ({ page }) => {
  await signInAs(page, "REVIEWER");
  await page.goto("/dashboard");
  await page.getByRole("navigation").getByRole("link", { name: "抽查复核" }).click();
  await page.getByLabel("年度").selectOption(String(YEAR));
  await page.getByRole("button", { name: "查看" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${YEAR}年度抽查复核`);
  expect(await axeProblems(page)).toEqual([]);

  const form = page.getByRole("form", { name: "抽取复核样本" });
  // Bad input: a Chinese message next to the field, nothing drawn.
  await form.getByLabel("抽取数量").fill("0");
  await form.getByRole("button", { name: "抽取" }).click();
  await expect(form.getByText("抽取数量至少为 1")).toBeVisible();
  await form.getByLabel("抽取数量").fill("3");
  await form.getByLabel("随机种子").fill("20431");
  await form.getByLabel("批次名称").fill("e2e 抽查");
  await form.getByRole("button", { name: "抽取" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("e2e 抽查");
  await expect(page.getByTestId("draw-reproducible")).toHaveText(/结果与本批一致/);
  await expect(page.getByText(/随机抽取 3 个，随机种子 20431/)).toBeVisible();
  const table = page.getByRole("table", { name: "e2e 抽查抽中的项目" });
  await expect(table.getByRole("row")).toHaveCount(4);
  const drawUrl = page.url();

  await table.getByRole("row").nth(1).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("复核打分：");
  const review = page.getByRole("form", { name: "复核打分" });
  const totals = page.getByTestId("review-totals");
  const selfTotal = Number(await totals.locator("dd").nth(0).textContent());
  // Lower the first indicator row (row 2 of the table; row 1 is 预算执行率) by 6 points, without a reason.
  const scoreInputs = review.getByRole("textbox", { name: /复核得分$/ });
  const first = scoreInputs.nth(1);
  const original = Number(await first.inputValue());
  expect(original).toBeGreaterThanOrEqual(6);
  await first.fill((original - 6).toFixed(2));
  // The totals follow the typing: 6 points less of 100.
  await expect(totals.locator("dd").nth(2)).toHaveText("-6.00");
  await expect(totals.locator("dd").nth(3)).toHaveText("一般");
  await review.getByRole("button", { name: "保存复核得分" }).click();
  await expect(review.getByText("复核得分与自评得分不同，请填写复核理由")).toBeVisible();
  await review.getByRole("textbox", { name: /复核理由$/ }).nth(1).fill("佐证材料不足，按部分完成计");
  await review.getByRole("button", { name: "保存复核得分" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已保存复核得分" })).toBeVisible();
  await expect(page.getByText("复核状态：已复核")).toBeVisible();
  expect(Number(await totals.locator("dd").nth(1).textContent())).toBeCloseTo(selfTotal - 6, 2);
  await page.screenshot({ path: "tests/e2e/.artifacts/sampling-review.png", fullPage: true });
  expect(await axeProblems(page)).toEqual([]);

  const feedback = page.getByRole("form", { name: "反馈部门" });
  await feedback.getByRole("button", { name: "反馈部门" }).click();
  await expect(feedback.getByText("请填写反馈给部门的复核意见")).toBeVisible();
  await feedback.getByLabel(/复核意见/).fill("请补充培训签到表等佐证材料。");
  await feedback.getByRole("button", { name: "反馈部门" }).click();
  await expect(page.getByText("复核状态：已反馈部门")).toBeVisible();
  // What was done stays said after the page refreshes with the new state.
  await expect(page.getByRole("status").filter({ hasText: "已反馈部门" })).toBeVisible();
  await expect(page.getByText("请补充培训签到表等佐证材料。")).toBeVisible();
  await expect(review.getByRole("button", { name: "保存复核得分" })).toHaveCount(0);
  // The project's page shows the review, its comment and the re-scored row with its reason.
  await page.getByRole("main").getByRole("link", { name: "项目", exact: true }).click();
  const card = page.getByRole("region", { name: "e2e 抽查" });
  await expect(card).toContainText("自评质量：一般");
  await expect(card).toContainText("复核意见：请补充培训签到表等佐证材料。");
  await expect(card.getByRole("table")).toContainText("佐证材料不足，按部分完成计");
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "tests/e2e/.artifacts/sampling-project.png" });

  await page.goto(drawUrl);
  const row = page.getByRole("table", { name: "e2e 抽查抽中的项目" }).getByRole("row").nth(1);
  await expect(row).toContainText("已反馈部门");
  await expect(row).toContainText("-6.00");
  await expect(row).toContainText("一般");
  await page.screenshot({ path: "tests/e2e/.artifacts/sampling-draw.png", fullPage: true });
  expect(await axeProblems(page)).toEqual([]);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "下载复核结果（Excel）" }).click()]);
  expect(download.suggestedFilename()).toBe("e2e 抽查复核结果.xlsx");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const sheet = wb.getWorksheet("抽查结果")!;
  expect(String(sheet.getCell("A2").value)).toContain("随机种子 20431");
  expect((sheet.getRow(5).values as unknown[]).slice(6, 10)).toEqual([-6, "一般", "已反馈部门", "请补充培训签到表等佐证材料。"]);
  expect(wb.getWorksheet("复核明细")!.getColumn(7).values).toContain("佐证材料不足，按部分完成计");

  // The trail: draw, score, return.
  const actions = await sql<{ action: string }>(`SELECT "action" FROM "AuditLog" WHERE "action" LIKE 'sample.%' AND "actorName" <> '' ORDER BY "id"`);
  expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(["sample.draw", "sample.score", "sample.return"]));
});

test("owners cannot open the sampling review", async ({ page }) => {
  await signInAs(page, "OWNER");
  const res = await page.goto("/sampling");
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("navigation").getByRole("link", { name: "抽查复核" })).toHaveCount(0);
});
