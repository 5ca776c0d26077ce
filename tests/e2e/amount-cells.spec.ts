/**
 * Amount cells as offices type them (issue 13): every spelling typed into a 全年预算数 cell of
 * 新建项目 either is saved as the normalised amount or gets the message next to the cell, and
 * then nothing is created (before, a non-number made 创建项目 do nothing at all).
 */
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers/accounts";
import { newDepartmentWithOwner, sql } from "./helpers/db";

const AMOUNT_MESSAGE = "请输入金额（万元），如 12.34；“-”表示0";

/** What is typed → the amount stored in 元, or the message shown. */
const CASES: [string, { yuan: string } | { message: string }][] = [
  ["880", { yuan: "8800000" }],
  ["８８０", { yuan: "8800000" }],
  ["880万", { yuan: "8800000" }],
  ["880万元", { yuan: "8800000" }],
  ["1,234.5", { yuan: "12345000" }],
  ["12.34", { yuan: "123400" }],
  ["-", { yuan: "0" }],
  ["—", { yuan: "0" }],
  ["－", { yuan: "0" }],
  ["/", { yuan: "0" }],
  ["", { yuan: "0" }],
  ["abc", { message: AMOUNT_MESSAGE }],
  ["5O", { message: AMOUNT_MESSAGE }],
  ["880元", { message: "金额单位为万元，请换算后填写（如 8800元 填 0.88）" }],
  ["-1", { message: "金额不能为负数" }],
];

test("全年预算数 accepts what offices type, and refuses the rest with a message and nothing created", async ({ page }) => {
  test.setTimeout(420_000);
  const { username, password, departmentId } = await newDepartmentWithOwner({ year: 2030, frameworkCode: "GY-2020-LOCAL" });
  await signIn(page, username, password);
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));

  for (const [i, [typed, expected]] of CASES.entries()) {
    const name = `金额格式测试${i + 1}`;
    await page.goto("/projects/new?year=2030");
    await expect(page.getByRole("heading", { name: "新建项目（2030年度）" })).toBeVisible();
    await page.getByLabel("项目名称").fill(name);
    await page.getByLabel("实施单位").fill("测试单位");
    const cell = page.getByLabel("本年财政拨款 全年预算数（万元）");
    await cell.fill(typed);
    await page.getByRole("button", { name: "创建项目" }).click();

    if ("yuan" in expected) {
      await expect(page, `“${typed}” is saved`).toHaveURL(/\/projects\/[a-z0-9]+$/);
      const rows = await sql<{ annualBudget: string }>(
        `SELECT f."annualBudget"::text FROM "ProjectFunding" f JOIN "Project" p ON p."id" = f."projectId" WHERE p."departmentId" = $1 AND p."name" = $2 AND f."source" = 'FISCAL'`,
        [departmentId, name],
      );
      expect(rows.map((r) => String(Number(r.annualBudget))), `“${typed}” is stored in 元`).toEqual([expected.yuan]);
    } else {
      const message = page.locator("#funding\\.FISCAL\\.annualBudget-error");
      await expect(message, `“${typed}” is refused`).toHaveText(expected.message);
      await expect(cell).toHaveAttribute("aria-invalid", "true");
      await expect(cell).toHaveAttribute("aria-describedby", "funding.FISCAL.annualBudget-error");
      await expect(page.getByTestId("form-error")).toBeVisible();
      await expect(page).toHaveURL(/\/projects\/new/);
      const rows = await sql(`SELECT 1 FROM "Project" WHERE "departmentId" = $1 AND "name" = $2`, [departmentId, name]);
      expect(rows, `nothing created for “${typed}”`).toHaveLength(0);
    }
  }
  expect(errors).toEqual([]);
  await page.screenshot({ path: "tests/e2e/.artifacts/amount-cells.png", fullPage: true });
});
