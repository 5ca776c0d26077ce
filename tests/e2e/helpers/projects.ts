import { expect, type Page } from "@playwright/test";

/** What an owner types into 新建项目 (amounts in 万元, as typed); blank fields are left as the form sets them. */
export type NewProjectForm = {
  year: number;
  name: string;
  unit?: string;
  initialBudget?: string;
  annualBudget?: string;
  executed?: string;
  goal?: string;
  achieved?: string;
};

/** Fills 新建项目 as an owner does, creates it, and returns the new project's id (the page is on the project). */
export async function createProjectInForm(page: Page, p: NewProjectForm): Promise<string> {
  await page.goto(`/projects/new?year=${p.year}`);
  await page.getByLabel("项目名称").fill(p.name);
  const fields: [string, string | undefined][] = [
    ["实施单位", p.unit],
    ["本年财政拨款 年初预算数（万元）", p.initialBudget],
    ["本年财政拨款 全年预算数（万元）", p.annualBudget],
    ["本年财政拨款 全年执行数（万元）", p.executed],
    ["年度目标：预期目标", p.goal],
    ["年度目标：实际完成情况", p.achieved],
  ];
  for (const [label, value] of fields) if (value !== undefined) await page.getByLabel(label).fill(value);
  await page.getByRole("button", { name: "创建项目" }).click();
  await expect(page).toHaveURL(/\/projects\/[a-z0-9]+$/);
  return page.url().split("/").pop()!;
}

/** On a project's page: 创建自评报告, and the new report's id (the page is on the report). */
export async function createSelfEvaluationInPage(page: Page): Promise<string> {
  await page.getByRole("navigation", { name: "项目内容" }).getByRole("button", { name: "创建自评报告" }).click();
  await expect(page).toHaveURL(/\/reports\/[a-z0-9]+$/);
  return page.url().split("/").pop()!;
}
