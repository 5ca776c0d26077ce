/**
 * Entering a year's final accounts through the editor, as a new department's owner
 * would: 开始编制, figures in 万元 with totals computed live, bad input refused in
 * Chinese, the "parts add up" check, saving with Ctrl+S; a reviewer may only read.
 */
import { mkdirSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { newDepartmentWithOwner, sql } from "./helpers/db";
import { newSignedInPage } from "./helpers/workflow";

// Below the years other specs open (2030, 2031): /projects/new defaults to the newest open year.
// (check-links.spec.ts shares 2029 on the same framework.)
const YEAR = 2029;

async function lineCount(departmentId: string) {
  const [row] = await sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM "ExpenditureLine" l JOIN "DepartmentYear" y ON y."id" = l."departmentYearId" WHERE y."departmentId" = $1 AND y."year" = $2`,
    [departmentId, YEAR],
  );
  return row!.n;
}

async function addLine(page: Page, row: number, code: string, budget: string, basic: string, project: string, reason = "") {
  await page.getByRole("button", { name: "添加科目" }).click();
  await page.getByLabel(`第${row}行功能分类科目`).selectOption(code);
  await page.getByLabel(`第${row}行预算数（万元）`).fill(budget);
  await page.getByLabel(`第${row}行基本支出（万元）`).fill(basic);
  await page.getByLabel(`第${row}行项目支出（万元）`).fill(project);
  if (reason) await page.getByLabel(`第${row}行差异原因`).fill(reason);
}

test("新部门填报年度决算：开始编制、自动计算、错误提示、勾稽检查、保存；审核人只读", async ({ browser }) => {
  test.setTimeout(180_000);
  const { departmentId, username, password } = await newDepartmentWithOwner({ year: YEAR, frameworkCode: "CY-2021-101" });
  const [{ code }] = (await sql<{ code: string }>(`SELECT "code" FROM "Department" WHERE "id" = $1`, [departmentId])) as [{ code: string }];
  const owner = await newSignedInPage(browser, username, password);

  await owner.getByRole("link", { name: "部门决算", exact: true }).click();
  await owner.getByTestId(`fa-start-${YEAR}`).click();
  await expect(owner).toHaveURL(new RegExp(`/final-accounts/${code}/${YEAR}$`));
  await expect(owner.getByRole("heading", { level: 1 })).toContainText(`${YEAR}年度部门决算`);
  await expect(owner.getByTestId("fa-check-blocking").first()).toHaveText("尚未填写按功能分类的支出决算");

  await owner.getByLabel("编制人数合计（人）").fill("10");
  await owner.getByLabel("编制人数行政（人）").fill("8");
  await owner.getByLabel("编制人数事业（人）").fill("2");
  await owner.getByLabel("年初结转和结余（万元）").fill("5");
  await owner.getByLabel("年末结转和结余（万元）").fill("7");
  await owner.getByLabel("一般公共预算财政拨款收入（万元）").fill("100");
  await addLine(owner, 1, "2011001", "80", "70", "0", "人员减少");
  await addLine(owner, 2, "2011002", "28", "0", "28");
  await owner.getByLabel("人员经费（万元）").fill("60");
  await owner.getByLabel("日常公用经费（万元）").fill("10");
  await owner.getByLabel("上年一般公共预算财政拨款支出（万元）").fill("120");

  // Totals, shares, completion and changes are computed as one types.
  await expect(owner.getByTestId("lines-total")).toHaveText("98.00");
  await expect(owner.getByTestId("line-total").nth(0)).toHaveText("70.00");
  await expect(owner.getByTestId("computed-income-expenditure")).toContainText("105.00");
  await expect(owner.getByTestId("computed-expenditure")).toContainText("98.00");
  await expect(owner.getByTestId("prior-change-generalBudget")).toHaveText("-22.00");
  await expect(owner.getByTestId("fa-check-clean")).toBeVisible();

  // A closing balance that does not add up is named, with the difference, and may be explained.
  await owner.getByLabel("年末结转和结余（万元）").fill("6.99");
  await expect(owner.getByTestId("fa-check-blocking")).toHaveText(
    "收支不平衡：年初结转和结余 + 本年收入 = 105.00万元，本年支出 + 年末结转和结余 = 104.99万元，相差0.01万元",
  );
  await expect(owner.getByLabel("核实说明：收支平衡")).toBeVisible();
  await owner.getByLabel("年末结转和结余（万元）").fill("7");

  // Bad input: a clear Chinese message next to the field, and nothing is stored.
  await owner.getByLabel("第2行项目支出（万元）").fill("二十八");
  await owner.keyboard.press("Control+s");
  await expect(owner.getByTestId("fa-error")).toContainText("填写的内容有误");
  await expect(owner.locator("#fa-lines-1-project-error")).toHaveText("请输入金额（万元），如 12.34；“-”表示0");
  expect(await lineCount(departmentId)).toBe(0);

  await owner.getByLabel("第2行项目支出（万元）").fill("28");
  await owner.keyboard.press("Control+s");
  await expect(owner.getByTestId("fa-saved")).toContainText("已保存");
  const stored = await sql<{ functionCode: string; budget: string; basic: string; project: string }>(
    `SELECT l."functionCode", l."budget"::text, l."basic"::text, l."project"::text FROM "ExpenditureLine" l JOIN "DepartmentYear" y ON y."id" = l."departmentYearId"
      WHERE y."departmentId" = $1 AND y."year" = $2 ORDER BY l."sortOrder"`,
    [departmentId, YEAR],
  );
  expect(stored).toEqual([
    { functionCode: "2011001", budget: "800000.00", basic: "700000.00", project: "0.00" },
    { functionCode: "2011002", budget: "280000.00", basic: "0.00", project: "280000.00" },
  ]);

  await owner.reload();
  await expect(owner.getByTestId("lines-total")).toHaveText("98.00");
  await expect(owner.getByLabel("编制人数合计（人）")).toHaveValue("10");
  mkdirSync("tests/e2e/.artifacts", { recursive: true });
  await owner.screenshot({ path: "tests/e2e/.artifacts/final-accounts-editor.png", fullPage: true });

  // The reviewer reads the same page, without inputs to change it.
  const reviewer = await newSignedInPage(browser, "reviewer", "Review@2020");
  await reviewer.goto(`/final-accounts/${code}/${YEAR}`);
  await expect(reviewer.getByTestId("fa-readonly")).toContainText("不能修改");
  await expect(reviewer.getByLabel("第1行基本支出（万元）")).toBeDisabled();
  await expect(reviewer.getByTestId("fa-save")).toHaveCount(0);

  // Another department's owner does not see it at all.
  const stranger = await newDepartmentWithOwner({ year: YEAR, frameworkCode: "CY-2021-101" });
  const other = await newSignedInPage(browser, stranger.username, stranger.password);
  const r = await other.goto(`/final-accounts/${code}/${YEAR}`);
  expect(r?.status()).toBe(404);
});
