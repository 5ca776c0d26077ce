import "server-only";
/**
 * Reads of the sampling review. Callers have checked "sample.read" (finance reviewers and admins,
 * who see every department). The candidates of a draw come from the year overview's project rows
 * (features/oversight/data yearProjects), so a draw filters on the very score, grade and warnings
 * the overview shows.
 */
import { db } from "@/lib/db";
import type { Db } from "@/lib/db-client";
import { decimalText, fmt2, toDecimal, type DecimalLike } from "@/lib/money";
import { computeSelfEvaluationScore } from "@/features/scoring/score";
import { toScoreInput } from "@/features/projects/score-input";
import { yearProjects } from "@/features/oversight/data";
import type { ProjectRow } from "@/features/oversight/overview";
import { deviation, qualityOf, type QualityGrade } from "./rules";
import type { DrawInput, ScoredRow } from "./schema";

/** A review's stored totals as shown: both to two decimals, their deviation and the 自评质量 (null until both exist). */
function reviewFigures(selfTotal: DecimalLike | null, reviewTotal: DecimalLike | null) {
  const self = selfTotal == null ? null : fmt2(selfTotal);
  const review = reviewTotal == null ? null : fmt2(reviewTotal);
  return { selfTotal: self, reviewTotal: review, deviation: deviation(self, review), quality: self != null && review != null ? qualityOf(self, review) : null };
}

/** The key of the 预算执行率 row among a review's rows (the others are indicator ids). */
export const BUDGET_ROW = "budget";

/** The printed names of a review's rows by key (an indicator deleted since: “（已删除的指标）”). */
export async function reviewRowNames(rowKeys: string[], prisma: Db = db()): Promise<(rowKey: string) => string> {
  const names = new Map((await prisma.indicator.findMany({ where: { id: { in: rowKeys } }, select: { id: true, name: true } })).map((i) => [i.id, i.name]));
  return (rowKey) => (rowKey === BUDGET_ROW ? "预算执行率" : (names.get(rowKey) ?? "（已删除的指标）"));
}

/** Self-evaluations that can be sampled: submitted to (or decided by) the finance bureau, with a self score. */
export const SAMPLED_STATES: readonly ProjectRow["reportState"][] = ["SUBMITTED", "APPROVED", "PUBLISHED"];

/** The criteria of a draw as stored with it (and shown on its page). */
export type DrawCriteria = Pick<DrawInput, "departmentId" | "minBudget" | "grades" | "warningsOnly">;

/** The candidates of a draw, in the overview's order (department, then project). */
export async function candidatePool(year: number, criteria: DrawCriteria, prisma: Db = db()): Promise<ProjectRow[]> {
  const rows = await yearProjects(year, criteria.departmentId || undefined, prisma);
  return rows.filter(
    (p) =>
      SAMPLED_STATES.includes(p.reportState) &&
      p.score != null &&
      (criteria.minBudget === "" || toDecimal(p.annualBudget || "0").greaterThanOrEqualTo(criteria.minBudget)) &&
      (criteria.grades.length === 0 || (p.grade != null && criteria.grades.includes(p.grade))) &&
      (!criteria.warningsOnly || p.warnings.length > 0),
  );
}

/** The criteria in words, for the pages and the export. */
export function criteriaText(c: DrawCriteria, departmentName: string | null): string {
  const parts = [
    departmentName ? `部门：${departmentName}` : "全部部门",
    c.minBudget ? `全年预算数 ≥ ${c.minBudget} 万元` : "",
    c.grades.length ? `自评等级：${c.grades.join("、")}` : "",
    c.warningsOnly ? "仅有预警的项目" : "",
  ];
  return parts.filter(Boolean).join("；");
}

export async function listDraws(year: number, prisma: Db = db()) {
  const draws = await prisma.sampleDraw.findMany({
    where: { year },
    orderBy: { createdAt: "desc" },
    select: { id: true, title: true, seed: true, size: true, poolIds: true, createdAt: true, criteria: true, createdBy: { select: { name: true } }, items: { select: { status: true } } },
  });
  return draws.map((d) => ({
    id: d.id,
    title: d.title,
    seed: d.seed,
    poolSize: d.poolIds.length,
    sampled: d.items.length,
    reviewed: d.items.filter((i) => i.status !== "PENDING").length,
    returned: d.items.filter((i) => i.status === "RETURNED").length,
    createdAt: d.createdAt,
    createdBy: d.createdBy.name,
  }));
}

export type DrawItemRow = {
  id: string;
  projectId: string;
  reportId: string | null;
  department: string;
  project: string;
  selfTotal: string | null;
  reviewTotal: string | null;
  deviation: string | null;
  quality: QualityGrade | null;
  status: "PENDING" | "REVIEWED" | "RETURNED";
  feedback: string;
};

/** A draw with its items in drawn order, or null. */
export async function drawDetail(drawId: string, prisma: Db = db()) {
  const d = await prisma.sampleDraw.findUnique({
    where: { id: drawId },
    include: {
      createdBy: { select: { name: true } },
      items: {
        orderBy: { sortOrder: "asc" },
        include: { project: { select: { name: true, department: { select: { name: true, shortName: true } }, report: { select: { id: true } } } } },
      },
    },
  });
  if (!d) return null;
  const criteria = d.criteria as DrawCriteria;
  const department = criteria.departmentId ? await prisma.department.findUnique({ where: { id: criteria.departmentId }, select: { name: true } }) : null;
  const items: DrawItemRow[] = d.items.map((i) => ({
    id: i.id,
    projectId: i.projectId,
    reportId: i.project.report?.id ?? null,
    department: i.project.department.shortName || i.project.department.name,
    project: i.project.name,
    ...reviewFigures(i.selfTotal, i.reviewTotal),
    status: i.status,
    feedback: i.feedback,
  }));
  return {
    id: d.id,
    year: d.year,
    title: d.title,
    seed: d.seed,
    size: d.size,
    poolIds: d.poolIds,
    createdAt: d.createdAt,
    createdBy: d.createdBy.name,
    criteria,
    criteriaText: criteriaText(criteria, department?.name ?? null),
    items,
  };
}

/** One row of the 自评表 under review, as the page shows it. */
export type ReviewTableRow = ScoredRow & {
  level1: string;
  level2: string;
  name: string;
  target: string;
  actual: string;
  deviationReason: string;
  reviewScore: string | null;
  reason: string;
};


/** The project's 自评表 as it is now, scored: the 预算执行率 row, then each indicator. */
export async function scoredRows(prisma: Db, projectId: string) {
  const p = await prisma.project.findUnique({
    where: { id: projectId },
    include: {
      funding: true,
      indicators: { orderBy: { sortOrder: "asc" }, include: { level2: { select: { name: true } } } },
      framework: { include: { level1: { orderBy: { sortOrder: "asc" } } } },
      department: { select: { name: true, shortName: true } },
      report: { select: { id: true, status: true, title: true } },
    },
  });
  if (!p) return null;
  const score = computeSelfEvaluationScore(toScoreInput(p));
  const results = new Map(score.indicators.map((r) => [r.id, r]));
  const level1 = new Map(p.framework.level1.map((g) => [g.id, g.name]));
  const be = score.budgetExecution;
  const rows: Omit<ReviewTableRow, "reviewScore" | "reason">[] = [
    {
      key: BUDGET_ROW,
      max: be.max,
      selfScore: be.applicable ? be.score : null,
      level1: "预算执行率",
      level2: "",
      name: "全年预算执行率",
      target: "100%",
      actual: be.rate == null ? "—" : `${be.rate}%`,
      deviationReason: "",
    },
    ...p.indicators.map((i) => {
      const r = results.get(i.id);
      return {
        key: i.id,
        max: r?.max ?? "0.00",
        selfScore: r?.applicable && r.counted ? r.score : null,
        level1: level1.get(i.level1Id) ?? "",
        level2: i.level2.name,
        name: i.name,
        target: i.targetText || (i.targetValue == null ? "" : `${decimalText(i.targetValue)}${i.unit ?? ""}`),
        actual: i.actualText || (i.actualValue == null ? "" : `${decimalText(i.actualValue)}${i.unit ?? ""}`),
        deviationReason: i.deviationReason,
      };
    }),
  ];
  return {
    project: { id: p.id, name: p.name, year: p.year, departmentId: p.departmentId, department: p.department.shortName || p.department.name },
    report: p.report,
    rows,
    selfTotal: score.total,
    grade: score.grade,
  };
}

/** A sampled item with its project's table and the review entered so far, or null. */
export async function itemDetail(drawId: string, itemId: string, prisma: Db = db()) {
  const item = await prisma.sampleItem.findFirst({
    where: { id: itemId, drawId },
    include: { scores: true, draw: { select: { id: true, title: true, year: true } } },
  });
  if (!item) return null;
  const table = await scoredRows(prisma, item.projectId);
  if (!table) return null;
  const saved = new Map(item.scores.map((s) => [s.rowKey, s]));
  const rows: ReviewTableRow[] = table.rows.map((r) => {
    const s = saved.get(r.key);
    return { ...r, reviewScore: s ? fmt2(s.reviewScore.toString()) : null, reason: s?.reason ?? "" };
  });
  return {
    id: item.id,
    version: item.version,
    status: item.status,
    feedback: item.feedback,
    draw: item.draw,
    project: table.project,
    report: table.report,
    rows,
    /** The self total now (it may have changed since the draw if the department corrected its table). */
    currentSelfTotal: table.selfTotal,
    ...reviewFigures(item.selfTotal, item.reviewTotal),
  };
}

/**
 * The sampling reviews of one project, for its page: those returned to the department (复核意见 and
 * every row whose 复核得分 differs from the self score, with its reason); finance reviewers and admins
 * (`withOpen`) also see reviews still in progress. The caller has checked that the reader may see
 * the project.
 */
export async function projectSamples(projectId: string, withOpen: boolean, prisma: Db = db()) {
  const items = await prisma.sampleItem.findMany({
    where: { projectId, ...(withOpen ? {} : { status: "RETURNED" as const }) },
    orderBy: { draw: { createdAt: "desc" } },
    include: { draw: { select: { id: true, title: true, createdAt: true } }, scores: true },
  });
  const rowName = await reviewRowNames(items.flatMap((i) => i.scores.map((s) => s.rowKey)), prisma);
  return items.map((i) => ({
    id: i.id,
    drawId: i.draw.id,
    title: i.draw.title,
    drawnAt: i.draw.createdAt,
    status: i.status,
    feedback: i.feedback,
    ...reviewFigures(i.selfTotal, i.reviewTotal),
    changed: i.scores
      .filter((s) => !s.reviewScore.equals(s.selfScore))
      .map((s) => ({ row: rowName(s.rowKey), self: fmt2(s.selfScore), review: fmt2(s.reviewScore), reason: s.reason })),
  }));
}
