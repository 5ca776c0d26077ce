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
import {
  Decimal,
  HUNDRED,
  ONE,
  ZERO,
  clamp,
  fmt2,
  fmtShort,
  parseDecimal,
  round2,
  sum as sumDecimals,
  exactIfDiffers,
  type Parsed,
} from "@/lib/money";
import type {
  BudgetExecutionResult,
  Grade,
  GroupInput,
  GroupResult,
  IndicatorInput,
  IndicatorResult,
  ScoreInput,
  ScoreIssue,
  ScoreResult,
  WeightIssue,
} from "./types";

const DEFAULT_BUDGET_EXECUTION_POINTS = new Decimal(10);
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

// ───────────────────────────── 预算执行率 ─────────────────────────────

/** Blank → the national default 10; invalid or negative → 0 with an issue. */
function parseBudgetPoints(raw: string, issues: ScoreIssue[]): Decimal {
  const p = parseDecimal(raw);
  if (p.kind === "missing") return DEFAULT_BUDGET_EXECUTION_POINTS;
  if (p.kind === "ok" && !p.value.isNegative()) return p.value;
  issues.push({
    code: "INVALID_NUMBER",
    severity: "error",
    message: `预算执行率的分值${describeBad(p, raw)}，按0计`,
  });
  return ZERO;
}

function scoreBudgetExecution(input: ScoreInput, points: Decimal, issues: ScoreIssue[]): BudgetExecutionResult {
  const denominator = input.denominator ?? "annual";
  const denomName = denominator === "annual" ? "全年预算数" : "年初预算数";
  const denomRaw = denominator === "annual" ? input.budget.annual : input.budget.initial;
  const max = fmt2(points);

  const budget = parseDecimal(denomRaw);
  const executed = parseDecimal(input.budget.executed);
  const bad: string[] = [];
  if (budget.kind !== "ok" || budget.value.isNegative()) bad.push(`${denomName}${describeBad(budget, denomRaw)}`);
  if (executed.kind !== "ok" || executed.value.isNegative())
    bad.push(`全年执行数${describeBad(executed, input.budget.executed)}`);
  if (budget.kind !== "ok" || executed.kind !== "ok" || bad.length > 0) {
    issues.push({
      code: "INVALID_NUMBER",
      severity: "error",
      message: `${bad.join("；")}，预算执行率无法计算，得0分`,
    });
    return {
      denominator,
      rate: null,
      score: fmt2(ZERO),
      max,
      applicable: true,
      shortfall: points.greaterThan(ZERO),
      warning: "预算执行率无法计算",
    };
  }

  const b = budget.value;
  const e = executed.value;
  if (b.isZero()) {
    if (e.isZero()) {
      // Nothing budgeted and nothing spent: the item does not apply; the rest is rescaled to 100.
      issues.push({
        code: "BUDGET_NOT_APPLICABLE",
        severity: "info",
        message: `${denomName}与全年执行数均为0，预算执行率不适用，其余得分按100分折算`,
      });
      return { denominator, rate: null, score: null, max, applicable: false, shortfall: false };
    }
    const warning = `${denomName}为0而全年执行数为${fmtShort(e)}，预算执行率无法计算，得0分`;
    issues.push({ code: "BUDGET_ZERO_WITH_EXECUTION", severity: "warning", message: warning });
    return {
      denominator,
      rate: null,
      score: fmt2(ZERO),
      max,
      applicable: true,
      shortfall: points.greaterThan(ZERO),
      warning,
    };
  }

  const rate = e.dividedBy(b);
  let warning: string | undefined;
  if (rate.greaterThan(ONE)) {
    warning = `全年执行数超过${denomName}，执行率为${fmt2(rate.times(HUNDRED))}%，按100%计分`;
    issues.push({ code: "BUDGET_OVER_EXECUTED", severity: "warning", message: warning });
  }
  // Score = min(rate, 100 %) × points; multiply before dividing to keep the quotient exact as long as possible.
  const exact = rate.greaterThan(ONE) ? points : e.times(points).dividedBy(b);
  const score = round2(exact);
  const scoreExact = exactIfDiffers(exact, score);
  return {
    denominator,
    rate: fmt2(rate.times(HUNDRED)),
    score: fmt2(score),
    ...(scoreExact ? { scoreExact } : {}),
    max,
    applicable: true,
    shortfall: score.lessThan(points),
    ...(warning ? { warning } : {}),
  };
}

// ───────────────────────────── indicators ─────────────────────────────

interface ScoredIndicator {
  /** 分值 (0 when missing or invalid). */
  weight: Decimal;
  /** 得分 rounded to 2 places (computed even when not applicable; callers ignore it then). */
  score: Decimal;
  /** 得分 before rounding. */
  exact: Decimal;
  missingActual: boolean;
  missingTarget: boolean;
  missingScore: boolean;
  missingWeight: boolean;
  clamped: boolean;
}

function scoreIndicator(ind: IndicatorInput, issues: ScoreIssue[]): ScoredIndicator {
  const result: ScoredIndicator = {
    weight: ZERO,
    score: ZERO,
    exact: ZERO,
    missingActual: false,
    missingTarget: false,
    missingScore: false,
    missingWeight: false,
    clamped: false,
  };
  // Only applicable rows are checked for missing data: a 不适用 row needs neither values nor a score.
  const report = (issue: ScoreIssue) => {
    if (ind.applicable) issues.push(issue);
  };

  const w = parseDecimal(ind.weight);
  if (w.kind === "ok" && !w.value.isNegative()) {
    result.weight = w.value;
  } else {
    // The weight still counts (as 0) in the group's weight sum, whether the row applies or not.
    result.missingWeight = ind.applicable;
    report({
      code: w.kind === "missing" ? "MISSING_WEIGHT" : "INVALID_NUMBER",
      severity: "error",
      message:
        w.kind === "missing" ? `${label(ind)}未填写分值，按0计` : `${label(ind)}的分值${describeBad(w, ind.weight)}，按0计`,
      indicatorId: ind.id,
    });
  }
  const weight = result.weight;

  if (ind.nature === "QUALITATIVE") {
    // 定性: the evaluator's 得分, clamped to [0, 分值]. The actual (a text such as 达成预期指标) is not read.
    const m = parseDecimal(ind.manualScore);
    if (m.kind !== "ok") {
      result.missingScore = ind.applicable;
      result.missingActual = ind.applicable;
      report({
        code: m.kind === "missing" ? "MISSING_SCORE" : "INVALID_NUMBER",
        severity: "error",
        message:
          m.kind === "missing"
            ? `定性${label(ind)}尚未评分，按0分计`
            : `定性${label(ind)}的得分${describeBad(m, ind.manualScore)}，按0分计`,
        indicatorId: ind.id,
      });
      return result;
    }
    const clamped = clamp(m.value, ZERO, weight);
    if (!clamped.equals(m.value)) {
      result.clamped = ind.applicable;
      report({
        code: "SCORE_CLAMPED",
        severity: "warning",
        message: `定性${label(ind)}的得分${fmtShort(m.value)}超出0至${fmtShort(weight)}的范围，按${fmtShort(clamped)}计`,
        indicatorId: ind.id,
      });
    }
    result.exact = clamped;
    result.score = round2(clamped);
    return result;
  }

  // Quantitative: both the target and the actual are needed.
  const t = parseDecimal(ind.target);
  const a = parseDecimal(ind.actual);
  if (t.kind !== "ok") {
    result.missingTarget = ind.applicable;
    report({
      code: t.kind === "missing" ? "MISSING_TARGET" : "INVALID_NUMBER",
      severity: "error",
      message:
        t.kind === "missing"
          ? `${label(ind)}未填写年度指标值，按0分计`
          : `${label(ind)}的年度指标值${describeBad(t, ind.target)}，按0分计`,
      indicatorId: ind.id,
    });
  }
  if (a.kind !== "ok") {
    result.missingActual = ind.applicable;
    report({
      code: a.kind === "missing" ? "MISSING_ACTUAL" : "INVALID_NUMBER",
      severity: "error",
      message:
        a.kind === "missing"
          ? `${label(ind)}未填写实际完成值，按0分计`
          : `${label(ind)}的实际完成值${describeBad(a, ind.actual)}，按0分计`,
      indicatorId: ind.id,
    });
  }
  if (t.kind !== "ok" || a.kind !== "ok") return result;

  const target = t.value;
  const actual = a.value;
  let raw: Decimal;
  switch (ind.nature) {
    case "GTE":
      // 正向 (≥): actual / target × 分值, capped at 分值, floored at 0.
      if (target.greaterThan(ZERO)) raw = actual.times(weight).dividedBy(target);
      else if (target.isZero()) raw = actual.isNegative() ? ZERO : weight; // any actual ≥ 0 meets "≥ 0"
      else {
        // A negative target makes the ratio meaningless (−5 / −10 = 50 % although −5 ≥ −10): all-or-nothing.
        raw = actual.greaterThanOrEqualTo(target) ? weight : ZERO;
        report(negativeTargetIssue(ind));
      }
      break;
    case "LTE":
      // 反向 (≤): target / actual × 分值, capped at 分值, floored at 0.
      if (target.isNegative()) {
        raw = actual.lessThanOrEqualTo(target) ? weight : ZERO;
        report(negativeTargetIssue(ind));
      } else if (!actual.greaterThan(ZERO)) {
        // actual ≤ 0 ≤ target: better than any non-negative target (and avoids dividing by 0).
        raw = weight;
      } else raw = target.times(weight).dividedBy(actual);
      break;
    case "EQ":
      // 等于 (=): the national rule leaves partial credit to the evaluator. We apply the common linear
      // deviation rule: 分值 × (1 − |actual − target| / |target|), floored at 0 (full marks only on an exact
      // match). With target 0 the relative deviation is undefined, so anything but 0 scores 0.
      if (actual.equals(target)) raw = weight;
      else if (target.isZero()) raw = ZERO;
      else raw = weight.times(ONE.minus(actual.minus(target).abs().dividedBy(target.abs())));
      break;
  }
  result.exact = clamp(raw, ZERO, weight);
  result.score = round2(result.exact);
  return result;
}

function negativeTargetIssue(ind: IndicatorInput): ScoreIssue {
  return {
    code: "NEGATIVE_TARGET",
    severity: "warning",
    message: `${label(ind)}的年度指标值为负数，无法按比例计分，按是否达到目标值计满分或0分`,
    indicatorId: ind.id,
  };
}

function label(ind: IndicatorInput): string {
  const name = ind.name?.trim();
  return `指标“${name ? name : ind.id}”`;
}

/** "未填写" / "“abc”不是有效数字" / "不能为负数". */
function describeBad(p: Parsed, raw: string | null): string {
  if (p.kind === "missing") return "未填写";
  if (p.kind === "invalid") return `“${raw ?? ""}”不是有效数字`;
  return "不能为负数";
}
