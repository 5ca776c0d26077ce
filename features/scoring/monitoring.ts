/**
 * “双监控” budget-execution monitoring, as the national platform implements it:
 *
 *   progress = (executed / budget) ÷ (month / 12)
 *   progress < 60 % → red (红灯), 60 % ≤ progress < 80 % → yellow (黄灯), ≥ 80 % → green (绿灯);
 *   budget 0 → none.
 *
 * The thresholds are applied to the progress rounded to 2 places (half-up), i.e. to the figure that is
 * displayed: a progress printed "60.00" is never red.
 */
import { Decimal, HUNDRED, fmt2, parseDecimal, round2 } from "@/lib/money";
import type { ExecutionMonitoringResult, MonitoringLight } from "./types";

export const MONITORING_LIGHT_LABELS: Record<MonitoringLight, string> = {
  red: "红灯",
  yellow: "黄灯",
  green: "绿灯",
  none: "无",
};

/** The 双监控 thresholds (percent): below the first red, below the second yellow. The year overview's execution warnings and chart use the same. */
export const MONITORING_RED_BELOW = new Decimal(60);
export const MONITORING_YELLOW_BELOW = new Decimal(80);
const TWELVE = new Decimal(12);

/**
 * @param budget   预算数 (decimal string; usually 全年预算数)
 * @param executed 执行数 to date (decimal string)
 * @param month    the month the figures are at, an integer 1–12 (throws a RangeError otherwise)
 *
 * Bad figures (blank, not a number, negative) do not throw: light "none" with reason "INVALID_INPUT".
 */
export function executionMonitoring(budget: string, executed: string, month: number): ExecutionMonitoringResult {
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`executionMonitoring: month must be an integer 1–12, got ${month}`);
  }
  const m = new Decimal(month);
  const timeElapsed = fmt2(m.times(HUNDRED).dividedBy(TWELVE));

  const b = parseDecimal(budget);
  const e = parseDecimal(executed);
  if (b.kind !== "ok" || e.kind !== "ok" || b.value.isNegative() || e.value.isNegative()) {
    return { light: "none", label: MONITORING_LIGHT_LABELS.none, progress: null, executionRate: null, timeElapsed, reason: "INVALID_INPUT" };
  }
  if (b.value.isZero()) {
    return { light: "none", label: MONITORING_LIGHT_LABELS.none, progress: null, executionRate: null, timeElapsed, reason: "ZERO_BUDGET" };
  }

  // executed × 12 × 100 / (budget × month): one division, exact up to decimal.js's 20 significant digits.
  const progress = round2(e.value.times(TWELVE).times(HUNDRED).dividedBy(b.value.times(m)));
  const executionRate = fmt2(e.value.times(HUNDRED).dividedBy(b.value));
  const light: MonitoringLight = progress.lessThan(MONITORING_RED_BELOW) ? "red" : progress.lessThan(MONITORING_YELLOW_BELOW) ? "yellow" : "green";
  return { light, label: MONITORING_LIGHT_LABELS[light], progress: fmt2(progress), executionRate, timeElapsed };
}
