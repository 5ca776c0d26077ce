/**
 * 项目支出绩效自评表 score (财预〔2020〕10号 as the 自评表 implements it).
 *
 *   total (100) = 预算执行率 (budgetExecutionPoints, 10 by default) + Σ 一级 groups
 *                 (产出 50, 效益 30, 满意度 10 by default; a 成本 group may exist, possibly with 0 points).
 *
 * Pure functions over plain data: usable on the server and in client components. All arithmetic is
 * exact (decimal.js); all outputs are two-decimal strings rounded half-up.
 *
 * Choices made where the rules are silent (see also the comments at each rule):
 * - Each indicator's 得分 is rounded to 2 places first, as printed in the 自评表; group scores, rawTotal
 *   and total are computed from those rounded scores, so the printed column always adds up.
 * - An item's maximum is its 分值 as given (not the group's points): scoring uses the weights as
 *   given even when they do not add up to the group's points (that is reported, not corrected).
 * - Not-applicable rows have `score: null` (printed "—"), not "0.00".
 * - Grades are taken on the rescaled total rounded to 2 places.
 */
import { Decimal, HUNDRED, ZERO, exactIfDiffers, fmt2, fmtShort, parseDecimal, round2, sum as sumDecimals } from "@/lib/money";
import { parseBudgetPoints, scoreBudgetExecution } from "./budget-execution";
import { scoreIndicator } from "./indicator-score";
import { describeBad, label } from "./issue-text";
import type { Grade, GroupInput, GroupResult, IndicatorResult, ScoreInput, ScoreIssue, ScoreResult, WeightIssue } from "./types";

const NINETY = new Decimal(90);
const EIGHTY = new Decimal(80);
const SIXTY = new Decimal(60);

/**
 * Grade of a (rescaled) total: 优 ≥ 90, 良 80–<90, 中 60–<80, 差 < 60.
 * The total is first rounded to 2 places half-up, so "89.995" is 优 and "89.994" is 良.
 * Throws a RangeError when `total` is not a decimal number.
 */
export function gradeOf(total: string): Grade {
  const parsed = parseDecimal(total);
  if (parsed.kind !== "ok") throw new RangeError(`gradeOf: not a decimal number: ${JSON.stringify(total)}`);
  const t = round2(parsed.value);
  if (t.greaterThanOrEqualTo(NINETY)) return "优";
  if (t.greaterThanOrEqualTo(EIGHTY)) return "良";
  if (t.greaterThanOrEqualTo(SIXTY)) return "中";
  return "差";
}

/** Computes the whole 自评表 score. Never throws on bad data: problems are reported in `issues`. */
export function computeSelfEvaluationScore(input: ScoreInput): ScoreResult {
  const issues: ScoreIssue[] = [];

  // ── groups (first occurrence of an id wins) ──
  const groups: GroupInput[] = [];
  const groupPoints = new Map<string, Decimal>();
  for (const g of input.groups) {
    if (groupPoints.has(g.id)) {
      issues.push({
        code: "DUPLICATE_GROUP",
        severity: "error",
        message: `一级指标“${g.name}”重复出现，已忽略重复项`,
        groupId: g.id,
      });
      continue;
    }
    const p = parseDecimal(g.points);
    let points = ZERO;
    if (p.kind === "ok" && !p.value.isNegative()) points = p.value;
    else
      issues.push({
        code: "INVALID_NUMBER",
        severity: "error",
        message: `一级指标“${g.name}”的分值${describeBad(p, g.points)}，按0计`,
        groupId: g.id,
      });
    groups.push(g);
    groupPoints.set(g.id, points);
  }

  // ── 预算执行率 ──
  const budgetPoints = parseBudgetPoints(input.budgetExecutionPoints, issues);
  const budgetExecution = scoreBudgetExecution(input, budgetPoints, issues);

  const frameworkTotal = sumDecimals([budgetPoints, ...groupPoints.values()]);
  if (!frameworkTotal.equals(HUNDRED)) {
    issues.push({
      code: "FRAMEWORK_POINTS_NOT_100",
      severity: "warning",
      message: `预算执行率与各一级指标的分值合计为${fmtShort(frameworkTotal)}，应为100`,
    });
  }

  // ── indicators ──
  const indicators: IndicatorResult[] = [];
  const missingDeviationReasons: string[] = [];
  const groupScore = new Map<string, Decimal>();
  const groupMax = new Map<string, Decimal>();
  const groupWeightSum = new Map<string, Decimal>();
  const groupHasApplicable = new Set<string>();
  for (const g of groups) {
    groupScore.set(g.id, ZERO);
    groupMax.set(g.id, ZERO);
    groupWeightSum.set(g.id, ZERO);
  }

  const exactScores: Decimal[] = [];
  for (const ind of input.indicators) {
    const scored = scoreIndicator(ind, issues);
    const counted = groupPoints.has(ind.groupId);
    if (!counted) {
      issues.push({
        code: "UNKNOWN_GROUP",
        severity: "error",
        message: `${label(ind)}所属的一级指标不存在，未计入得分`,
        indicatorId: ind.id,
      });
    } else {
      groupWeightSum.set(ind.groupId, groupWeightSum.get(ind.groupId)!.plus(scored.weight));
      if (ind.applicable) {
        groupHasApplicable.add(ind.groupId);
        groupScore.set(ind.groupId, groupScore.get(ind.groupId)!.plus(scored.score));
        exactScores.push(scored.exact);
        groupMax.set(ind.groupId, groupMax.get(ind.groupId)!.plus(scored.weight));
      }
    }

    // Any shortfall needs 偏差原因分析及改进措施 — applied mechanically, including rows scored 0
    // because their actual value is still missing (those also get a MISSING_* issue).
    const needsDeviationReason = ind.applicable && scored.score.lessThan(scored.weight);
    const deviationReasonMissing = needsDeviationReason && ind.deviationReason.trim() === "";
    if (deviationReasonMissing) {
      missingDeviationReasons.push(ind.id);
      issues.push({
        code: "DEVIATION_REASON_MISSING",
        severity: "error",
        message: `${label(ind)}未达到目标值，请填写偏差原因分析及改进措施`,
        indicatorId: ind.id,
      });
    }

    indicators.push({
      id: ind.id,
      groupId: ind.groupId,
      nature: ind.nature,
      applicable: ind.applicable,
      score: ind.applicable ? fmt2(scored.score) : null,
      ...(ind.applicable && !scored.exact.equals(scored.score) ? { scoreExact: exactIfDiffers(scored.exact, scored.score) } : {}),
      max: fmt2(scored.weight),
      needsDeviationReason,
      deviationReasonMissing,
      missingActual: scored.missingActual,
      missingTarget: scored.missingTarget,
      missingScore: scored.missingScore,
      missingWeight: scored.missingWeight,
      clamped: scored.clamped,
      counted,
    });
  }

  // ── groups: results and weight validation ──
  const weightIssues: WeightIssue[] = [];
  const groupResults: GroupResult[] = groups.map((g) => {
    const points = groupPoints.get(g.id)!;
    const weightSum = groupWeightSum.get(g.id)!;
    const weightsMatch = weightSum.equals(points);
    if (!weightsMatch) {
      weightIssues.push({ groupId: g.id, groupName: g.name, expected: fmt2(points), actual: fmt2(weightSum) });
      issues.push({
        code: "WEIGHT_SUM_MISMATCH",
        severity: "error",
        message: `“${g.name}”各指标分值之和为${fmtShort(weightSum)}，应为${fmtShort(points)}`,
        groupId: g.id,
      });
    }
    return {
      id: g.id,
      name: g.name,
      category: g.category,
      points: fmt2(points),
      score: fmt2(groupScore.get(g.id)!),
      max: fmt2(groupMax.get(g.id)!),
      weightSum: fmt2(weightSum),
      weightsMatch,
      applicable: groupHasApplicable.has(g.id),
    };
  });

  // ── totals: "not applicable items are dropped and the rest rescaled to 100" ──
  const budgetScore = budgetExecution.score === null ? ZERO : new Decimal(budgetExecution.score);
  const budgetMax = budgetExecution.applicable ? budgetPoints : ZERO;
  const rawTotal = budgetScore.plus(sumDecimals([...groupScore.values()]));
  const maxTotal = budgetMax.plus(sumDecimals([...groupMax.values()]));

  let total: string | null = null;
  let totalExact: string | undefined;
  let grade: Grade | null = null;
  if (maxTotal.greaterThan(ZERO)) {
    total = fmt2(rawTotal.times(HUNDRED).dividedBy(maxTotal));
    // The exact total: the same sum over the unrounded scores (9.997 shows as 10.00, so a
    // 100.00 total can hide a shortfall; a reviewer sees this on hover and in the export).
    const budgetExact = budgetExecution.scoreExact ?? budgetExecution.score ?? "0";
    const exactRaw = new Decimal(budgetExact).plus(sumDecimals(exactScores));
    totalExact = exactIfDiffers(exactRaw.times(HUNDRED).dividedBy(maxTotal), total);
    grade = gradeOf(total);
  } else {
    issues.push({
      code: "NOTHING_TO_SCORE",
      severity: "error",
      message: "没有适用的评分项（或分值均为0），无法计算总分",
    });
  }

  return {
    budgetExecution,
    indicators,
    groups: groupResults,
    weightIssues,
    missingDeviationReasons,
    rawTotal: fmt2(rawTotal),
    maxTotal: fmt2(maxTotal),
    total,
    ...(totalExact ? { totalExact } : {}),
    grade,
    issues,
  };
}
