/**
 * Money amounts and percentages written in Chinese narrative text (the self-evaluation
 * consistency check, features/reports/consistency/check.ts, and the year document's
 * narrative check, features/publication/narrative-check.ts). Pure and browser-safe.
 *
 * - Full-width digits (０–９), the full-width point between digits (１８．５) and the full-width
 *   percent sign (％) are read as their ASCII forms; offsets always refer to the original text.
 * - A money amount is a number (digits, optional ASCII thousands separators "1,234", optional
 *   decimals) directly followed — blanks allowed — by a money unit: 元, 万元, 亿元 (also "万余元",
 *   "200多万元"). A bare 万 / 亿 without 元 counts only where it is clearly money: the clause before
 *   it names money (预算, 经费, 资金, …费, 执行, 支出, 共计, …) and the next character is not a
 *   counting unit (人, 次, 个, 份, 名, 户, …) — "预算9万，" is money, "覆盖3万人" is not.
 *   Everything else is never money: years and dates (2020年, 12月3日), counts (5个, 12支, 330名,
 *   200多人), document numbers (〔2019〕140号), ordinals and list numbers (1．, （二）).
 *   Chinese-numeral amounts (九万元) are not recognised.
 * - Values are converted to 万元 exactly (元 ÷ 10000, 亿 × 10000).
 * - An amount or percentage is approximate when marked so: 约/近/逾/超过/不足/不到/大约/将近 just
 *   before it, 余/多 inside it, 左右/以上/以下/以内/上下 just after it. Approximate figures are
 *   extracted but never compared.
 * - A percentage is a number followed by % or ％.
 */
import { Decimal, yiToWan, yuanToWan } from "@/lib/money";

export type MoneyUnit = "元" | "万元" | "亿元" | "万" | "亿";

/** A money amount found in a text. Offsets refer to the original text. */
export type AmountMention = {
  start: number;
  end: number;
  /** Original text of the amount, e.g. "9万元", "１８ 万元", "200多万元". */
  raw: string;
  /** The number with ASCII digits and without separators, e.g. "14.65". */
  number: string;
  unit: MoneyUnit;
  /** Value in 万元 (exact). */
  wanYuan: Decimal;
  approximate: boolean;
};

/** A percentage found in a text. Offsets refer to the original text. */
export type PercentMention = {
  start: number;
  end: number;
  /** Original text, e.g. "99.1%". */
  raw: string;
  number: string;
  value: Decimal;
  /** Number of decimals written (rounding of the text). */
  decimals: number;
  approximate: boolean;
};

// ------------------------------------------------------------------ text helpers

const FULLWIDTH_DIGIT_0 = 0xff10;

/**
 * Same-length normalisation (offsets are preserved): full-width digits → ASCII, full-width point
 * between digits → ".", full-width percent → "%".
 */
export function normalizeDigits(text: string): string {
  const chars = Array.from(text, (c) => {
    const code = c.charCodeAt(0);
    if (c.length === 1 && code >= FULLWIDTH_DIGIT_0 && code <= FULLWIDTH_DIGIT_0 + 9) {
      return String.fromCharCode(48 + code - FULLWIDTH_DIGIT_0);
    }
    if (c === "％") return "%";
    return c;
  });
  // Array.from splits by code point; rebuild with UTF-16 lengths intact (astral characters stay
  // two units long, so offsets still line up).
  let s = chars.join("");
  s = s.replace(/(\d)．(?=\d)/g, "$1.");
  return s;
}

const CLAUSE_DELIMITERS = "，,。；;：:、！!？?\n\r";
const SENTENCE_DELIMITERS = "。！!？?\n\r";
const CONTEXT_CHARS = 20;

/** The clause before `index` (since the last clause delimiter), at most CONTEXT_CHARS long. */
export function clausePrefix(text: string, index: number): string {
  let i = index;
  while (i > 0 && !CLAUSE_DELIMITERS.includes(text[i - 1]!)) i--;
  const clause = text.slice(i, index);
  return clause.length > CONTEXT_CHARS ? clause.slice(clause.length - CONTEXT_CHARS) : clause;
}

export function sentenceBounds(text: string, index: number): { start: number; end: number } {
  let start = index;
  while (start > 0 && !SENTENCE_DELIMITERS.includes(text[start - 1]!)) start--;
  let end = index;
  while (end < text.length && !SENTENCE_DELIMITERS.includes(text[end]!)) end++;
  // Keep the sentence's own closing punctuation (not a line break).
  if (end < text.length && text[end] !== "\n" && text[end] !== "\r") end++;
  return { start, end };
}

const EXCERPT_MAX = 60;

/** The sentence containing [start, end), trimmed to about EXCERPT_MAX characters around it. */
export function makeExcerpt(text: string, start: number, end: number): string {
  const s = sentenceBounds(text, start);
  let from = s.start;
  let to = Math.max(s.end, end);
  if (to - from > EXCERPT_MAX) {
    const room = Math.max(0, EXCERPT_MAX - (end - start));
    const before = Math.ceil(room / 2);
    from = Math.max(from, start - before);
    to = Math.min(to, from + EXCERPT_MAX);
    if (to - from < EXCERPT_MAX) from = Math.max(s.start, to - EXCERPT_MAX);
  }
  const body = text.slice(from, to).trim();
  return `${from > s.start ? "…" : ""}${body}${to < s.end ? "…" : ""}`;
}

const APPROX_BEFORE = /(约|近|逾|超过|不足|不到|大约|将近)$/;
const APPROX_AFTER = /^[ \t\u3000]*(左右|以上|以下|以内|上下)/;

// ------------------------------------------------------------------ extraction

/** Number (thousands separators allowed) + optional 余/多 + optional 万/亿 + optional 余/多 + optional 元. */
const MONEY_RE =
  /(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)[ \t\u3000]*([余多])?[ \t\u3000]*([万亿])?([余多])?[ \t\u3000]*(元)?/g;

/** Characters after a bare 万/亿 that make it a count, not money. */
const COUNT_UNITS = "人次个名份册支台套辆件户家所项场期批本条张篇株亩平方米公里吨头只座间位岁年月日天周届号级";

/** Clause words that make a bare 万/亿 money. */
const MONEY_CONTEXT = /(预算|经费|资金|费|拨款|执行|支出|使用|支付|开支|共计|合计|总计|金额|投资|收入|决算)/;

/** Each match of `re` in `norm` that is not part of a longer number or identifier (e.g. "v2", "1.2.3"). */
function* standaloneMatches(norm: string, re: RegExp) {
  re.lastIndex = 0;
  for (let m = re.exec(norm); m !== null; m = re.exec(norm)) {
    if (!/[0-9A-Za-z.]/.test(m.index > 0 ? norm[m.index - 1]! : "")) yield m;
  }
}

/** Whether words around a figure (约, 左右, …) make it approximate. */
const nearApproximation = (norm: string, start: number, end: number) => APPROX_BEFORE.test(norm.slice(Math.max(0, start - 2), start)) || APPROX_AFTER.test(norm.slice(end, end + 4));

export function extractAmounts(text: string): AmountMention[] {
  const norm = normalizeDigits(text);
  const out: AmountMention[] = [];
  for (const m of standaloneMatches(norm, MONEY_RE)) {
    const start = m.index;
    const [, numText, approxA, mag, approxB, yuan] = m;
    if (!mag && !yuan) continue; // plain number: not money
    let end = start + m[0].length;
    if (yuan) {
      // "元旦", "元年", … are not money.
      const next = norm[end] ?? "";
      if (!mag && next !== "" && "旦年宵素件".includes(next)) continue;
    } else {
      // Bare 万/亿 (blanks after it belong to what follows): a count unit after it ("3万人",
      // "3万余人") makes it a count; otherwise money only in a money clause.
      end = start + m[0].replace(/[ \t\u3000]+$/, "").length;
      const next = norm[end] ?? "";
      if (next && COUNT_UNITS.includes(next)) continue;
      if (!MONEY_CONTEXT.test(clausePrefix(norm, start))) continue;
    }
    const number = numText!.replace(/,/g, "");
    const stated = new Decimal(number);
    const value = mag === "万" ? stated : mag === "亿" ? yiToWan(stated) : yuanToWan(stated);
    const unit: MoneyUnit = mag ? (yuan ? (`${mag}元` as MoneyUnit) : (mag as MoneyUnit)) : "元";
    const approximate = Boolean(approxA || approxB) || nearApproximation(norm, start, end);
    out.push({ start, end, raw: text.slice(start, end), number, unit, wanYuan: value, approximate });
  }
  return out;
}

const PERCENT_RE = /(\d+(?:\.\d+)?)[ \t\u3000]*%/g;

export function extractPercents(text: string): PercentMention[] {
  const norm = normalizeDigits(text);
  const out: PercentMention[] = [];
  for (const m of standaloneMatches(norm, PERCENT_RE)) {
    const start = m.index;
    const end = start + m[0].length;
    const number = m[1]!;
    const dot = number.indexOf(".");
    out.push({
      start,
      end,
      raw: text.slice(start, end),
      number,
      value: new Decimal(number),
      decimals: dot < 0 ? 0 : number.length - dot - 1,
      approximate: nearApproximation(norm, start, end),
    });
  }
  return out;
}
