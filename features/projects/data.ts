import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ReportStatus } from "@/lib/generated/prisma/enums";
import { listSpec, pageInfo, pageWindow, type ListQueryOf } from "@/lib/list-query";
import { REPORT_STATUSES } from "@/lib/labels";
import { openYearsOf } from "@/lib/open-years";
import { computeSelfEvaluationScore } from "@/features/scoring/score";
import type { Actor } from "@/lib/actor";
import { projectPolicy } from "./access";
import { displayedScore, toScoreInput } from "./score-input";
import { frameworkLevels } from "@/lib/framework-select";

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
      level1: frameworkLevels({ where: { retiredAt: null }, orderBy: { sortOrder: "asc" } }),
    },
  },
  report: { select: { id: true, status: true } },
} as const;

/** The projects list's query: search (name, category, department), year and report-status filters, sort, page. */
export const PROJECT_LIST = listSpec({
  sorts: ["default", "year", "name", "department", "updated"],
  defaultSort: "default",
  defaultDir: "asc",
  filters: { status: ["NONE", ...REPORT_STATUSES] },
  pageSize: 50,
});
export type ProjectListQuery = ListQueryOf<typeof PROJECT_LIST>;

function projectOrder(q: ProjectListQuery): Prisma.ProjectOrderByWithRelationInput[] {
  const d = q.dir;
  const by: Record<ProjectListQuery["sort"], Prisma.ProjectOrderByWithRelationInput[]> = {
    // Newest year first, then as each department orders its projects.
    default: [{ year: "desc" }, { department: { sortOrder: "asc" } }, { sortOrder: "asc" }, { createdAt: "asc" }],
    year: [{ year: d }, { department: { sortOrder: "asc" } }, { sortOrder: "asc" }],
    name: [{ name: d }],
    department: [{ department: { shortName: d } }, { year: "desc" }, { sortOrder: "asc" }],
    updated: [{ updatedAt: d }],
  };
  return [...by[q.sort], { id: "asc" }];
}

/**
 * One page of the projects the actor may see, searched, filtered and sorted in the database
 * (scope in the where clause; index Project(year, departmentId)); the figures of the page's
 * projects (execution rate, score, grade) are then computed as every project page computes them.
 */
export async function listProjects(actor: Actor, q: ProjectListQuery, filter: { year?: number } = {}) {
  const text = q.q ? { contains: q.q, mode: "insensitive" as const } : undefined;
  const status = q.filters.status;
  const where: Prisma.ProjectWhereInput = {
    AND: [
      projectPolicy.readWhere(actor),
      filter.year ? { year: filter.year } : {},
      text ? { OR: [{ name: text }, { category: text }, { department: { OR: [{ shortName: text }, { name: text }] } }] } : {},
      status === "NONE" ? { report: null } : status ? { report: { status: status as ReportStatus } } : {},
    ],
  };
  const [total, projects] = await db().$transaction([
    db().project.count({ where }),
    db().project.findMany({ where, orderBy: projectOrder(q), ...pageWindow(q, PROJECT_LIST.pageSize), include: projectDetail }),
  ]);
  const rows = projects.map((p) => {
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
      editable: projectPolicy.denial(actor, "edit", { departmentId: p.departmentId, reportStatus: p.report?.status ?? null }) === null,
      updatedAt: p.updatedAt.toISOString(),
    };
  });
  return { rows, info: pageInfo(total, q, PROJECT_LIST.pageSize), anyProject: total > 0 || (await db().project.findFirst({ where: projectPolicy.readWhere(actor), select: { id: true } })) !== null };
}

/** The projects an owner can copy into an open year (names only). */
export async function listCopySources(actor: Actor) {
  const rows = await db().project.findMany({ where: projectPolicy.readWhere(actor), orderBy: [{ year: "desc" }, { sortOrder: "asc" }], select: { id: true, name: true, year: true } });
  return rows.map((p) => ({ id: p.id, label: `${p.year}年 · ${p.name}`, year: p.year }));
}

export type ProjectRow = Awaited<ReturnType<typeof listProjects>>["rows"][number];

/** The project's name for the page title (null when absent or out of scope). */
export async function projectName(actor: Actor, id: string): Promise<string | null> {
  const p = await db().project.findFirst({ where: { id, ...projectPolicy.readWhere(actor) }, select: { name: true, year: true } });
  return p ? `${p.name}（${p.year}年度）` : null;
}

/** One project with everything its pages need, or null when absent or out of scope. */
export async function getProject(actor: Actor, id: string) {
  const project = await db().project.findFirst({ where: { id, ...projectPolicy.readWhere(actor) }, include: projectDetail });
  if (!project) return null;
  return {
    project,
    denial: projectPolicy.denial(actor, "edit", { departmentId: project.departmentId, reportStatus: project.report?.status ?? null }),
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
