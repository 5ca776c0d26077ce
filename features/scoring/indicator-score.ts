/** One indicator's 得分 (part of the 自评表 score, see ./score). */
import { Decimal, ONE, ZERO, clamp, fmtShort, parseDecimal, round2 } from "@/lib/money";
import { describeBad, label } from "./issue-text";
import type { IndicatorInput, ScoreIssue } from "./types";

export interface ScoredIndicator {
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

export function scoreIndicator(ind: IndicatorInput, issues: ScoreIssue[]): ScoredIndicator {
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
  /** A value that is missing or not a number: the indicator scores 0, and the issue says which. */
  const unusable = (p: typeof t, raw: string | null, missingCode: "MISSING_TARGET" | "MISSING_ACTUAL", what: string) =>
    report({
      code: p.kind === "missing" ? missingCode : "INVALID_NUMBER",
      severity: "error",
      message: p.kind === "missing" ? `${label(ind)}未填写${what}，按0分计` : `${label(ind)}的${what}${describeBad(p, raw)}，按0分计`,
      indicatorId: ind.id,
    });
  if (t.kind !== "ok") {
    result.missingTarget = ind.applicable;
    unusable(t, ind.target, "MISSING_TARGET", "年度指标值");
  }
  if (a.kind !== "ok") {
    result.missingActual = ind.applicable;
    unusable(a, ind.actual, "MISSING_ACTUAL", "实际完成值");
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
