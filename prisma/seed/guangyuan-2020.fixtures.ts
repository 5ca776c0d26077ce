/** Fixtures shared by guangyuan-2020.test.ts and guangyuan-2020-text.test.ts. */
import { guangyuan2020 as f } from "./guangyuan-2020";
import type { PercentText, PriorYearComparison, SelfEvaluationSectionKey, WanYuan } from "./fixture-types";

// ---------------------------------------------------------------- exact decimal helpers

/**
 * Parse a 万元 amount string into integer 元 by string manipulation (1万元 = 10000元),
 * e.g. "14.65" → 146500. Never uses floating point.
 */
export function yuan(s: WanYuan): number {
  const m = /^(\d+)(?:\.(\d{1,4}))?$/.exec(s);
  if (!m) throw new Error(`not a 万元 amount: ${JSON.stringify(s)}`);
  return Number(m[1]) * 10000 + Number((m[2] ?? "").padEnd(4, "0"));
}

export function sumYuan(values: WanYuan[]): number {
  return values.reduce((acc, v) => acc + yuan(v), 0);
}

/**
 * True when `part / whole × 100`, rounded half-up to the number of decimals printed in `pct`,
 * equals `pct`. Integer-only (BigInt) arithmetic.
 */
export function roundsTo(part: number, whole: number, pct: PercentText): boolean {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(pct);
  if (!m) throw new Error(`not a percentage: ${pct}`);
  const decimals = (m[2] ?? "").length;
  const printed = BigInt((m[1] ?? "") + (m[2] ?? ""));
  const scale = 10n ** BigInt(decimals);
  const lhs = 2n * BigInt(part) * 100n * scale;
  const w = BigInt(whole);
  return (2n * printed - 1n) * w <= lhs && lhs < (2n * printed + 1n) * w;
}

/** A decrease of `change` to `current` implies prior = current + change; check the printed %. */
export function comparisonConsistent(current: WanYuan, c: PriorYearComparison): boolean {
  const prior = c.direction === "decrease" ? yuan(current) + yuan(c.changeAmount) : yuan(current) - yuan(c.changeAmount);
  return roundsTo(yuan(c.changeAmount), prior, c.changePercent);
}

export const discrepancyIds = new Set(f.knownDiscrepancies.map((d) => d.id));

export function at<T>(xs: readonly T[], i: number): T {
  const x = xs[i];
  if (x === undefined) throw new Error(`index ${i} out of range`);
  return x;
}

export const fa = f.finalAccounts;
export const SECTION_KEYS: SelfEvaluationSectionKey[] = [
  "1", "1.1", "1.1.1", "1.1.2", "1.1.3", "1.1.4", "1.2", "1.3",
  "2", "2.1", "2.2", "2.2.1", "2.2.2", "2.2.3", "2.3",
  "3", "3.1", "3.2", "3.3",
  "4", "4.1", "4.2",
  "5", "5.1", "5.2", "5.3",
];

// ---------------------------------------------------------------- tests

export function d2011002() {
  const item = fa.generalBudget.detail.items.find((i) => i.code === "2011002");
  if (!item) throw new Error("2011002 missing");
  return item;
}

export function fail(what: string): never {
  throw new Error(`missing ${what}`);
}
