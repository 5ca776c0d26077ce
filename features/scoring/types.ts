/**
 * Types of the 项目支出绩效自评表 scoring module (财预〔2020〕10号 as the 自评表 implements it).
 *
 * Every number crosses this boundary as a decimal string ("12.5", "-3", "1e-7"); nothing is ever a
 * JavaScript float. Outputs are strings with exactly two decimals, rounded half-up ("9.00").
 * Percentages are given as percent numbers: "95.50" means 95.50 %.
 *
 * The module is pure (no database, no React, no Node built-ins) and can run in client components.
 */

/** 一级指标 category, as in the Prisma enum `IndicatorCategory`. */
export type IndicatorCategory = "COST" | "OUTPUT" | "OUTCOME" | "SATISFACTION";

/** 指标性质, as in the Prisma enum `IndicatorNature`: =, ≥ (正向), ≤ (反向), 定性. */
export type IndicatorNature = "EQ" | "GTE" | "LTE" | "QUALITATIVE";

/** Which budget figure is the denominator of 预算执行率. */
export type BudgetDenominator = "annual" | "initial";

export type Grade = "优" | "良" | "中" | "差";

// ───────────────────────────── input ─────────────────────────────

export interface BudgetInput {
  /** 年初预算数 (only read when `denominator` is "initial"). */
  initial: string;
  /** 全年预算数 (调整后; the default denominator). */
  annual: string;
  /** 全年执行数. */
  executed: string;
}

/** One 一级 group of the framework, identified by its level-1 id. */
export interface GroupInput {
  id: string;
  /** e.g. "产出指标"; used in messages. */
  name: string;
  category: IndicatorCategory;
  /** The group's share of the 100 points (产出 50, 效益 30, 满意度 10 by default; 成本 may be 0). */
  points: string;
}

/** One 三级指标 row of the 自评表. */
export interface IndicatorInput {
  id: string;
  /** 三级指标 text, used in messages (falls back to `id` when absent). */
  name?: string;
  /** Level-1 id: must be the `id` of one of `groups`. */
  groupId: string;
  nature: IndicatorNature;
  /** 年度指标值 (numeric part). Ignored for QUALITATIVE. */
  target: string | null;
  /** 实际完成值 (numeric part). Ignored for QUALITATIVE (its actual is a text, e.g. 达成预期指标). */
  actual: string | null;
  /** 分值 set by the unit. */
  weight: string | null;
  /** 得分 given by the evaluator; read for QUALITATIVE only (quantitative rows are computed). */
  manualScore: string | null;
  /** false = 不适用: dropped from scoring, the rest rescaled to 100. */
  applicable: boolean;
  /** 偏差原因分析及改进措施. */
  deviationReason: string;
}

export interface ScoreInput {
  budget: BudgetInput;
  /** Points of 预算执行率 (10 by the national rule). */
  budgetExecutionPoints: string;
  /** Default "annual" (全年预算数). */
  denominator?: BudgetDenominator;
  groups: GroupInput[];
  indicators: IndicatorInput[];
}

// ───────────────────────────── output ─────────────────────────────

/**
 * - "error": the 自评表 is incomplete or inconsistent and should not be submitted as is
 *   (missing data, weights not adding up, missing deviation reason, …).
 * - "warning": an anomaly that may be legitimate but deserves a look (over-execution, a score
 *   clamped, a framework not totalling 100, …).
 * - "info": a rule was applied that changes the result (e.g. budget item not applicable).
 */
export type IssueSeverity = "error" | "warning" | "info";

export type IssueCode =
  /** budgetExecutionPoints + Σ group points ≠ 100. */
  | "FRAMEWORK_POINTS_NOT_100"
  /** Two groups with the same id; the later one is ignored. */
  | "DUPLICATE_GROUP"
  /** A figure is not a decimal number (or negative where it cannot be). */
  | "INVALID_NUMBER"
  /** 预算数 and 执行数 both 0: 预算执行率 not applicable, dropped and the rest rescaled. */
  | "BUDGET_NOT_APPLICABLE"
  /** 预算数 0 but 执行数 > 0: 执行率 undefined, 0 points. */
  | "BUDGET_ZERO_WITH_EXECUTION"
  /** 执行数 > 预算数: score capped at full points. */
  | "BUDGET_OVER_EXECUTED"
  /** An indicator's groupId matches no group: the indicator is left out of all totals. */
  | "UNKNOWN_GROUP"
  | "MISSING_WEIGHT"
  | "MISSING_TARGET"
  | "MISSING_ACTUAL"
  /** QUALITATIVE indicator without the evaluator's 得分. */
  | "MISSING_SCORE"
  /** QUALITATIVE 得分 outside [0, 分值], clamped. */
  | "SCORE_CLAMPED"
  /** GTE/LTE with a negative target: scored all-or-nothing (ratios are meaningless). */
  | "NEGATIVE_TARGET"
  /** Σ weights of a group ≠ group points (see `weightIssues`). */
  | "WEIGHT_SUM_MISMATCH"
  /** Score < 分值 but 偏差原因分析及改进措施 is blank (see `missingDeviationReasons`). */
  | "DEVIATION_REASON_MISSING"
  /** Nothing applicable at all: the total cannot be computed. */
  | "NOTHING_TO_SCORE";

export interface ScoreIssue {
  code: IssueCode;
  severity: IssueSeverity;
  /** Chinese, ready to show to the unit / the reviewer. */
  message: string;
  indicatorId?: string;
  groupId?: string;
}

export interface BudgetExecutionResult {
  /** The denominator used. */
  denominator: BudgetDenominator;
  /** 执行率 as a percentage ("95.50"), NOT capped (may exceed 100); null when undefined (budget 0 or invalid). */
  rate: string | null;
  /** min(rate, 100 %) × points, 2 decimals; null when not applicable. */
  score: string | null;
  /** The unrounded score, only where rounding changed it (9.997 → score "10.00"). */
  scoreExact?: string;
  /** The configured budgetExecutionPoints ("10.00"); counted in maxTotal only when applicable. */
  max: string;
  /** false when 预算数 = 执行数 = 0. */
  applicable: boolean;
  /** Applicable and score < max (the rules' "any shortfall"); informational, the input has no reason field. */
  shortfall: boolean;
  /** Short Chinese explanation when the rate is undefined or over 100 %. */
  warning?: string;
}

export interface IndicatorResult {
  id: string;
  groupId: string;
  nature: IndicatorNature;
  applicable: boolean;
  /** 得分, 2 decimals; null when not applicable. */
  score: string | null;
  /** The unrounded 得分, only where rounding changed it. */
  scoreExact?: string;
  /** 分值 (the weight as given, 2 decimals; "0.00" when missing or invalid). */
  max: string;
  /** Applicable and score < max. */
  needsDeviationReason: boolean;
  /** needsDeviationReason and the reason is empty or whitespace. */
  deviationReasonMissing: boolean;
  /**
   * Quantitative: the actual value is missing or invalid. Qualitative: the evaluator's score is
   * missing or invalid (the row is unfilled), same as `missingScore`. Always false when not applicable.
   */
  missingActual: boolean;
  /** Quantitative only: the target is missing or invalid. */
  missingTarget: boolean;
  /** Qualitative only: the evaluator's manualScore is missing or invalid. */
  missingScore: boolean;
  /** The weight is missing, invalid or negative (scored against 0). */
  missingWeight: boolean;
  /** Qualitative only: manualScore was outside [0, 分值] and was clamped. */
  clamped: boolean;
  /** false when the groupId matches no group: the indicator is excluded from every total. */
  counted: boolean;
}

export interface GroupResult {
  id: string;
  name: string;
  category: IndicatorCategory;
  /** The group's configured points ("50.00"). */
  points: string;
  /** Σ scores of its applicable indicators. */
  score: string;
  /** Σ 分值 of its applicable indicators (its contribution to maxTotal). */
  max: string;
  /** Σ 分值 of ALL its indicators, applicable or not, as entered (missing = 0). */
  weightSum: string;
  /** weightSum = points. */
  weightsMatch: boolean;
  /** At least one applicable indicator; a group without one contributes neither score nor max. */
  applicable: boolean;
}

export interface WeightIssue {
  groupId: string;
  groupName: string;
  /** The group's points. */
  expected: string;
  /** Σ 分值 of its indicators. */
  actual: string;
}

export interface ScoreResult {
  budgetExecution: BudgetExecutionResult;
  /** In input order. */
  indicators: IndicatorResult[];
  /** In input order (duplicates removed). */
  groups: GroupResult[];
  /** One entry per group whose weights do not add up to its points. */
  weightIssues: WeightIssue[];
  /** Ids of indicators with a shortfall and a blank 偏差原因分析及改进措施, in input order. */
  missingDeviationReasons: string[];
  /** Σ of applicable scores incl. 预算执行率 (= budgetExecution.score + Σ group scores). */
  rawTotal: string;
  /** Σ of their maximum points (100 when everything applies and weights add up). */
  maxTotal: string;
  /** rawTotal / maxTotal × 100, 2 decimals; null when maxTotal is 0. */
  total: string | null;
  /** The total over unrounded scores, only where it differs from `total` (a 100.00 that was not full). */
  totalExact?: string;
  /** Grade of `total`; null when total is null. */
  grade: Grade | null;
  issues: ScoreIssue[];
}

// ───────────────────────────── 双监控 ─────────────────────────────

export type MonitoringLight = "red" | "yellow" | "green" | "none";

export interface ExecutionMonitoringResult {
  light: MonitoringLight;
  /** 红灯 / 黄灯 / 绿灯 / 无 */
  label: string;
  /** (executed / budget) ÷ (month / 12) as a percentage ("75.00"); null when undefined. */
  progress: string | null;
  /** executed / budget as a percentage ("37.50"); null when undefined. */
  executionRate: string | null;
  /** month / 12 as a percentage ("50.00"): the time elapsed. */
  timeElapsed: string;
  /** Why light is "none". */
  reason?: "ZERO_BUDGET" | "INVALID_INPUT";
}
