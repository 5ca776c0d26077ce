/**
 * What an indicator value cell says, as offices print it: "≥50个", "≤90万元", "95%",
 * "95%以上", "1,200人次", "/" (not applicable), or words ("12个月内完成", "按时完成").
 * One module so that the editor, the template import and the national-layout import
 * read a cell the same way and explain a refusal the same way.
 */
import { Decimal } from "@/lib/money";

export type ValueNature = "GTE" | "LTE" | "EQ";

export type ParsedValue =
  | { kind: "empty" }
  /** "/" — the row does not apply (no 分值, no score). */
  | { kind: "not_applicable" }
  | { kind: "number"; value: string; unit: string; symbol: ValueNature | null }
  /** Words, or a number inside words ("12个月内完成"): a qualitative value. */
  | { kind: "text"; text: string }
  /** Looks like a number but is not one ("5O", "1O0%"): say so, once. */
  | { kind: "not_a_number"; reason: string };

/** Full-width ASCII (０-９, ％, ＞, ，…) and ideographic spaces to half-width. */
export function halfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, " ");
}

const SYMBOLS: [RegExp, ValueNature][] = [
  [/^(>=|≥|≧|>|大于等于|大于|不低于|不少于|至少)/, "GTE"],
  [/^(<=|≤|≦|<|小于等于|小于|不高于|不超过|不多于|控制在)/, "LTE"],
  [/^(==|=|等于)/, "EQ"],
];
const SUFFIX_SYMBOLS: [RegExp, ValueNature][] = [
  [/(及以上|以上)$/, "GTE"],
  [/(及以下|以下|以内)$/, "LTE"],
];

/** Latin units that really follow numbers; any other letter next to digits is a typo. */
const LATIN_UNITS = new Set(["km", "kg", "m", "m2", "m²", "m³", "t", "kw", "kwh", "mw", "gb", "tb", "mb", "cm", "mm", "ml", "h"]);
/** Words that make "12个月内完成" a sentence, not 12 of a unit. */
const SENTENCE_CHARS = /[内前后底完成达到实现确保按时及时左右约年月日底起止至]/;
const UNIT_SHAPE = /^[\u4e00-\u9fa5%‰㎡²³/·]{1,6}$/;
const NUMBER = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+)(.*)$/;

/** A unit as written after a number; "" when none, null when the rest is not a unit. */
function unitOf(rest: string): string | null {
  if (rest === "") return "";
  if (LATIN_UNITS.has(rest.toLowerCase())) return rest;
  if (rest === "%" || rest === "‰") return rest;
  // Known time units may contain 月/日/年, which are sentence words elsewhere.
  if (/^(个月|月|年|天|日|个工作日|工作日|小时|周)$/.test(rest)) return rest;
  if (!UNIT_SHAPE.test(rest) || SENTENCE_CHARS.test(rest)) return null;
  return rest;
}

export function parseIndicatorValue(raw: string): ParsedValue {
  let s = halfWidth(raw).replace(/\s+/g, "").replace(/，/g, ",");
  if (s === "") return { kind: "empty" };
  if (/^[/\\]+$/.test(s)) return { kind: "not_applicable" };
  const original = raw.trim();
  let symbol: ValueNature | null = null;
  for (const [re, nature] of SYMBOLS) {
    const m = re.exec(s);
    if (m) {
      symbol = nature;
      s = s.slice(m[0].length);
      break;
    }
  }
  const m = NUMBER.exec(s);
  if (!m) {
    // "O5", "l00": a letter where a digit belongs.
    if (/^[OoIl][\d.]/.test(s) || /^[OoIl]+%?$/.test(s)) return { kind: "not_a_number", reason: letterReason(s) };
    return { kind: "text", text: original };
  }
  let rest = m[2] ?? "";
  for (const [re, nature] of SUFFIX_SYMBOLS) {
    const sm = re.exec(rest);
    if (sm && !symbol) {
      symbol = nature;
      rest = rest.slice(0, rest.length - sm[0].length);
      break;
    }
  }
  // A letter glued to the digits that is not a unit: "5O", "1O0%", "9.5S".
  if (/^[A-Za-z]/.test(rest) && !LATIN_UNITS.has(rest.toLowerCase())) return { kind: "not_a_number", reason: letterReason(m[1]! + rest) };
  if (/\d/.test(rest)) {
    // "2020年1月底完成" is words; "5O0" is a typo.
    if (/^[A-Za-z]+\d/.test(rest)) return { kind: "not_a_number", reason: letterReason(m[1]! + rest) };
    return { kind: "text", text: original };
  }
  const unit = unitOf(rest);
  if (unit === null) return { kind: "text", text: original };
  const d = new Decimal(m[1]!.replace(/,/g, ""));
  return { kind: "number", value: d.isZero() ? "0" : d.toFixed(), unit, symbol };
}

function letterReason(s: string): string {
  const letter = /[A-Za-z]/.exec(s)?.[0] ?? "";
  const hint = /[Oo]/.test(letter) ? "（字母“O”应为数字“0”？）" : /[lI]/.test(letter) ? "（字母“l/I”应为数字“1”？）" : "";
  return `含有字母“${letter}”${hint}`;
}

/** The one Chinese message for a cell that should hold a number and does not. */
export function notANumberMessage(label: string, text: string, reason?: string): string {
  return `${label}“${text}”不是数字${reason ? `：${reason}` : ""}`;
}
