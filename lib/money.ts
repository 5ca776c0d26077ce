/**
 * Money is stored in 元 as exact decimals and published in 万元 with two decimals,
 * rounded half-up as the official tables print them.
 */
import { Decimal } from "@prisma/client/runtime/client";

export type DecimalInput = Decimal | string | number;

const TEN_THOUSAND = new Decimal(10000);

export function toDecimal(v: DecimalInput): Decimal {
  return v instanceof Decimal ? v : new Decimal(v);
}

/** 万元 (as printed, e.g. "14.65") → 元. Exact. */
export function wanToYuan(wan: DecimalInput): Decimal {
  return toDecimal(wan).times(TEN_THOUSAND);
}

/** 元 → 万元 text with two decimals, e.g. 146500 → "14.65". */
export function formatWan(yuan: DecimalInput, decimals = 2): string {
  return toDecimal(yuan).dividedBy(TEN_THOUSAND).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).toFixed(decimals);
}

/** part / whole as a percentage text with two decimals; "—" when whole is zero. */
export function formatPercent(part: DecimalInput, whole: DecimalInput, decimals = 2): string {
  const w = toDecimal(whole);
  if (w.isZero()) return "—";
  return toDecimal(part).times(100).dividedBy(w).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).toFixed(decimals);
}

export function sum(values: DecimalInput[]): Decimal {
  return values.reduce<Decimal>((acc, v) => acc.plus(toDecimal(v)), new Decimal(0));
}
