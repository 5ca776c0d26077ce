import { expect, test } from "@playwright/test";
import { guangyuan2020 } from "../../prisma/seed/guangyuan-2020";
import { signIn } from "./helpers/accounts";
import { newDepartmentWithOwner, sql } from "./helpers/db";

const wanToYuan = (wan: string) => String(Math.round(Number(wan) * 10000));

test("新填报人从零录入项目3（全市教职工编制调整工作）及其指标表，存入的数据与种子文件一致", async ({ page }) => {
  test.setTimeout(180_000);
  const seed = guangyuan2020.projects[2]!;
  const { username, password, departmentId } = await newDepartmentWithOwner({ year: 2030, frameworkCode: "GY-2020-LOCAL" });

  await signIn(page, username, password);
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "项目" }).click();
  await expect(page.getByTestId("projects-empty")).toContainText("新建项目");
  await page.getByRole("link", { name: "新建项目" }).click();
  await expect(page).toHaveURL(/\/projects\/new/);
  // The form defaults to the newest open year, and other specs open later years (2031, 2036) in the
  // same database in any order: choose this owner's year explicitly.
  await page.goto("/projects/new?year=2030");
  await expect(page.getByRole("heading", { name: "新建项目（2030年度）" })).toBeVisible();

  await page.getByLabel("项目名称").fill(seed.name);
  await page.getByLabel("实施单位").fill(seed.budgetUnit);
  const e = seed.execution;
  for (const [source, budget, executed] of [
    ["本年财政拨款", e.fiscalBudget, e.fiscalExecuted],
    ["其他资金", e.otherBudget, e.otherExecuted],
  ] as const) {
    await page.getByLabel(`${source} 年初预算数（万元）`).fill(budget);
    await page.getByLabel(`${source} 全年预算数（万元）`).fill(budget);
    await page.getByLabel(`${source} 全年执行数（万元）`).fill(executed);
  }
  await expect(page.getByTestId("funding-total-annualBudget")).toHaveText("9.20");
  for (const [i, a] of seed.fundAllocation.items.entries()) {
    await page.getByRole("button", { name: "添加分配项" }).click();
    await page.getByLabel(`第${i + 1}项 支出内容`).fill(a.item);
    await page.getByLabel(`第${i + 1}项 金额（万元）`).fill(a.amount);
  }
  await expect(page.getByTestId("allocation-total")).toHaveText("9.20");
  await page.getByLabel("年度目标：预期目标").fill(seed.annualGoal.expected);
  await page.getByLabel("年度目标：实际完成情况").fill(seed.annualGoal.actual);
  await page.getByRole("button", { name: "创建项目" }).click();
  await expect(page).toHaveURL(/\/projects\/[a-z0-9]+$/);
  await expect(page.getByTestId("project-title")).toHaveText(seed.name);

  await page.getByRole("link", { name: "绩效指标" }).click();
  await expect(page).toHaveURL(/\/indicators$/);
  for (const [i, row] of seed.indicators.entries()) {
    const n = i + 1;
    await page.getByRole("button", { name: "添加指标" }).click();
    await page.getByLabel(`第${n}行 一级指标`).selectOption({ label: row.level1 });
    await page.getByLabel(`第${n}行 二级指标`).selectOption({ label: row.level2 });
    await page.getByLabel(`第${n}行 三级指标`).fill(row.level3);
    await page.getByLabel(`第${n}行 指标性质`).selectOption({ label: "定性" });
    await page.getByLabel(`第${n}行 指标值（定性）`).fill(row.expectedValue);
    await page.getByLabel(`第${n}行 实际完成情况（定性）`).fill(row.actualValue);
  }
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByTestId("save-status")).toContainText("已保存");

  const [stored] = await sql<{ id: string; name: string; implementingUnit: string; goalExpected: string; goalActual: string }>(
    `SELECT "id", "name", "implementingUnit", "goalExpected", "goalActual" FROM "Project" WHERE "departmentId" = $1 AND "year" = 2030`,
    [departmentId],
  );
  expect(stored).toMatchObject({ name: seed.name, implementingUnit: seed.budgetUnit, goalExpected: seed.annualGoal.expected, goalActual: seed.annualGoal.actual });
  const funding = await sql<{ source: string; initialBudget: string; annualBudget: string; executed: string }>(
    `SELECT "source", "initialBudget"::text, "annualBudget"::text, "executed"::text FROM "ProjectFunding" WHERE "projectId" = $1 AND "source" = 'FISCAL'`,
    [stored!.id],
  );
  expect(funding.map((f) => [f.initialBudget, f.annualBudget, f.executed].map((v) => String(Number(v))))).toEqual([[e.fiscalBudget, e.fiscalBudget, e.fiscalExecuted].map(wanToYuan)]);
  const allocations = await sql<{ item: string; amount: string }>(`SELECT "item", "amount"::text FROM "FundAllocation" WHERE "projectId" = $1 ORDER BY "sortOrder"`, [stored!.id]);
  expect(allocations.map((a) => [a.item, String(Number(a.amount))])).toEqual(seed.fundAllocation.items.map((a) => [a.item, wanToYuan(a.amount)]));
  const indicators = await sql<{ l1: string; l2: string; name: string; nature: string; targetText: string; actualText: string }>(
    `SELECT l1."name" AS l1, l2."name" AS l2, i."name", i."nature"::text, i."targetText", i."actualText"
       FROM "Indicator" i JOIN "FrameworkLevel1" l1 ON l1."id" = i."level1Id" JOIN "FrameworkLevel2" l2 ON l2."id" = i."level2Id"
      WHERE i."projectId" = $1 ORDER BY i."sortOrder"`,
    [stored!.id],
  );
  expect(indicators.map((i) => [i.l1, i.l2, i.name, i.nature, i.targetText, i.actualText])).toEqual(
    seed.indicators.map((r) => [r.level1, r.level2, r.level3, "QUALITATIVE", r.expectedValue, r.actualValue]),
  );
  await page.screenshot({ path: "tests/e2e/.artifacts/indicator-editor.png", fullPage: true });
});

test("两人同时修改同一项目：后保存的人看到冲突提示和重新加载按钮，先保存的内容不被覆盖", async ({ browser }) => {
  const { username, password } = await newDepartmentWithOwner({ year: 2030, frameworkCode: "GY-2020-LOCAL" });
  const first = await browser.newPage();
  await signIn(first, username, password);
  await first.goto("/projects/new?year=2030");
  await first.getByLabel("项目名称").fill("冲突测试项目");
  await first.getByRole("button", { name: "创建项目" }).click();
  await expect(first).toHaveURL(/\/projects\/[a-z0-9]+$/);
  const url = first.url();

  const second = await browser.newPage();
  await signIn(second, username, password);
  await second.goto(url);
  await first.getByLabel("年度目标：实际完成情况").fill("甲先保存的内容");
  await first.getByRole("button", { name: "保存" }).click();
  await expect(first.getByTestId("form-saved")).toBeVisible();

  await second.getByLabel("年度目标：实际完成情况").fill("乙后保存的内容");
  await second.getByRole("button", { name: "保存" }).click();
  await expect(second.getByTestId("form-conflict")).toContainText("该项目已被其他人修改");
  await expect(second.getByRole("button", { name: "重新加载" })).toBeVisible();
  // What the second person typed is still in the form, for them to copy.
  await expect(second.getByLabel("年度目标：实际完成情况")).toHaveValue("乙后保存的内容");

  const [stored] = await sql<{ goalActual: string }>(`SELECT "goalActual" FROM "Project" WHERE "name" = '冲突测试项目'`);
  expect(stored?.goalActual).toBe("甲先保存的内容");
});
