import "server-only";
import { db } from "@/lib/db";
import { openYearsOf } from "@/lib/open-years";
import { computeSelfEvaluationScore } from "@/features/scoring/score";
import type { Actor } from "@/lib/actor";
import { editDenial, projectReadScope } from "./access";
import { displayedScore, toScoreInput } from "./score-input";

const projectDetail = {
  department: { select: { id: true, name: true, shortName: true } },
  funding: true,
  allocations: { orderBy: { sortOrder: "asc" } },
  indicators: { orderBy: { sortOrder: "asc" } },
  framework: {
    select: {
      id: true,
      name: true,
      budgetExecutionPoints: true,
      level1: {
        orderBy: { sortOrder: "asc" },
        select: {
          id: true,
          name: true,
          category: true,
          points: true,
          level2: { orderBy: { sortOrder: "asc" }, select: { id: true, name: true, library: { where: { retiredAt: null }, orderBy: { sortOrder: "asc" } } } },
        },
      },
    },
  },
  report: { select: { id: true, status: true } },
} as const;

/** Projects the actor may see, for one year or all, newest year first. */
export async function listProjects(actor: Actor, filter: { year?: number } = {}) {
  const projects = await db().project.findMany({
    where: { ...projectReadScope(actor), ...(filter.year ? { year: filter.year } : {}) },
    orderBy: [{ year: "desc" }, { department: { sortOrder: "asc" } }, { sortOrder: "asc" }, { createdAt: "asc" }],
    include: projectDetail,
  });
  return projects.map((p) => {
    const input = toScoreInput(p);
    const score = computeSelfEvaluationScore(input);
    return {
      id: p.id,
      year: p.year,
      name: p.name,
      category: p.category,
      department: p.department.shortName,
      annualBudget: input.budget.annual,
      executed: input.budget.executed,
      executionRate: score.budgetExecution.rate,
      ...displayedScore(score, { reportStatus: p.report?.status, weights: p.indicators.map((i) => i.weight) }),
      indicatorCount: p.indicators.length,
      status: p.report?.status ?? null,
      editable: editDenial(actor, { departmentId: p.departmentId, reportStatus: p.report?.status ?? null }) === null,
      updatedAt: p.updatedAt.toISOString(),
    };
  });
}

export type ProjectRow = Awaited<ReturnType<typeof listProjects>>[number];

/** The project's name for the page title (null when absent or out of scope). */
export async function projectName(actor: Actor, id: string): Promise<string | null> {
  const p = await db().project.findFirst({ where: { id, ...projectReadScope(actor) }, select: { name: true, year: true } });
  return p ? `${p.name}（${p.year}年度）` : null;
}

/** One project with everything its pages need, or null when absent or out of scope. */
export async function getProject(actor: Actor, id: string) {
  const project = await db().project.findFirst({ where: { id, ...projectReadScope(actor) }, include: projectDetail });
  if (!project) return null;
  return {
    project,
    denial: editDenial(actor, { departmentId: project.departmentId, reportStatus: project.report?.status ?? null }),
  };
}

export type ProjectDetail = NonNullable<Awaited<ReturnType<typeof getProject>>>["project"];

/** The fiscal years that exist, newest first (for filters over existing data). */
export async function listFiscalYears() {
  return db().fiscalYear.findMany({ orderBy: { year: "desc" }, select: { year: true, status: true, frameworkId: true } });
}

/** The open years a department may start work in, newest first (see lib/open-years.ts). */
export async function listOpenYears(departmentId: string) {
  return db().fiscalYear.findMany({ where: openYearsOf(departmentId), orderBy: { year: "desc" }, select: { year: true, frameworkId: true } });
}
