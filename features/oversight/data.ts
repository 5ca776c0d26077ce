import "server-only";
import { departmentRowScope, departmentScope } from "@/lib/actor";
import { db } from "@/lib/db";
import type { Db } from "@/lib/db-client";
import type { Grade } from "@/features/scoring/types";
import { Prisma } from "@/lib/generated/prisma/client";
import { Decimal, decimalText, fmt2, percent, sum } from "@/lib/money";
import { GRADES, RATE_BUCKETS, REPORT_STATES, type OverviewRow, type ProjectFilter, type ProjectRow, type ReportState } from "./overview";
import type { Warning } from "./warnings";
import { refresh, refreshInSlices, type Scored, STALE, staleIds } from "./summaries";

export { warmYear } from "./summaries";

/**
 * Reads of the year overview. Callers have checked "oversight.read" and pass the reader's scope
 * (finance reviewers and admins: every department; a department reviewer: its department and
 * sub-units). Scores and grades must come from features/scoring, which runs in JavaScript: each
 * project's figures are computed once and cached in "ProjectSummary" (./summaries.ts), valid while
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

/** Projects listed per query (the overview's lists and the 汇总表's stream). */
const PROJECT_SLICE = 2000;
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
