/** 预算执行率: its points and its score (part of the 自评表 score, see ./score). */
import { Decimal, HUNDRED, ONE, ZERO, exactIfDiffers, fmt2, fmtShort, parseDecimal, round2 } from "@/lib/money";
import { describeBad } from "./issue-text";
import type { BudgetExecutionResult, ScoreInput, ScoreIssue } from "./types";

const DEFAULT_BUDGET_EXECUTION_POINTS = new Decimal(10);

/** Blank → the national default 10; invalid or negative → 0 with an issue. */
export function parseBudgetPoints(raw: string, issues: ScoreIssue[]): Decimal {
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

export function scoreBudgetExecution(input: ScoreInput, points: Decimal, issues: ScoreIssue[]): BudgetExecutionResult {
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
  /** The item applies but cannot be computed: 0 points, and why. */
  const zeroScore = (warning: string) => ({ denominator, rate: null, score: fmt2(ZERO), max, applicable: true, shortfall: points.greaterThan(ZERO), warning });
  if (budget.kind !== "ok" || executed.kind !== "ok" || bad.length > 0) {
    issues.push({
      code: "INVALID_NUMBER",
      severity: "error",
      message: `${bad.join("；")}，预算执行率无法计算，得0分`,
    });
    return zeroScore("预算执行率无法计算");
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
    return zeroScore(warning);
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
