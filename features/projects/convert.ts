/** Conversions between stored values (元, Decimal) and form/scoring values (万元 strings). */
import { Decimal } from "@prisma/client/runtime/index-browser";

type DecimalLike = { toString(): string };

/** 元 → 万元 as a plain decimal string without trailing zeros ("180000" → "18"). */
export function yuanToWanText(v: DecimalLike | null | undefined): string {
  if (v == null) return "";
  return new Decimal(v.toString()).dividedBy(10000).toFixed();
}

/** 万元 string → 元 Decimal, exact. */
export function wanTextToYuan(v: string): Decimal {
  return new Decimal(v === "" ? "0" : v).times(10000);
}

export function decimalText(v: DecimalLike | null | undefined): string {
  return v == null ? "" : new Decimal(v.toString()).toFixed();
}
