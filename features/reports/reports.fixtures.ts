/**
 * The database, users and helpers of the report workflow's integration tests (reports.int.test.ts,
 * reports-stages.int.test.ts): each test file that imports this gets its own database (the hooks
 * below register in that file).
 */
import { beforeAll } from "vitest";
import { saveIndicators } from "@/features/indicators/mutations";
import { emptyIndicatorRow } from "@/features/indicators/schema";
import type { Actor } from "@/lib/actor";
import { createProject } from "@/features/projects/mutations";
import { emptyProjectInput } from "@/features/projects/schema";
import { databaseForFile, actorOf } from "@/tests/integration/db";
import { createReportHandler, saveSectionsHandler, transitionHandler } from "./handlers";
import { SELF_EVALUATION_SECTIONS } from "./template";
import { type TransitionAction } from "./workflow";

export const t = databaseForFile({ demo: true });
export let owner: Actor, otherOwner: Actor, reviewer: Actor, reviewer2: Actor, admin: Actor, deptReviewer: Actor, otherDeptReviewer: Actor;
let counter = 0;

export const filledSections = (text = "已按要求填写。") =>
  SELF_EVALUATION_SECTIONS.filter((s) => !s.group).map((s) => ({ key: s.key, body: s.key === "2.2.2" ? "2021年预算18万元，年初全部到位。" : `${s.heading}：${text}` }));

/** A draft project of the owner's department (the demo one unless given) with a complete indicator table, and its report. */
export async function readyReport(by: Actor = owner): Promise<{ reportId: string; projectId: string }> {
  counter += 1;
  const input = {
    ...emptyProjectInput({ competentDepartment: "市委编办", implementingUnit: "市委编办" }),
    name: `测试项目${counter}`,
    funding: {
      FISCAL: { initialBudget: "18", annualBudget: "18", executed: "18" },
      CARRYOVER: { initialBudget: "", annualBudget: "", executed: "" },
      OTHER: { initialBudget: "", annualBudget: "", executed: "" },
    },
  };
  const created = await createProject(t.prisma, by, 2021, input as never);
  if (!created.ok) throw new Error(created.message);
  const fw = await t.prisma.project.findUniqueOrThrow({ where: { id: created.id }, include: { framework: { include: { level1: { include: { level2: true } } } } } });
  const g = (name: string) => fw.framework.level1.find((l) => l.name === name)!;
  const row = (group: string, weight: string, name: string) => ({
    ...emptyIndicatorRow(g(group).id, g(group).level2[0]!.id),
    name,
    targetValue: "100",
    unit: "%",
    actualValue: "100",
    weight,
  });
  const saved = await saveIndicators(t.prisma, by, created.id, 1, [
    row("产出指标", "50", "任务完成率"),
    row("效益指标", "30", "政策知晓率"),
    row("满意度指标", "10", "服务对象满意度"),
  ] as never);
  if (!saved.ok) throw new Error(saved.message);
  const report = await createReportHandler(t.prisma, by, created.id);
  if (!report.ok) throw new Error(report.message);
  const s = await saveSectionsHandler(t.prisma, by, report.id, 1, { sections: filledSections() });
  if (!s.ok) throw new Error(s.message);
  return { reportId: report.id, projectId: created.id };
}

export const version = async (reportId: string) => (await t.prisma.report.findUniqueOrThrow({ where: { id: reportId } })).version;
export const status = async (reportId: string) => (await t.prisma.report.findUniqueOrThrow({ where: { id: reportId } })).status;
export const act = async (actor: Actor | null, reportId: string, action: TransitionAction, comment = "") =>
  transitionHandler(t.prisma, actor, reportId, await version(reportId), { action, comment });

beforeAll(async () => {
  const u = (username: string) => actorOf(t.prisma, username);
  owner = await u("owner");
  reviewer = await u("reviewer");
  admin = await u("admin");
  const d2 = await t.prisma.department.create({ data: { code: "d2", name: "其他部门", shortName: "其他" } });
  const o2 = await t.prisma.user.create({ data: { username: "owner2", name: "乙填报", role: "OWNER", departmentId: d2.id, passwordHash: "x" } });
  otherOwner = { id: o2.id, name: o2.name, role: "OWNER", departmentId: d2.id };
  const r2 = await t.prisma.user.create({ data: { username: "reviewer2", name: "丙审核", role: "REVIEWER", passwordHash: "x" } });
  reviewer2 = { id: r2.id, name: r2.name, role: "REVIEWER", departmentId: null };
  deptReviewer = await u("deptreviewer");
  const dr2 = await t.prisma.user.create({ data: { username: "deptreviewer2", name: "丁部门审核", role: "DEPT_REVIEWER", departmentId: d2.id, passwordHash: "x" } });
  otherDeptReviewer = { id: dr2.id, name: dr2.name, role: "DEPT_REVIEWER", departmentId: d2.id };
});

/** Runs `fn` with the test year's 部门审核环节 on, and turns it off again. */
export async function withDepartmentReview<T>(fn: () => Promise<T>): Promise<T> {
  await t.prisma.fiscalYear.update({ where: { year: 2021 }, data: { departmentReview: true } });
  try {
    return await fn();
  } finally {
    await t.prisma.fiscalYear.update({ where: { year: 2021 }, data: { departmentReview: false } });
  }
}
