import "server-only";
import { departmentRowScope, departmentScope } from "@/lib/actor";
import { db } from "@/lib/db";
import type { Db } from "@/lib/db-client";
import { computeSelfEvaluationScore } from "@/features/scoring/score";
import { displayedScore, toScoreInput } from "@/features/projects/score-input";
import type { Grade, IndicatorCategory, MonitoringLight } from "@/features/scoring/types";
import { Prisma } from "@/lib/generated/prisma/client";
import { Decimal, decimalText, fmt2, percent, sum } from "@/lib/money";
import { GRADES, projectLight, RATE_BUCKETS, REPORT_STATES, type DepartmentInfo, type OverviewRow, type ProjectFilter, type ProjectRow, type ReportState } from "./overview";
import { projectWarnings, type Warning } from "./warnings";

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
type Scored = Omit<ProjectRow, "name" | "departmentId" | "department"> & { projectVersion: number; reportStatus: string; lights: MonitoringLight[] };

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
  const figures = { annualBudget: input.budget.annual, executed: input.budget.executed };
  return {
    id: p.id,
    projectVersion: p.version,
    // The 双监控 light at each month (features/scoring/monitoring.ts), for the overview's light filter in SQL.
    lights: MONTHS.map((m) => projectLight(figures, m)),
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
const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const readForScoring = (prisma: Db, ids: string[]) => prisma.project.findMany({ where: { id: { in: ids } }, select: projectSelect });

/** Stores computed figures (one statement per slice; a concurrent refresh of the same rows wins or loses whole rows). */
async function storeSummaries(prisma: Db, rows: Scored[]) {
  for (let i = 0; i < rows.length; i += PROJECT_SLICE) {
    const s = rows.slice(i, i + PROJECT_SLICE);
    const col = <T,>(f: (r: Scored) => T) => s.map(f);
    await prisma.$executeRaw`
      INSERT INTO "ProjectSummary" ("projectId", "projectVersion", "reportStatus", "initialBudget", "annualBudget", "executed", "executionRate", "score", "grade", "warnings", "lights", "computedAt")
      SELECT u0."id", u0."v", u0."st", u0."ib", u0."ab", u0."ex", u0."er", u0."sc", u0."gr", u0."wa", string_to_array(u0."li", ','), now() FROM unnest(${col((r) => r.id)}::text[], ${col((r) => r.projectVersion)}::int[], ${col((r) => r.reportStatus)}::text[],
        ${col((r) => r.initialBudget || "0")}::numeric[], ${col((r) => r.annualBudget || "0")}::numeric[], ${col((r) => r.executed || "0")}::numeric[],
        ${col((r) => r.executionRate)}::numeric[], ${col((r) => r.score)}::numeric[], ${col((r) => r.grade)}::text[], ${col((r) => JSON.stringify(r.warnings))}::jsonb[], ${col((r) => r.lights.join(","))}::text[]) AS u0("id", "v", "st", "ib", "ab", "ex", "er", "sc", "gr", "wa", "li")
      ON CONFLICT ("projectId") DO UPDATE SET "projectVersion" = EXCLUDED."projectVersion", "reportStatus" = EXCLUDED."reportStatus",
        "initialBudget" = EXCLUDED."initialBudget", "annualBudget" = EXCLUDED."annualBudget", "executed" = EXCLUDED."executed",
        "executionRate" = EXCLUDED."executionRate", "score" = EXCLUDED."score", "grade" = EXCLUDED."grade", "warnings" = EXCLUDED."warnings", "lights" = EXCLUDED."lights", "computedAt" = now()`;
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
  const rows: ProjectRow[] = [];
  for await (const slice of yearProjectSlices(year, departmentId, prisma, scope)) rows.push(...slice);
  return rows;
}

/**
 * The same rows, a slice of PROJECT_SLICE at a time (the 汇总表 streams them to the download
 * without holding a province's 36,000 rows at once). The order is read first, in one query; each
 * slice is then one statement (the ids travel as one array parameter).
 */
export async function* yearProjectSlices(year: number, departmentId?: string, prisma: Db = db(), scope: OverviewScope = {}): AsyncGenerator<ProjectRow[]> {
  const where = { AND: [{ year }, departmentId ? { departmentId } : {}, scope] };
  const order = await prisma.project.findMany({ where, orderBy: [{ department: { sortOrder: "asc" } }, { sortOrder: "asc" }, { createdAt: "asc" }, { id: "asc" }], select: { id: true } });
  for (let i = 0; i < order.length; i += PROJECT_SLICE) {
    const ids = order.slice(i, i + PROJECT_SLICE).map((o) => o.id);
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
    const fresh = await refresh(prisma, listed.filter((p) => p.projectVersion !== p.version || p.reportStatus !== p.status).map((p) => p.id));
    yield listed.map((p) => {
      const { projectVersion: _v, reportStatus: _s, lights: _l, ...row } = fresh.get(p.id) ?? fromSummary(p);
      return { ...row, name: p.name, departmentId: p.departmentId, department: p.department };
    });
  }
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
    lights: [],
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
  const byKey = new Map(reports.map((r) => [`${r.kind}:${r.departmentId}`, r.status]));
  const state = (departmentId: string, kind: "FINAL_ACCOUNTS" | "DEPARTMENT_OVERALL"): ReportState => byKey.get(`${kind}:${departmentId}`) ?? "NONE";
  return departmentYears.map((d) => ({
    id: d.departmentId,
    name: d.department.shortName || d.department.name,
    finalAccounts: state(d.departmentId, "FINAL_ACCOUNTS"),
    overall: state(d.departmentId, "DEPARTMENT_OVERALL"),
  }));
}

/** Scores and stores the given projects' figures; the fresh figures by project id. */
async function refresh(prisma: Db, stale: string[]): Promise<Map<string, Scored>> {
  const fresh = new Map<string, Scored>();
  if (!stale.length) return fresh;
  // In id order, so that two instances refreshing the same rows at once lock them in the same order (no deadlock).
  const scored = await scoreProjects(prisma, [...stale].sort());
  await storeSummaries(prisma, scored);
  for (const r of scored) fresh.set(r.id, r);
  return fresh;
}

/** A project whose cached figures are missing or older than the project or its report (on "Project" p, "ProjectSummary" s, "Report" r). */
const STALE = Prisma.sql`(s."projectId" IS NULL OR s."projectVersion" <> p."version" OR s."reportStatus" <> COALESCE(r."status"::text, 'NONE'))`;

/** The ids of a year's projects (where `where` says) whose cached figures are stale, in id order. */
async function staleIds(prisma: Db, where: Prisma.Sql): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT p."id" FROM "Project" p LEFT JOIN "Report" r ON r."projectId" = p."id" LEFT JOIN "ProjectSummary" s ON s."projectId" = p."id"
     WHERE ${where} AND ${STALE} ORDER BY p."id"`;
  return rows.map((r) => r.id);
}

/**
 * Scores and caches every stale project of a year, slice by slice (`npm run demo:scale` calls it
 * after a bulk load, so that the first overview does not score 36,000 projects). Returns how many.
 */
export async function warmYear(year: number, prisma: Db = db(), progress: (done: number, total: number) => void = () => {}): Promise<number> {
  const ids = await staleIds(prisma, Prisma.sql`p."year" = ${year}`);
  for (let i = 0; i < ids.length; i += PROJECT_SLICE) {
    await refresh(prisma, ids.slice(i, i + PROJECT_SLICE));
    progress(Math.min(i + PROJECT_SLICE, ids.length), ids.length);
  }
  return ids.length;
}

type Aggregate = { departmentId: string; department: string; stale: number; n: number; annual: string; executed: string; scoreSum: string; scored: number; warnings: number; states: number[]; grades: number[]; rates: number[] };

/** The overview's project filters as one condition on "ProjectSummary" s (the 双监控 light at `month`). */
function filterCondition(f: ProjectFilter, month: number): Prisma.Sql {
  const c = [Prisma.sql`s."projectId" IS NOT NULL`];
  if (f.state !== undefined) c.push(Prisma.sql`s."reportStatus" = ${f.state}`);
  if (f.grade !== undefined) c.push(Prisma.sql`s."grade" = ${f.grade}`);
  if (f.light !== undefined) c.push(Prisma.sql`s."lights"[${month}::int] = ${f.light}`);
  if (f.minBudget !== undefined) c.push(Prisma.sql`s."annualBudget" >= ${f.minBudget}::numeric`);
  if (f.maxBudget !== undefined) c.push(Prisma.sql`s."annualBudget" <= ${f.maxBudget}::numeric`);
  return Prisma.join(c, " AND ");
}

/** The RATE_BUCKETS index of s."executionRate" as a CASE expression: the first bucket that matches, as bucketOfRate decides. */
function rateBucketExpression(): Prisma.Sql {
  const whens = RATE_BUCKETS.map((b, i) =>
    b.noRate
      ? Prisma.sql`WHEN s."executionRate" IS NULL THEN ${i}::int`
      : b.below
        ? Prisma.sql`WHEN s."executionRate" < ${b.below.toFixed()}::numeric THEN ${i}::int`
        : b.upTo
          ? Prisma.sql`WHEN s."executionRate" <= ${b.upTo.toFixed()}::numeric THEN ${i}::int`
          : Prisma.sql`WHEN TRUE THEN ${i}::int`,
  );
  // "No rate" first: a NULL rate compares to nothing.
  const order = [...whens.filter((_, i) => RATE_BUCKETS[i]!.noRate), ...whens.filter((_, i) => !RATE_BUCKETS[i]!.noRate)];
  return Prisma.sql`(CASE ${Prisma.join(order, " ")} END)`;
}

/** The figures of an overview row from summed columns (the same arithmetic as overview.ts buildOverview). */
function figures(a: Pick<Aggregate, "n" | "annual" | "executed" | "scoreSum" | "scored" | "warnings" | "states" | "grades" | "rates">): Omit<OverviewRow, "departmentId" | "department" | "finalAccounts" | "overall"> {
  return {
    projectCount: a.n,
    annualBudget: fmt2(a.annual),
    executed: fmt2(a.executed),
    executionRate: percent(a.executed, a.annual),
    reports: Object.fromEntries(REPORT_STATES.map((st, i) => [st, a.states[i] ?? 0])) as Record<ReportState, number>,
    grades: Object.fromEntries(GRADES.map((g, i) => [g, a.grades[i] ?? 0])) as Record<Grade, number>,
    averageScore: a.scored ? fmt2(new Decimal(a.scoreSum).dividedBy(a.scored)) : null,
    warningCount: a.warnings,
    rateBuckets: RATE_BUCKETS.map((_, i) => a.rates[i] ?? 0),
  };
}

/**
 * The year overview: one row per department and the totals, counting the projects the filter
 * keeps (the page's filters; the 双监控 light at `month`).
 *
 * Read plan: one statement groups the year's projects by department, joined to their cached
 * figures ("ProjectSummary", index on Project(year, departmentId)), every sum and count taken
 * FILTER (WHERE the page's filters) — and it counts the projects whose cache is missing or older
 * than the project or its report. Usually there are none; otherwise those are scored, stored, and
 * the statement runs again. A province's 36,000 projects come back as 3,500 department rows.
 */
export async function yearOverview(year: number, prisma: Db = db(), scope: OverviewScope = {}, filter: ProjectFilter = {}, month = 12) {
  const scoped = Object.keys(scope).length > 0;
  const [departments, inScope] = await Promise.all([
    yearDepartments(year, prisma, scope),
    scoped ? prisma.project.groupBy({ by: ["departmentId"], where: { AND: [{ year }, scope] } }) : Promise.resolve(null),
  ]);
  const ids = inScope ? inScope.map((d) => d.departmentId) : null;
  const where = Prisma.join([Prisma.sql`p."year" = ${year}`, ...(ids ? [Prisma.sql`p."departmentId" = ANY(${ids}::text[])`] : [])], " AND ");
  const kept = filterCondition(filter, month);
  const counts = (conditions: Prisma.Sql[]) => Prisma.join(conditions.map((c) => Prisma.sql`count(*) FILTER (WHERE ${kept} AND ${c})::int`));
  const read = () => prisma.$queryRaw<Aggregate[]>`
    SELECT p."departmentId", COALESCE(NULLIF(d."shortName", ''), d."name") AS "department",
           count(*) FILTER (WHERE ${STALE})::int AS "stale",
           count(*) FILTER (WHERE ${kept})::int AS "n",
           COALESCE(sum(s."annualBudget") FILTER (WHERE ${kept}), 0)::text AS "annual",
           COALESCE(sum(s."executed") FILTER (WHERE ${kept}), 0)::text AS "executed",
           COALESCE(sum(s."score") FILTER (WHERE ${kept}), 0)::text AS "scoreSum",
           count(s."score") FILTER (WHERE ${kept})::int AS "scored",
           COALESCE(sum(jsonb_array_length(s."warnings")) FILTER (WHERE ${kept}), 0)::int AS "warnings",
           ARRAY[${counts(REPORT_STATES.map((st) => Prisma.sql`s."reportStatus" = ${st}`))}] AS "states",
           ARRAY[${counts(GRADES.map((g) => Prisma.sql`s."grade" = ${g}`))}] AS "grades",
           ARRAY[${counts(RATE_BUCKETS.map((_, i) => Prisma.sql`${rateBucketExpression()} = ${i}::int`))}] AS "rates"
      FROM "Project" p
      JOIN "Department" d ON d."id" = p."departmentId"
      LEFT JOIN "ProjectSummary" s ON s."projectId" = p."id"
      LEFT JOIN "Report" r ON r."projectId" = p."id"
     WHERE ${where}
     GROUP BY p."departmentId", d."shortName", d."name"`;
  let aggregates = await read();
  if (aggregates.some((a) => a.stale > 0)) {
    await refresh(prisma, await staleIds(prisma, where));
    aggregates = await read();
  }
  const byDepartment = new Map(aggregates.map((a) => [a.departmentId, a]));
  const listed = new Set(departments.map((d) => d.id));
  // A project of a department not opened for the year (should not happen) still gets its row.
  for (const a of aggregates) if (!listed.has(a.departmentId)) departments.push({ id: a.departmentId, name: a.department, finalAccounts: "NONE", overall: "NONE" });
  const empty = { n: 0, annual: "0", executed: "0", scoreSum: "0", scored: 0, warnings: 0, states: [], grades: [], rates: [] };
  const rows: OverviewRow[] = departments.map((d) => ({ departmentId: d.id, department: d.name, ...figures(byDepartment.get(d.id) ?? empty), finalAccounts: d.finalAccounts, overall: d.overall }));
  const add = (pick: (a: Aggregate) => number[], n: number) => Array.from({ length: n }, (_, i) => aggregates.reduce((t, a) => t + (pick(a)[i] ?? 0), 0));
  const totals = {
    ...figures({
      n: aggregates.reduce((n, a) => n + a.n, 0),
      annual: sum(aggregates.map((a) => a.annual)).toFixed(),
      executed: sum(aggregates.map((a) => a.executed)).toFixed(),
      scoreSum: sum(aggregates.map((a) => a.scoreSum)).toFixed(),
      scored: aggregates.reduce((n, a) => n + a.scored, 0),
      warnings: aggregates.reduce((n, a) => n + a.warnings, 0),
      states: add((a) => a.states, REPORT_STATES.length),
      grades: add((a) => a.grades, GRADES.length),
      rates: add((a) => a.rates, RATE_BUCKETS.length),
    }),
    finalAccounts: null,
    overall: null,
  };
  return { rows, totals };
}

/** A department's name, or null when it does not exist or is outside the reader's scope. */
export async function departmentName(id: string, prisma: Db = db(), scope: ReturnType<typeof departmentRowScope> = {}): Promise<string | null> {
  const d = await prisma.department.findFirst({ where: { AND: [{ id }, scope] }, select: { name: true, shortName: true } });
  return d ? d.shortName || d.name : null;
}
