/**
 * Exact-decimal helpers shared by the scoring module.
 *
 * `@prisma/client/runtime/index-browser` re-exports decimal.js's `Decimal` (via
 * `@prisma/client-runtime-utils`) and is safe to bundle for the browser as well as the
 * server, unlike `@prisma/client/runtime/client`. We never mutate the global Decimal
 * configuration (precision 20 significant digits): every rounding is explicit.
 */
import { Decimal } from "@prisma/client/runtime/index-browser";

export { Decimal };

export const ZERO = new Decimal(0);
export const ONE = new Decimal(1);
export const HUNDRED = new Decimal(100);

/**
 * Plain decimal literal: optional sign, digits with an optional fraction, optional exponent
 * (Prisma's `Decimal#toString()` may print e.g. "1e-7"). No thousands separators, no "%",
 * no "Infinity"/"NaN"/hex, which decimal.js would otherwise accept.
 */
const DECIMAL_LITERAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

export type Parsed =
  | { kind: "missing" }
  | { kind: "invalid"; raw: string }
  | { kind: "ok"; value: Decimal };

/** Parses a decimal string; `null`, `undefined` and blank strings are "missing". */
export function parseDecimal(raw: string | null | undefined): Parsed {
  if (raw === null || raw === undefined) return { kind: "missing" };
  const s = raw.trim();
  if (s === "") return { kind: "missing" };
  if (!DECIMAL_LITERAL.test(s)) return { kind: "invalid", raw };
  const value = new Decimal(s);
  // Normalise -0 so that it never prints as "-0.00".
  return { kind: "ok", value: value.isZero() ? ZERO : value };
}

/** Rounds to 2 places, half-up (away from zero on a tie, as the official tables print). */
export function round2(d: Decimal): Decimal {
  const r = d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  return r.isZero() ? ZERO : r;
}

/** Two-decimal text, e.g. 9 → "9.00". */
export function fmt2(d: Decimal): string {
  return round2(d).toFixed(2);
}

/** Shortest text for messages, e.g. "45.00" → "45", "7.50" → "7.5". */
export function fmtShort(d: Decimal): string {
  return round2(d).toString();
}

export function clamp(d: Decimal, lo: Decimal, hi: Decimal): Decimal {
  if (d.lessThan(lo)) return lo;
  if (d.greaterThan(hi)) return hi;
  return d;
}

export function sumDecimals(values: Decimal[]): Decimal {
  return values.reduce<Decimal>((acc, v) => acc.plus(v), ZERO);
}
