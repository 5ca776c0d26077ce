/**
 * Warnings the finance bureau looks at first (issue #11, "Oversight"): patterns in a project's
 * 自评表 that are legal but suspicious. Pure functions over the scoring module's result and the
 * stored indicator rows; no database, no rounding of their own (scores and rates come from
 * features/scoring, values are read with features/indicators/value.ts).
 */
import { Decimal, parseDecimal } from "@/lib/money";
import { parseIndicatorValue } from "@/features/indicators/value";
import { MONITORING_RED_BELOW, MONITORING_YELLOW_BELOW } from "@/features/scoring/monitoring";
import type { IndicatorCategory, IndicatorNature } from "@/features/scoring/types";

/**
 * Execution-rate thresholds (percent of 全年预算数). Fixed by the bureau's practice for the year-end
 * review: below 60 % the project is flagged red, below 80 % yellow. Above 100 % is flagged too
 * (spent more than the adjusted budget).
 */
/** Execution-rate warnings use the 双监控 thresholds (one rule: features/scoring/monitoring.ts). */
export const EXECUTION_RED_BELOW = MONITORING_RED_BELOW;
export const EXECUTION_YELLOW_BELOW = MONITORING_YELLOW_BELOW;
const HUNDRED = new Decimal(100);

/** The warning rules and their names as the overview prints them. */
export const WARNING_RULE_LABELS = {
  ALL_FULL_MARKS: "全部指标满分",
  MISSED_TARGET_FULL_POINTS: "未达目标仍得满分",
  DEVIATION_REASON_MISSING: "未达目标未说明偏差原因",
  COST_AS_GTE: "成本指标按“≥”设定",
  EXECUTION_LOW: "预算执行率偏低",
  EXECUTION_OVER: "执行数超过预算数",
} as const;
export type WarningRule = keyof typeof WARNING_RULE_LABELS;

export type Warning = { rule: WarningRule; level: "red" | "yellow"; text: string; indicatorId?: string };

/** One indicator row: what is stored plus its scoring result. */
export type WarningIndicator = {
  id: string;
  name: string;
  category: IndicatorCategory | null;
  nature: IndicatorNature;
  /** Stored numeric values (null for words) and the printed texts. */
  targetValue: string | null;
  actualValue: string | null;
  targetText: string;
  actualText: string;
  applicable: boolean;
  /** From features/scoring: 得分 and 分值 (2-decimal strings), and whether a required reason is blank. */
  score: string | null;
  max: string;
  deviationReasonMissing: boolean;
};

export type WarningInput = {
  /** 预算执行率 in percent as features/scoring computes it ("95.50"); null when undefined. */
  executionRate: string | null;
  indicators: WarningIndicator[];
};

const dec = (v: string | null): Decimal | null => {
  const p = parseDecimal(v);
  return p.kind === "ok" ? p.value : null;
};

/** A row's number: the stored value, else the number its text states ("≥95%" → 95). */
function numberOf(value: string | null, text: string): { value: Decimal; symbol: IndicatorNature | null } | null {
  const parsedText = parseIndicatorValue(text);
  const symbol = parsedText.kind === "number" ? parsedText.symbol : null;
  const stored = dec(value);
  if (stored) return { value: stored, symbol };
  if (parsedText.kind === "number") {
    const v = dec(parsedText.value);
    return v ? { value: v, symbol } : null;
  }
  return null;
}

/** Whether the actual value misses the target in the row's direction; null when it cannot tell. */
export function missesTarget(ind: Pick<WarningIndicator, "nature" | "targetValue" | "actualValue" | "targetText" | "actualText">): boolean | null {
  const target = numberOf(ind.targetValue, ind.targetText);
  const actual = numberOf(ind.actualValue, ind.actualText);
  if (!target || !actual) return null;
  const direction = ind.nature === "QUALITATIVE" ? (target.symbol ?? "GTE") : ind.nature;
  if (direction === "GTE") return actual.value.lessThan(target.value);
  if (direction === "LTE") return actual.value.greaterThan(target.value);
  return !actual.value.equals(target.value);
}

const isFull = (i: WarningIndicator) => i.applicable && i.score != null && dec(i.max)?.greaterThan(0) === true && dec(i.score)!.greaterThanOrEqualTo(dec(i.max)!);

/** Every applicable, weighted indicator got its full 分值. */
export function allFullMarks(input: WarningInput): Warning[] {
  const scored = input.indicators.filter((i) => i.applicable && i.score != null && dec(i.max)?.greaterThan(0) === true);
  if (scored.length === 0 || !scored.every(isFull)) return [];
  return [{ rule: "ALL_FULL_MARKS", level: "yellow", text: `全部${scored.length}项指标均为满分` }];
}

/** A row whose actual value misses its target but still has full points. */
export function missedTargetFullPoints(input: WarningInput): Warning[] {
  return input.indicators
    .filter((i) => isFull(i) && missesTarget(i) === true)
    .map((i) => ({ rule: "MISSED_TARGET_FULL_POINTS", level: "red", indicatorId: i.id, text: `${i.name}：目标${i.targetText || i.targetValue}，实际${i.actualText || i.actualValue}，仍得满分${i.max}` }));
}

/** A shortfall without 偏差原因分析及改进措施 (as the scoring module decides it). */
export function deviationReasonMissing(input: WarningInput): Warning[] {
  return input.indicators
    .filter((i) => i.deviationReasonMissing)
    .map((i) => ({ rule: "DEVIATION_REASON_MISSING", level: "yellow", indicatorId: i.id, text: `${i.name}：得分${i.score ?? "—"}/${i.max}，未填写偏差原因` }));
}

/** A 成本指标 set as "≥" (a cost should be capped, "≤"). */
export function costAsGte(input: WarningInput): Warning[] {
  return input.indicators
    .filter((i) => i.category === "COST" && (i.nature === "GTE" || (i.nature === "QUALITATIVE" && numberOf(i.targetValue, i.targetText)?.symbol === "GTE")))
    .map((i) => ({ rule: "COST_AS_GTE", level: "yellow", indicatorId: i.id, text: `${i.name}：成本指标的目标值为“${i.targetText || `≥${i.targetValue}`}”` }));
}

/** 预算执行率 below the thresholds above, or over 100 %. */
export function executionRate(input: WarningInput): Warning[] {
  const rate = dec(input.executionRate);
  if (!rate) return [];
  if (rate.lessThan(EXECUTION_RED_BELOW)) return [{ rule: "EXECUTION_LOW", level: "red", text: `预算执行率${input.executionRate}%，低于${EXECUTION_RED_BELOW}%` }];
  if (rate.lessThan(EXECUTION_YELLOW_BELOW)) return [{ rule: "EXECUTION_LOW", level: "yellow", text: `预算执行率${input.executionRate}%，低于${EXECUTION_YELLOW_BELOW}%` }];
  if (rate.greaterThan(HUNDRED)) return [{ rule: "EXECUTION_OVER", level: "yellow", text: `预算执行率${input.executionRate}%，执行数超过全年预算数` }];
  return [];
}

/** All warnings of one project, red first. */
export function projectWarnings(input: WarningInput): Warning[] {
  const all = [...executionRate(input), ...allFullMarks(input), ...missedTargetFullPoints(input), ...deviationReasonMissing(input), ...costAsGte(input)];
  return [...all.filter((w) => w.level === "red"), ...all.filter((w) => w.level === "yellow")];
}
