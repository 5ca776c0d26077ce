/**
 * The year overview's department rows and totals, added up from the project rows of one year.
 * Pure (no database). The page's figures are added up by PostgreSQL (data.ts yearOverview, one
 * GROUP BY over the cached per-project figures); `buildOverview` and `filterProjects` are the
 * reference that SQL is tested against (oversight.int.test.ts compares them for every filter). Amounts are
 * 万元 decimal strings as features/projects/score-input.ts produces them; rates come from
 * lib/money.ts `percent`, scores and grades from features/scoring.
 */
import { Decimal, fmt2, parseDecimal, percent, sum } from "@/lib/money";
import { executionMonitoring } from "@/features/scoring/monitoring";
import type { Grade, MonitoringLight } from "@/features/scoring/types";
import type { ReportStatus } from "@/lib/generated/prisma/enums";
import { REPORT_STATUS_LABELS, REPORT_STATUSES } from "@/lib/labels";
import { EXECUTION_RED_BELOW, EXECUTION_YELLOW_BELOW, type Warning } from "./warnings";

/** "NONE" (no report yet) and every report status, in the workflow's order. */
export const REPORT_STATES = ["NONE", ...REPORT_STATUSES] as const;
export type ReportState = "NONE" | ReportStatus;
export const REPORT_STATE_LABELS: Record<ReportState, string> = { NONE: "未创建", ...REPORT_STATUS_LABELS };
export const GRADES: Grade[] = ["优", "良", "中", "差"];

export type ProjectRow = {
  id: string;
  name: string;
  departmentId: string;
  department: string;
  /** 万元 decimal strings. */
  initialBudget: string;
  annualBudget: string;
  executed: string;
  /** 预算执行率 in percent ("95.50"), null when the budget is 0. */
  executionRate: string | null;
  /** Displayed 自评得分 and 等级 (null while the table is incomplete). */
  score: string | null;
  grade: Grade | null;
  reportState: ReportState;
  warnings: Warning[];
};

export type DepartmentInfo = { id: string; name: string; finalAccounts: ReportState; overall: ReportState };

export type OverviewRow = {
  departmentId: string;
  department: string;
  projectCount: number;
  annualBudget: string;
  executed: string;
  executionRate: string | null;
  reports: Record<ReportState, number>;
  finalAccounts: ReportState | null;
  overall: ReportState | null;
  averageScore: string | null;
  grades: Record<Grade, number>;
  warningCount: number;
  /** Projects per 预算执行率 bucket (RATE_BUCKETS order), for the chart. */
  rateBuckets: number[];
};

function aggregate(rows: ProjectRow[]) {
  const annual = sum(rows.map((r) => r.annualBudget));
  const executed = sum(rows.map((r) => r.executed));
  const reports = Object.fromEntries(REPORT_STATES.map((s) => [s, 0])) as Record<ReportState, number>;
  const grades = Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<Grade, number>;
  const scores: string[] = [];
  let warningCount = 0;
  const rateBuckets = RATE_BUCKETS.map(() => 0);
  for (const r of rows) {
    rateBuckets[bucketOfRate(r.executionRate)]!++;
    reports[r.reportState]++;
    if (r.grade) grades[r.grade]++;
    if (r.score != null) scores.push(r.score);
    warningCount += r.warnings.length;
  }
  return {
    projectCount: rows.length,
    annualBudget: fmt2(annual),
    executed: fmt2(executed),
    executionRate: percent(executed, annual),
    reports,
    grades,
    averageScore: scores.length ? fmt2(sum(scores).dividedBy(new Decimal(scores.length))) : null,
    warningCount,
    rateBuckets,
  };
}

/** One row per department (in the given order), and the year's totals. */
export function buildOverview(departments: DepartmentInfo[], projects: ProjectRow[]) {
  const byDepartment = new Map<string, ProjectRow[]>();
  for (const p of projects) byDepartment.set(p.departmentId, [...(byDepartment.get(p.departmentId) ?? []), p]);
  const rows: OverviewRow[] = departments.map((d) => ({
    departmentId: d.id,
    department: d.name,
    ...aggregate(byDepartment.get(d.id) ?? []),
    finalAccounts: d.finalAccounts,
    overall: d.overall,
  }));
  const totals = { ...aggregate(projects), finalAccounts: null, overall: null };
  return { rows, totals };
}

/** The overview's sort keys and their labels (the key is what the address carries). */
export const OVERVIEW_SORTS = { department: "部门", projects: "项目数", budget: "全年预算数", rate: "执行率", score: "平均得分", warnings: "预警数" } as const;
export type OverviewSort = keyof typeof OVERVIEW_SORTS;

const num = (v: string | null) => (v == null ? Number.NEGATIVE_INFINITY : Number(v));

/**
 * Filters by department name, “has warnings” and (when projects are filtered) “has a matching
 * project”, then sorts (department order stays for ties).
 */
export function filterAndSort(rows: OverviewRow[], opts: { q?: string; warningsOnly?: boolean; withProjects?: boolean; sort?: OverviewSort; desc?: boolean }): OverviewRow[] {
  const q = opts.q?.trim() ?? "";
  const kept = rows.filter((r) => (q === "" || r.department.includes(q)) && (!opts.warningsOnly || r.warningCount > 0) && (!opts.withProjects || r.projectCount > 0));
  const key: Record<OverviewSort, (r: OverviewRow) => number> = {
    department: () => 0,
    projects: (r) => r.projectCount,
    budget: (r) => Number(r.annualBudget),
    rate: (r) => num(r.executionRate),
    score: (r) => num(r.averageScore),
    warnings: (r) => r.warningCount,
  };
  const k = key[opts.sort ?? "department"];
  const sign = opts.desc ? -1 : 1;
  return kept
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (k(a.r) === k(b.r) ? a.i - b.i : (k(a.r) < k(b.r) ? -1 : 1) * sign))
    .map((x) => x.r);
}

/** Which projects the overview counts (issue #11's filters): report state, grade, 双监控 light, 全年预算数 range (万元). */
export type ProjectFilter = { state?: ReportState; grade?: Grade; light?: MonitoringLight; minBudget?: string; maxBudget?: string };

export const isProjectFilterActive = (f: ProjectFilter) => Object.values(f).some((v) => v !== undefined);

/**
 * The 双监控 light of a project at a month of the year (12 for a year that is over): execution
 * progress against the time elapsed, as features/scoring/monitoring.ts computes it.
 */
export function projectLight(p: Pick<ProjectRow, "annualBudget" | "executed">, month: number): MonitoringLight {
  return executionMonitoring(p.annualBudget, p.executed, month).light;
}

export function filterProjects(projects: ProjectRow[], f: ProjectFilter, month: number): ProjectRow[] {
  if (!isProjectFilterActive(f)) return projects;
  const min = f.minBudget !== undefined ? new Decimal(f.minBudget) : null;
  const max = f.maxBudget !== undefined ? new Decimal(f.maxBudget) : null;
  return projects.filter(
    (p) =>
      (f.state === undefined || p.reportState === f.state) &&
      (f.grade === undefined || p.grade === f.grade) &&
      (f.light === undefined || projectLight(p, month) === f.light) &&
      (min === null || new Decimal(p.annualBudget).greaterThanOrEqualTo(min)) &&
      (max === null || new Decimal(p.annualBudget).lessThanOrEqualTo(max)),
  );
}

/**
 * The 预算执行率 buckets of the overview's chart, with the warning thresholds as edges: each is
 * "below" a bound (exclusive), "up to" one (inclusive), any other rate, or no rate at all. The one
 * definition the chart (bucketOfRate) and the SQL that counts them (data.ts) both read.
 */
export const RATE_BUCKETS: readonly { label: string; below?: Decimal; upTo?: Decimal; noRate?: true }[] = [
  { label: `<${EXECUTION_RED_BELOW}%`, below: EXECUTION_RED_BELOW },
  { label: `${EXECUTION_RED_BELOW}–${EXECUTION_YELLOW_BELOW}%`, below: EXECUTION_YELLOW_BELOW },
  { label: `${EXECUTION_YELLOW_BELOW}–100%`, upTo: new Decimal(100) },
  { label: ">100%" },
  { label: "无法计算", noRate: true },
];

/** The index in RATE_BUCKETS of a rate ("95.50"; null or unreadable = no rate). */
export function bucketOfRate(rate: string | null): number {
  const parsed = parseDecimal(rate);
  return RATE_BUCKETS.findIndex((b) =>
    parsed.kind !== "ok" ? b.noRate === true : !b.noRate && (b.below ? parsed.value.lessThan(b.below) : b.upTo ? parsed.value.lessThanOrEqualTo(b.upTo) : true),
  );
}
