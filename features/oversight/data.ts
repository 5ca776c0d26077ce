import "server-only";
import { departmentRowScope, departmentScope } from "@/lib/actor";
import { db } from "@/lib/db";
import type { Db } from "@/lib/db-client";
import { computeSelfEvaluationScore } from "@/features/scoring/score";
import { displayedScore, toScoreInput } from "@/features/projects/score-input";
import type { Grade, IndicatorCategory, MonitoringLight } from "@/features/scoring/types";
import { Prisma } from "@/lib/generated/prisma/client";
import { Decimal, decimalText, fmt2, percent, sum } from "@/lib/money";
import { GRADES, projectLight, RATE_BUCKETS, REPORT_STATES, type OverviewRow, type ProjectFilter, type ProjectRow, type ReportState } from "./overview";
import { projectWarnings, type Warning } from "./warnings";

/**
 * Reads of the year overview. Callers have checked "oversight.read" and pass the reader's scope
 * (finance reviewers and admins: every department; a department reviewer: its department and
 * sub-units). Scores and grades must come from features/scoring, which runs in JavaScript: each
 * project's figures are computed here once and cached in "ProjectSummary" (refresh), valid while
 * the project's version and its report's status are those they were computed from. The overview
 * adds the cached figures up in one SQL statement (yearOverview); the project lists read them in
 * slices (yearProjectSlices). overview.ts holds the same arithmetic in JavaScript, as the tests' oracle.
 */

/** Which departments a reader sees: everything (finance bureau), or a department and its sub-units (lib/actor departmentScope). */
export type OverviewScope = ReturnType<typeof departmentScope>;

/** Years that have projects (in the reader's scope), newest first. */
export async function yearsWithData(prisma: Db = db(), scope: OverviewScope = {}): Promise<number[]> {
  const years = await prisma.project.groupBy({ by: ["year"], where: scope, orderBy: { year: "desc" } });
  return years.map((y) => y.year);
}

/** The years with data, and the one to show: the asked one when it has data, else the newest (undefined: none yet). */
export async function chooseYear(asked: number | undefined, prisma: Db = db(), scope: OverviewScope = {}): Promise<{ years: number[]; year: number | undefined }> {
  const years = await yearsWithData(prisma, scope);
  return { years, year: asked !== undefined && years.includes(asked) ? asked : years[0] };
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

/** Projects listed per query (the overview's lists and the 汇总表's stream). */
const PROJECT_SLICE = 2000;
/**
 * Projects read and scored per query: each brings all its funding and indicator rows (≈ 40,000
 * Prisma objects for 2,000 projects of 20 indicators, ≈ 150 MB while parsed), so this is smaller
 * (the server's heap is capped, scripts/lib/server-heap.ts).
 */
const SCORE_SLICE = 200;

/** A project's overview figures and the versions they were computed from (stored in ProjectSummary). */
type Scored = Omit<ProjectRow, "name" | "departmentId" | "department"> & { projectVersion: number; reportStatus: string; lights: MonitoringLight[] };

/** Scores projects from their funding and indicator rows (features/scoring), in slices. */
async function scoreProjects(prisma: Db, ids: string[]): Promise<Scored[]> {
  const out: Scored[] = [];
  // In slices: Prisma reads the related rows of all projects with one IN (…) list, and a province's
  // year (36,000 projects) exceeded PostgreSQL's 65,535 bind parameters (a 500, found by bench/scale.ts).
  for (let i = 0; i < ids.length; i += SCORE_SLICE) {
    for (const p of await readForScoring(prisma, ids.slice(i, i + SCORE_SLICE))) out.push(scoreProject(p));
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
             ${STALE} AS "stale",
             s."projectVersion", s."reportStatus", s."initialBudget"::text AS "initialBudget", s."annualBudget"::text AS "annualBudget",
             s."executed"::text AS "executed", s."executionRate"::text AS "executionRate", s."score"::text AS "score", s."grade", s."warnings"
        FROM unnest(${ids}::text[]) WITH ORDINALITY AS o("id", "n")
        JOIN "Project" p ON p."id" = o."id"
        JOIN "Department" d ON d."id" = p."departmentId"
        LEFT JOIN "Report" r ON r."projectId" = p."id"
        LEFT JOIN "ProjectSummary" s ON s."projectId" = p."id"
       ORDER BY o."n"`;
    const fresh = await refresh(prisma, listed.filter((p) => p.stale).map((p) => p.id));
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
  /** The cached figures are missing or older than the project or its report (STALE). */
  stale: boolean;
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

/**
 * The departments in a reader's scope that take part in a year: opened for it or holding a project
 * of it (null for readers who see every department — the statement then needs no list).
 */
async function scopedDepartmentIds(year: number, prisma: Db, scope: OverviewScope): Promise<string[] | null> {
  if (Object.keys(scope).length === 0) return null;
  const [opened, withProjects] = await Promise.all([
    prisma.departmentYear.findMany({ where: { AND: [{ year }, scope] }, select: { departmentId: true } }),
    prisma.project.groupBy({ by: ["departmentId"], where: { AND: [{ year }, scope] } }),
  ]);
  return [...new Set([...opened, ...withProjects].map((d) => d.departmentId))];
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
  await refreshInSlices(prisma, ids, progress);
  return ids.length;
}

/**
 * Scores and stores many projects one slice at a time, keeping nothing: memory stays that of one
 * slice (scoring a province's 36,000 projects at once held ≈ 150 MB and ran a server capped at
 * 192 MB out of heap, found by bench/scale.ts).
 */
async function refreshInSlices(prisma: Db, ids: string[], progress: (done: number, total: number) => void = () => {}) {
  for (let i = 0; i < ids.length; i += SCORE_SLICE) {
    await refresh(prisma, ids.slice(i, i + SCORE_SLICE));
    progress(Math.min(i + SCORE_SLICE, ids.length), ids.length);
  }
}

type Aggregate = { departmentId: string; department: string; finalAccounts: ReportState; overall: ReportState; stale: number; n: number; annual: string; executed: string; scoreSum: string; scored: number; warnings: number; states: number[]; grades: number[]; rates: number[] };

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
 * Read plan: one statement. Its first part groups the year's projects by department id only (a
 * hash aggregate over Project ⋈ ProjectSummary ⋈ Report; index on Project(year, departmentId)),
 * every sum and count taken FILTER (WHERE the page's filters), and counts the projects whose cached
 * figures are missing or older than the project or its report. Usually there are none; otherwise
 * those are scored, stored, and the statement runs again. Its second part lists the departments
 * opened for the year (and any other holding a project of it, last) in their order, with their
 * final accounts' and overall report's state, and joins the groups to them. A province's 36,000
 * projects come back as 3,500 department rows; names and states are joined after the grouping, so
 * that the grouping carries only ids (measured: 153 → 87 ms on the province, bench/scale.ts).
 */
export async function yearOverview(year: number, prisma: Db = db(), scope: OverviewScope = {}, filter: ProjectFilter = {}, month = 12) {
  const ids = await scopedDepartmentIds(year, prisma, scope);
  const inScope = (column: Prisma.Sql) => (ids ? Prisma.sql` AND ${column} = ANY(${ids}::text[])` : Prisma.empty);
  const where = Prisma.sql`p."year" = ${year}${inScope(Prisma.sql`p."departmentId"`)}`;
  const kept = filterCondition(filter, month);
  const counts = (conditions: Prisma.Sql[]) => Prisma.join(conditions.map((c) => Prisma.sql`count(*) FILTER (WHERE ${kept} AND ${c})::int`));
  const read = () => prisma.$queryRaw<Aggregate[]>`
    WITH "groups" AS (
      SELECT p."departmentId",
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
        LEFT JOIN "ProjectSummary" s ON s."projectId" = p."id"
        LEFT JOIN "Report" r ON r."projectId" = p."id"
       WHERE ${where}
       GROUP BY p."departmentId"
    ), "listed" AS (
      SELECT dy."departmentId", true AS "opened" FROM "DepartmentYear" dy WHERE dy."year" = ${year}${inScope(Prisma.sql`dy."departmentId"`)}
       UNION ALL
      SELECT g."departmentId", false FROM "groups" g
       WHERE NOT EXISTS (SELECT 1 FROM "DepartmentYear" dy WHERE dy."year" = ${year} AND dy."departmentId" = g."departmentId")
    )
    SELECT d."id" AS "departmentId", COALESCE(NULLIF(d."shortName", ''), d."name") AS "department",
           COALESCE(fa."status"::text, 'NONE') AS "finalAccounts", COALESCE(ov."status"::text, 'NONE') AS "overall",
           COALESCE(g."stale", 0) AS "stale", COALESCE(g."n", 0) AS "n", COALESCE(g."annual", '0') AS "annual",
           COALESCE(g."executed", '0') AS "executed", COALESCE(g."scoreSum", '0') AS "scoreSum", COALESCE(g."scored", 0) AS "scored",
           COALESCE(g."warnings", 0) AS "warnings", COALESCE(g."states", '{}') AS "states", COALESCE(g."grades", '{}') AS "grades",
           COALESCE(g."rates", '{}') AS "rates"
      FROM "listed" l
      JOIN "Department" d ON d."id" = l."departmentId"
      LEFT JOIN "groups" g ON g."departmentId" = l."departmentId"
      LEFT JOIN "Report" fa ON fa."departmentId" = l."departmentId" AND fa."year" = ${year} AND fa."kind" = 'FINAL_ACCOUNTS'
      LEFT JOIN "Report" ov ON ov."departmentId" = l."departmentId" AND ov."year" = ${year} AND ov."kind" = 'DEPARTMENT_OVERALL'
     ORDER BY l."opened" DESC, d."sortOrder", d."code", d."id"`;
  let aggregates = await read();
  if (aggregates.some((a) => a.stale > 0)) {
    await refreshInSlices(prisma, await staleIds(prisma, where));
    aggregates = await read();
  }
  const rows: OverviewRow[] = aggregates.map((a) => ({ departmentId: a.departmentId, department: a.department, ...figures(a), finalAccounts: a.finalAccounts, overall: a.overall }));
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
