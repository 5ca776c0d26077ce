import "server-only";
import { departmentRowScope, departmentScope } from "@/lib/actor";
import { db } from "@/lib/db";
import type { Db } from "@/lib/db-client";
import { computeSelfEvaluationScore } from "@/features/scoring/score";
import { displayedScore, toScoreInput } from "@/features/projects/score-input";
import type { IndicatorCategory } from "@/features/scoring/types";
import { buildOverview, type DepartmentInfo, type ProjectRow, type ReportState } from "./overview";
import { projectWarnings, type Warning } from "./warnings";
import { decimalText, fmt2 } from "@/lib/money";

/**
 * Reads of the year overview. Callers have checked "oversight.read" and pass the reader's scope
 * (finance reviewers and admins: every department; a department reviewer: its department and
 * sub-units). A year is read in three queries (its
 * departments, its projects with what scoring needs, its department-level reports) whatever the
 * number of departments; scores and grades must come from features/scoring, which runs in
 * JavaScript, so the per-project figures are computed here and added up in overview.ts.
 */

/** Which departments a reader sees: everything (finance bureau), or a department and its sub-units (lib/actor departmentScope). */
export type OverviewScope = ReturnType<typeof departmentScope>;

/** Years that have projects (in the reader's scope), newest first. */
export async function yearsWithData(prisma: Db = db(), scope: OverviewScope = {}): Promise<number[]> {
  const years = await prisma.project.groupBy({ by: ["year"], where: scope, orderBy: { year: "desc" } });
  return years.map((y) => y.year);
}

const projectSelect = {
  id: true,
  name: true,
  version: true,
  departmentId: true,
  department: { select: { shortName: true, name: true } },
  funding: { select: { initialBudget: true, annualBudget: true, executed: true } },
  indicators: { orderBy: { sortOrder: "asc" } },
  framework: { select: { budgetExecutionPoints: true, level1: { orderBy: { sortOrder: "asc" }, select: { id: true, name: true, category: true, points: true } } } },
  report: { select: { status: true } },
} as const;

/** Projects scored per query (each brings its funding and indicator rows). */
const PROJECT_SLICE = 2000;

/** A project's overview figures and the versions they were computed from (stored in ProjectSummary). */
type Scored = Omit<ProjectRow, "name" | "departmentId" | "department"> & { projectVersion: number; reportStatus: string };

/** Scores projects from their funding and indicator rows (features/scoring), in slices. */
async function scoreProjects(prisma: Db, ids: string[]): Promise<Scored[]> {
  const out: Scored[] = [];
  // In slices: Prisma reads the related rows of all projects with one IN (…) list, and a province's
  // year (36,000 projects) exceeded PostgreSQL's 65,535 bind parameters (a 500, found by bench/scale.ts).
  for (let i = 0; i < ids.length; i += PROJECT_SLICE) {
    for (const p of await readForScoring(prisma, ids.slice(i, i + PROJECT_SLICE))) out.push(scoreProject(p));
  }
  return out;
}

function scoreProject(p: Awaited<ReturnType<typeof readForScoring>>[number]): Scored {
  const input = toScoreInput(p);
  const score = computeSelfEvaluationScore(input);
  const shown = displayedScore(score, { reportStatus: p.report?.status, weights: p.indicators.map((i) => i.weight) });
  const categories = new Map<string, IndicatorCategory>(p.framework.level1.map((g) => [g.id, g.category]));
  const results = new Map(score.indicators.map((r) => [r.id, r]));
  const warnings = projectWarnings({
    executionRate: score.budgetExecution.rate,
    indicators: p.indicators.map((i) => {
      const r = results.get(i.id);
      return {
        id: i.id,
        name: i.name,
        category: categories.get(i.level1Id) ?? null,
        nature: i.nature,
        targetValue: i.targetValue == null ? null : i.targetValue.toString(),
        actualValue: i.actualValue == null ? null : i.actualValue.toString(),
        targetText: i.targetText,
        actualText: i.actualText,
        applicable: i.applicable,
        score: r?.score ?? null,
        max: r?.max ?? "0.00",
        deviationReasonMissing: r?.deviationReasonMissing ?? false,
      };
    }),
  });
  return {
    id: p.id,
    projectVersion: p.version,
    reportStatus: p.report?.status ?? "NONE",
    initialBudget: input.budget.initial,
    annualBudget: input.budget.annual,
    executed: input.budget.executed,
    executionRate: score.budgetExecution.rate,
    score: shown.total,
    grade: (shown.grade as ProjectRow["grade"]) ?? null,
    reportState: (p.report?.status ?? "NONE") as ReportState,
    warnings,
  };
}
const readForScoring = (prisma: Db, ids: string[]) => prisma.project.findMany({ where: { id: { in: ids } }, select: projectSelect });

/** Stores computed figures (one statement per slice; a concurrent refresh of the same rows wins or loses whole rows). */
async function storeSummaries(prisma: Db, rows: Scored[]) {
  for (let i = 0; i < rows.length; i += PROJECT_SLICE) {
    const s = rows.slice(i, i + PROJECT_SLICE);
    const col = <T,>(f: (r: Scored) => T) => s.map(f);
    await prisma.$executeRaw`
      INSERT INTO "ProjectSummary" ("projectId", "projectVersion", "reportStatus", "initialBudget", "annualBudget", "executed", "executionRate", "score", "grade", "warnings", "computedAt")
      SELECT u.*, now() FROM unnest(${col((r) => r.id)}::text[], ${col((r) => r.projectVersion)}::int[], ${col((r) => r.reportStatus)}::text[],
        ${col((r) => r.initialBudget || "0")}::numeric[], ${col((r) => r.annualBudget || "0")}::numeric[], ${col((r) => r.executed || "0")}::numeric[],
        ${col((r) => r.executionRate)}::numeric[], ${col((r) => r.score)}::numeric[], ${col((r) => r.grade)}::text[], ${col((r) => JSON.stringify(r.warnings))}::jsonb[]) AS u
      ON CONFLICT ("projectId") DO UPDATE SET "projectVersion" = EXCLUDED."projectVersion", "reportStatus" = EXCLUDED."reportStatus",
        "initialBudget" = EXCLUDED."initialBudget", "annualBudget" = EXCLUDED."annualBudget", "executed" = EXCLUDED."executed",
        "executionRate" = EXCLUDED."executionRate", "score" = EXCLUDED."score", "grade" = EXCLUDED."grade", "warnings" = EXCLUDED."warnings", "computedAt" = now()`;
  }
}

/**
 * The project rows of one year (optionally one department), with scores and warnings.
 *
 * Read plan: one query lists the year's projects in order with their version, their report's
 * status and their cached figures (ProjectSummary, one flat row per project). Projects whose
 * cache is missing or older than the project or its report (a save bumps Project.version; a
 * review changes the report's status) are scored again here and stored, so a year is scored once
 * and then only what changed: a province's 36,000 projects cost one flat read instead of scoring
 * 720,000 indicator rows per request. Any instance may refresh; all read the same table.
 */
export async function yearProjects(year: number, departmentId?: string, prisma: Db = db(), scope: OverviewScope = {}): Promise<ProjectRow[]> {
  const where = { AND: [{ year }, departmentId ? { departmentId } : {}, scope] };
  const order = await prisma.project.findMany({ where, orderBy: [{ department: { sortOrder: "asc" } }, { sortOrder: "asc" }, { createdAt: "asc" }, { id: "asc" }], select: { id: true } });
  const ids = order.map((o) => o.id);
  // One statement whatever the size: the ids travel as one array parameter (a list of 36,000
  // bind parameters would approach PostgreSQL's limit of 65,535).
  const listed = await prisma.$queryRaw<Listed[]>`
    SELECT p."id", p."name", p."version", p."departmentId", COALESCE(NULLIF(d."shortName", ''), d."name") AS "department",
           COALESCE(r."status"::text, 'NONE') AS "status",
           s."projectVersion", s."reportStatus", s."initialBudget"::text AS "initialBudget", s."annualBudget"::text AS "annualBudget",
           s."executed"::text AS "executed", s."executionRate"::text AS "executionRate", s."score"::text AS "score", s."grade", s."warnings"
      FROM unnest(${ids}::text[]) WITH ORDINALITY AS o("id", "n")
      JOIN "Project" p ON p."id" = o."id"
      JOIN "Department" d ON d."id" = p."departmentId"
      LEFT JOIN "Report" r ON r."projectId" = p."id"
      LEFT JOIN "ProjectSummary" s ON s."projectId" = p."id"
     ORDER BY o."n"`;
  const stale = listed.filter((p) => p.projectVersion !== p.version || p.reportStatus !== p.status).map((p) => p.id);
  const fresh = new Map<string, Scored>();
  if (stale.length) {
    const scored = await scoreProjects(prisma, stale);
    await storeSummaries(prisma, scored);
    for (const r of scored) fresh.set(r.id, r);
  }
  return listed.map((p) => {
    const { projectVersion: _v, reportStatus: _s, ...row } = fresh.get(p.id) ?? fromSummary(p);
    return { ...row, name: p.name, departmentId: p.departmentId, department: p.department };
  });
}

/** A project as the overview lists it, with its cached figures (null columns when not cached yet). */
type Listed = {
  id: string;
  name: string;
  version: number;
  departmentId: string;
  department: string;
  status: string;
  projectVersion: number | null;
  reportStatus: string | null;
  initialBudget: string | null;
  annualBudget: string | null;
  executed: string | null;
  executionRate: string | null;
  score: string | null;
  grade: string | null;
  warnings: unknown;
};

function fromSummary(s: Listed): Scored {
  return {
    id: s.id,
    projectVersion: s.projectVersion!,
    reportStatus: s.reportStatus!,
    initialBudget: decimalText(s.initialBudget),
    annualBudget: decimalText(s.annualBudget),
    executed: decimalText(s.executed),
    executionRate: s.executionRate == null ? null : fmt2(s.executionRate),
    score: s.score == null ? null : fmt2(s.score),
    grade: (s.grade as ProjectRow["grade"]) ?? null,
    reportState: s.reportStatus as ReportState,
    warnings: s.warnings as Warning[],
  };
}

/** The departments of a year (those opened for it), with their final accounts' and overall report's state. */
async function yearDepartments(year: number, prisma: Db, scope: OverviewScope): Promise<DepartmentInfo[]> {
  const [departmentYears, reports] = await Promise.all([
    prisma.departmentYear.findMany({
      where: { AND: [{ year }, scope] },
      orderBy: [{ department: { sortOrder: "asc" } }, { department: { code: "asc" } }],
      select: { departmentId: true, department: { select: { shortName: true, name: true } } },
    }),
    prisma.report.findMany({ where: { AND: [{ year, kind: { in: ["FINAL_ACCOUNTS", "DEPARTMENT_OVERALL"] } }, scope] }, select: { departmentId: true, kind: true, status: true } }),
  ]);
  const state = (departmentId: string, kind: "FINAL_ACCOUNTS" | "DEPARTMENT_OVERALL"): ReportState =>
    reports.find((r) => r.departmentId === departmentId && r.kind === kind)?.status ?? "NONE";
  return departmentYears.map((d) => ({
    id: d.departmentId,
    name: d.department.shortName || d.department.name,
    finalAccounts: state(d.departmentId, "FINAL_ACCOUNTS"),
    overall: state(d.departmentId, "DEPARTMENT_OVERALL"),
  }));
}

/** The year overview: one row per department and the totals, counting the projects `keep` keeps (the page's filters). */
export async function yearOverview(year: number, prisma: Db = db(), scope: OverviewScope = {}, keep: (projects: ProjectRow[]) => ProjectRow[] = (p) => p) {
  const [departments, all] = await Promise.all([yearDepartments(year, prisma, scope), yearProjects(year, undefined, prisma, scope)]);
  const projects = keep(all);
  // A project of a department not opened for the year (should not happen) still gets its row.
  for (const p of projects) {
    if (!departments.some((d) => d.id === p.departmentId)) departments.push({ id: p.departmentId, name: p.department, finalAccounts: "NONE", overall: "NONE" });
  }
  return { ...buildOverview(departments, projects), projects };
}

/** A department's name, or null when it does not exist or is outside the reader's scope. */
export async function departmentName(id: string, prisma: Db = db(), scope: ReturnType<typeof departmentRowScope> = {}): Promise<string | null> {
  const d = await prisma.department.findFirst({ where: { AND: [{ id }, scope] }, select: { name: true, shortName: true } });
  return d ? d.shortName || d.name : null;
}
