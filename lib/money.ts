/**
 * The one place for money and score arithmetic. Browser-safe (forms compute live totals
 * with it) and exact: decimal.js (re-exported by Prisma's browser runtime, the same class
 * Prisma returns for `Decimal` columns) with every rounding explicit; the global Decimal
 * configuration is never changed.
 *
 * Conventions: money is stored in 元 and entered / published in 万元; official tables print
 * 万元 and percentages with two decimals rounded half-up (away from zero on a tie). No
 * other module rounds, formats or parses money (lib/money-rules.test.ts enforces it).
 * Parsing what people type lives in lib/money-input.ts.
 */
import { Decimal } from "@prisma/client/runtime/index-browser";

export { Decimal };

/** Anything that prints as a decimal: a Decimal of any runtime, a decimal string, a number. */
export type DecimalLike = Decimal | string | number | { toString(): string };

export const ZERO = new Decimal(0);
export const ONE = new Decimal(1);
export const HUNDRED = new Decimal(100);
const TEN_THOUSAND = new Decimal(10000);

/** Exact conversion (a Prisma Decimal from the server runtime is a different class: go through its text). */
export function toDecimal(v: DecimalLike): Decimal {
  if (v instanceof Decimal) return v;
  return new Decimal(typeof v === "number" ? v : v.toString());
}

// ───────────────────────────── parsing stored / machine text ─────────────────────────────

/**
 * Plain decimal literal: optional sign, digits with an optional fraction, optional exponent
 * (Decimal#toString() may print "1e-7"). No separators, "%", "Infinity", "NaN" or hex, which
 * decimal.js would otherwise accept. For what people type, use parseAmount (money-input.ts).
 */
const DECIMAL_LITERAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

export type Parsed = { kind: "missing" } | { kind: "invalid"; raw: string } | { kind: "ok"; value: Decimal };

/** Parses a decimal string; `null`, `undefined` and blank strings are "missing". Never throws. */
export function parseDecimal(raw: string | null | undefined): Parsed {
  if (raw === null || raw === undefined) return { kind: "missing" };
  const s = raw.trim();
  if (s === "") return { kind: "missing" };
  if (!DECIMAL_LITERAL.test(s)) return { kind: "invalid", raw };
  const value = new Decimal(s);
  return { kind: "ok", value: value.isZero() ? ZERO : value };
}

/** A decimal from text, or null when blank or not a plain decimal. Never throws. */
export function decimalOrNull(raw: string | null | undefined): Decimal | null {
  const p = parseDecimal(raw);
  return p.kind === "ok" ? p.value : null;
}

// ───────────────────────────── rounding as the documents print ─────────────────────────────

/** Rounds half-up to `dp` places (2 by default); never yields -0. */
export function round2(d: DecimalLike, dp = 2): Decimal {
  const r = toDecimal(d).toDecimalPlaces(dp, Decimal.ROUND_HALF_UP);
  return r.isZero() ? ZERO : r;
}

/** Two-decimal text as the official tables print it: 9 → "9.00", 1.005 → "1.01". */
export function fmt2(d: DecimalLike): string {
  return round2(d).toFixed(2);
}

/** Text with exactly `dp` decimals of a value already exact to that many places (no rounding needed). */
export function fixedText(d: DecimalLike, dp = 2): string {
  return round2(d, dp).toFixed(dp);
}

/** Shortest text after rounding to two places, for messages: "45.00" → "45", "7.50" → "7.5". */
export function fmtShort(d: DecimalLike): string {
  return round2(d).toString();
}

/** The exact value as plain text (no exponent, no trailing zeros): "9.996666…" stays exact. */
export function plainText(d: DecimalLike): string {
  return toDecimal(d).toFixed();
}

/** Exact text with at least two decimals, more when the value has them ("1.5" → "1.50", "1.005" → "1.005"). */
export function atLeast2(d: DecimalLike): string {
  const v = toDecimal(d);
  return v.toFixed(Math.max(2, v.decimalPlaces()));
}

/** Text with one decimal (file sizes, durations in messages). */
export function fmt1(n: number): string {
  return round2(n, 1).toFixed(1);
}

/** Half-up integer of a number that is not money (pixels, column widths, milliseconds). */
export function roundInt(n: number): number {
  return round2(n, 0).toNumber();
}

// ───────────────────────────── 元 ↔ 万元 ─────────────────────────────

/** 元 → 万元, exact. */
export function yuanToWan(yuan: DecimalLike): Decimal {
  return toDecimal(yuan).dividedBy(TEN_THOUSAND);
}

/** 亿元 → 万元, exact (amounts a narrative states in 亿). */
export function yiToWan(yi: DecimalLike): Decimal {
  return toDecimal(yi).times(TEN_THOUSAND);
}

/** 万元 → 元, exact (what a form's 万元 amount is stored as). */
export function wanToYuanExact(wan: DecimalLike): Decimal {
  return toDecimal(wan).times(TEN_THOUSAND);
}

/** 万元 text of a form → 元 for storage; blank is 0. */
export function wanTextToYuan(v: string): Decimal {
  return wanToYuanExact(v.trim() === "" ? "0" : v);
}

/** 元 → 万元 text with two decimals as printed, e.g. 146500 → "14.65". */
export function formatWan(yuan: DecimalLike, decimals = 2): string {
  return round2(yuanToWan(yuan), decimals).toFixed(decimals);
}

/** 元 → 万元 as a plain decimal string without trailing zeros ("180000" → "18"); "" for null. */
export function yuanToWanText(v: DecimalLike | null | undefined): string {
  if (v == null) return "";
  return yuanToWan(v).toFixed();
}

/** A stored decimal as plain text ("" for null). */
export function decimalText(v: DecimalLike | null | undefined): string {
  return v == null ? "" : toDecimal(v).toFixed();
}

// ───────────────────────────── display of 万元 / % decimal strings ─────────────────────────────

/** A 万元 decimal string printed with two decimals ("18" → "18.00"); "—" when empty. */
export function formatWanText(v: string | null | undefined): string {
  if (v == null || v === "") return "—";
  return fmt2(v);
}

/** A percentage decimal string with two decimals and "%"; "—" when absent. */
export function formatPercentText(v: string | null | undefined): string {
  if (v == null || v === "") return "—";
  return `${fmt2(v)}%`;
}

/** A 万元 / % decimal string with exactly two decimals; null stays null. */
export function fixed2(v: DecimalLike | null | undefined): string | null {
  if (v == null || v === "") return null;
  return fmt2(v);
}

// ───────────────────────────── percent, change, sum ─────────────────────────────

/** part / whole in % with two decimals ("84.59"); null when either is absent or the whole is zero. */
export function percent(part: DecimalLike | null | undefined, whole: DecimalLike | null | undefined): string | null {
  if (part == null || whole == null || part === "" || whole === "") return null;
  const w = toDecimal(whole);
  if (w.isZero()) return null;
  return fmt2(toDecimal(part).times(HUNDRED).dividedBy(w));
}

/** part / whole as a percentage text with two decimals; "—" when the whole is zero. */
export function formatPercent(part: DecimalLike, whole: DecimalLike, decimals = 2): string {
  const w = toDecimal(whole);
  if (w.isZero()) return "—";
  return round2(toDecimal(part).times(HUNDRED).dividedBy(w), decimals).toFixed(decimals);
}

/** Two-decimal text with an explicit sign: "9.15" → "+9.15", "-43.45" → "-43.45", 0 → "0.00"; "—" when absent. */
export function signed(v: DecimalLike | null | undefined, suffix = ""): string {
  if (v == null || v === "") return "—";
  const r = round2(v);
  return `${r.greaterThan(0) ? "+" : ""}${r.toFixed(2)}${suffix}`;
}

/** a − b with two decimals; null when either is absent. */
export function minus2(a: DecimalLike | null | undefined, b: DecimalLike | null | undefined): string | null {
  if (a == null || b == null || a === "" || b === "") return null;
  return fmt2(toDecimal(a).minus(toDecimal(b)));
}

/** Exact sum; null, undefined and blank count as 0. */
export function sum(values: readonly (DecimalLike | null | undefined)[]): Decimal {
  return values.reduce<Decimal>((acc, v) => (v == null || v === "" ? acc : acc.plus(toDecimal(v))), ZERO);
}

/** Exact sum of 万元 decimal strings, printed with two decimals. */
export function sum2(values: readonly (DecimalLike | null | undefined)[]): string {
  return fmt2(sum(values));
}

export function clamp(d: Decimal, lo: Decimal, hi: Decimal): Decimal {
  if (d.lessThan(lo)) return lo;
  if (d.greaterThan(hi)) return hi;
  return d;
}

/** Whether two decimal strings differ in value ("18" and "18.00" do not). */
export function differs(a: DecimalLike | null | undefined, b: DecimalLike | null | undefined): boolean {
  return a != null && b != null && a !== "" && b !== "" && !toDecimal(a).equals(toDecimal(b));
}

// ───────────────────────────── scores ─────────────────────────────

/**
 * A score as shown (two decimals) and, when rounding changed it, the exact value
 * (9.996 shows "10.00" with exact "9.996"), so a reviewer can see it was not full.
 */
export function scoreDisplay(v: DecimalLike): { text: string; exact: string | null } {
  const d = toDecimal(v);
  const text = fmt2(d);
  return { text, exact: d.equals(new Decimal(text)) ? null : plainText(d.toSignificantDigits(12, Decimal.ROUND_HALF_UP)) };
}

/** The exact value's text (12 significant digits) when it differs from the two-decimal figure shown; else undefined. */
export function exactIfDiffers(exact: DecimalLike, shown: DecimalLike | null | undefined): string | undefined {
  if (shown == null || shown === "") return undefined;
  const d = toDecimal(exact);
  return d.equals(toDecimal(shown)) ? undefined : plainText(d.toSignificantDigits(12, Decimal.ROUND_HALF_UP));
}

/** Whether a decimal is zero (blank counts as zero). */
export function isZeroAmount(v: DecimalLike | null | undefined): boolean {
  return v == null || v === "" || toDecimal(v).isZero();
}
