/**
 * Amounts as offices type and print them, for every amount cell of every form and import.
 * Accepts "-", "—", "－", "/" and blank (0, or "not applicable" where the table means that),
 * full-width digits and punctuation (８８０．５), thousands separators ("1,234.5"), a trailing
 * 万 / 万元; refuses 元 amounts and negatives with their own message and anything else with
 * one message, the same in every cell. Pure and browser-safe: the form and the server share it.
 */
import { z } from "@/lib/zod";
import { Decimal } from "./money";

/** The one message for a cell that is not an amount. */
export const AMOUNT_MESSAGE = "请输入金额（万元），如 12.34；“-”表示0";
export const NEGATIVE_MESSAGE = "金额不能为负数";
export const YUAN_MESSAGE = "金额单位为万元，请换算后填写（如 8800元 填 0.88）";

/** At most 12 integer digits and 6 decimals in 万元 (i.e. whole 分 in 元). */
const AMOUNT = /^\d{1,12}(?:\.\d{1,6})?$/;
const EMPTY_MARKS = new Set(["", "-", "—", "–", "－", "/", "／", "——", "--"]);

export type AmountParse =
  /** A value in 万元 as a plain decimal string ("880", "1234.5"). */
  | { ok: true; value: string; empty: false }
  /** Blank or a dash: 0 (or not applicable, where the caller gives it that meaning). */
  | { ok: true; value: "0"; empty: true }
  | { ok: false; message: string };

/** Full-width digits, point, comma and minus → ASCII; spaces only around the text and before the unit go. */
function halfWidth(s: string): string {
  return s
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, ".")
    .replace(/[，,]/g, ",")
    .replace(/[－−]/g, "-")
    .trim()
    .replace(/\s+(?=[万元])/g, "");
}

/** Reads one amount cell (万元). Never throws. */
export function parseAmount(text: string | number | null | undefined): AmountParse {
  if (text == null) return { ok: true, value: "0", empty: true };
  const raw = typeof text === "number" ? (Number.isFinite(text) ? new Decimal(text).toFixed() : "x") : text;
  const trimmed = raw.replace(/\s+/g, "");
  if (EMPTY_MARKS.has(trimmed)) return { ok: true, value: "0", empty: true };
  let s = halfWidth(raw);
  if (/元$/.test(s) && !/万元$/.test(s)) return { ok: false, message: YUAN_MESSAGE };
  s = s.replace(/万元?$/, "");
  if (/^-\d/.test(s) && /^-[\d,]+(?:\.\d+)?$/.test(s)) return { ok: false, message: NEGATIVE_MESSAGE };
  s = s.replace(/^\+/, "");
  // Thousands separators only in their places ("1,234.5"), not "1,2".
  if (s.includes(",")) {
    if (!/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(s)) return { ok: false, message: AMOUNT_MESSAGE };
    s = s.replace(/,/g, "");
  }
  if (!AMOUNT.test(s)) return { ok: false, message: AMOUNT_MESSAGE };
  return { ok: true, value: new Decimal(s).toFixed(), empty: false };
}

/** The normalised 万元 text, or null when the cell is not an amount. */
export function amountOrNull(text: string | null | undefined): string | null {
  const p = parseAmount(text);
  return p.ok ? p.value : null;
}

/**
 * The zod field of every amount input: text in, a plain 万元 decimal string out ("0" for
 * blank / dashes). Refuses with the messages above. Its output is always a valid decimal, so
 * object-level refinements may do arithmetic on it, but zod 4 still runs them when a field
 * failed: use `amountsValid` (or `when`) before adding up.
 */
export function amountField() {
  return z.string().transform((s, ctx) => {
    const p = parseAmount(s);
    if (!p.ok) {
      ctx.addIssue({ code: "custom", message: p.message });
      return z.NEVER;
    }
    return p.value;
  });
}

/** True when every value is an amount (use before adding fields up in a refinement). */
export function amountsValid(values: readonly unknown[]): values is string[] {
  return values.every((v) => typeof v === "string" && AMOUNT.test(v));
}
