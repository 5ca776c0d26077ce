import { expect, type Page } from "@playwright/test";
import { SELF_EVALUATION_SECTIONS } from "../../../features/reports/template";
import { type IndicatorFixture, insertIndicators } from "./db";

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

/** A training project's indicators, one per 一级指标 of 财预〔2021〕101号, each met (the report scores in full). */
export const TRAINING_INDICATORS: readonly IndicatorFixture[] = [
  { l1: "产出指标", l2: "数量指标", name: "举办培训班期数", target: 4, actual: 4, unit: "期", weight: 50 },
  { l1: "效益指标", l2: "社会效益指标", name: "政策知晓率", target: 90, actual: 95, unit: "%", weight: 30 },
  { l1: "满意度指标", l2: "服务对象满意度指标", name: "服务对象满意度", target: 90, actual: 96, unit: "%", weight: 10 },
];

/**
 * On a project's page: its indicators written (by SQL), its self-evaluation created in the page and
 * every required section filled in, not yet saved. Returns the report's id (the page is on the report).
 */
export async function fillSelfEvaluation(page: Page, projectId: string, indicators: readonly IndicatorFixture[] = TRAINING_INDICATORS): Promise<string> {
  await insertIndicators(projectId, indicators);
  await page.reload();
  const reportId = await createSelfEvaluationInPage(page);
  for (const s of SELF_EVALUATION_SECTIONS.filter((x) => x.required)) await page.getByLabel(s.heading, { exact: true }).fill(`${s.heading}：按计划完成。`);
  return reportId;
}
