/**
 * The indicator editor on a phone (390 px) and at 200 % zoom: each row is a card with every
 * field visible and labelled, nothing scrolls sideways, and a row typed there is saved.
 */
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers/accounts";
import { newDepartmentWithOwner, sql } from "./helpers/db";
import { createProjectInForm } from "./helpers/projects";

const YEAR = 2040;

async function newProject(page: Page, name: string) {
  const id = await createProjectInForm(page, { year: YEAR, name, initialBudget: "20", annualBudget: "20", executed: "19" });
  await page.goto(`/projects/${id}/indicators`);
  return id;
}

async function fillRowAndSave(page: Page, projectId: string, shot: string) {
  const field = (label: string) => page.getByLabel(`第1行 ${label}`, { exact: true });
  await page.getByRole("button", { name: "添加指标" }).click();
  await field("一级指标").selectOption({ label: "产出指标" });
  await field("二级指标").selectOption({ label: "数量指标" });
  await field("三级指标").fill("培训人次");
  await field("指标性质").selectOption({ label: "≥" });
  await field("指标值").fill("120");
  await field("计量单位").fill("人次");
  await field("实际完成值").fill("126");
  await field("分值").fill("50");
  // Every field of the row is on screen (the card), not cut off to the right.
  const viewport = page.viewportSize()!;
  for (const label of ["一级指标", "三级指标", "实际完成值", "分值", "偏差原因分析及改进措施"]) {
    const box = (await field(label).boundingBox())!;
    expect(box.x, label).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, label).toBeLessThanOrEqual(viewport.width);
  }
  // Each field's column name is printed beside it.
  await expect(page.locator('[data-label="实际完成值"]').first()).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await page.screenshot({ path: `tests/e2e/.artifacts/${shot}.png`, fullPage: true });
  await page.keyboard.press("Control+s");
  await expect(page.getByText("已保存").first()).toBeVisible();
  const rows = await sql<{ name: string; target: string; actual: string; weight: string }>(
    `SELECT "name", "targetValue"::text AS target, "actualValue"::text AS actual, "weight"::text AS weight FROM "Indicator" WHERE "projectId" = $1`,
    [projectId],
  );
  expect(rows.map((r) => [r.name, Number(r.target), Number(r.actual), Number(r.weight)])).toEqual([["培训人次", 120, 126, 50]]);
}

test("手机（390 px）上逐行以卡片填写绩效指标并保存", async ({ browser }) => {
  const { username, password } = await newDepartmentWithOwner({ year: YEAR, frameworkCode: "CY-2021-101" });
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await signIn(page, username, password);
  const id = await newProject(page, "手机填报测试项目");
  await fillRowAndSave(page, id, "editor-phone");
  await context.close();
});

test("放大到 200 %（1280 px 宽的窗口）时同样以卡片填写", async ({ browser }) => {
  const { username, password } = await newDepartmentWithOwner({ year: YEAR, frameworkCode: "CY-2021-101" });
  // 200 % zoom of a 1280 × 720 window: a 640 × 360 CSS viewport at device scale 2.
  const context = await browser.newContext({ viewport: { width: 640, height: 360 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  await signIn(page, username, password);
  const id = await newProject(page, "放大填报测试项目");
  await fillRowAndSave(page, id, "editor-zoom-200");
  await context.close();
});
