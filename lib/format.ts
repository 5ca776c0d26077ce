import { Decimal } from "@prisma/client/runtime/index-browser";

/** A 万元 decimal string printed with two decimals ("18" → "18.00"); "—" when empty. */
export function formatWanText(v: string | null | undefined): string {
  if (v == null || v === "") return "—";
  return new Decimal(v).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

/** A percentage decimal string with two decimals; "—" when absent. */
export function formatPercentText(v: string | null | undefined): string {
  if (v == null || v === "") return "—";
  return `${new Decimal(v).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2)}%`;
}
