/**
 * Pre-submission consistency check of a 项目支出绩效自评报告 (project self-evaluation report).
 *
 * Lists every amount or percentage written in the narrative that disagrees with the project's own
 * figures (预算数 / 执行数 / 资金分配), so that the people who sign see the contradiction before the
 * report is submitted. Pure and browser-safe: no DB, no React, exact decimals only (Prisma's
 * browser build of decimal.js; never JS floating point). The global Decimal configuration is never
 * changed.
 *
 * ## Extraction
 * Amounts and percentages are read by lib/narrative-figures.ts (extractAmounts, extractPercents).
 *
 * ## Classification (by the clause before the figure)
 * The context of a figure is its clause: the text since the previous ，,。；;：:、！？ or line
 * break, at most the last 20 characters. In this order:
 * 1. Change / derived amounts are skipped: the clause contains 增加, 减少, 增长, 下降, 节约, 节省,
 *    结余, 结转, 剩余, 余额, 差额, 超支, 超出, 单价, 人均, 每人, 同比, 上年, 去年, 比上年, 较上年.
 * 2. Total of a listing: the clause ends with 共计/合计/总计/总共/共 (optionally + 为/是/达) and at
 *    least two listed amounts precede it in the same sentence (sentences end at 。！？ or a line
 *    break, not at ；). See the listing rules below.
 * 3. Allocation item: the clause names one of the project's allocation items — it contains the
 *    item's name ("调研差旅费" contains "差旅费"), or its last fee word ("资料费", the ≤2 characters
 *    before a 费 plus 费) is contained in the item's name ("文件资料费"). The longest direct match
 *    wins; an exact tie between two items is ambiguous and not compared. A fee word the project
 *    does not have (…费, except 经费/收费/缴费/免费/花费/消费) is an unmatched listed item: summed in
 *    a listing, never compared on its own. Items take precedence over budget/execution keywords
 *    ("培训费预算2万元" is the 培训费 item). When the clause ends with a total keyword but there is
 *    no listing ("会务费、培训费共5万元") the amount aggregates several items and is not an item.
 * 4. Keywords, the one nearest to the figure wins (a longer keyword wins a tie at the same end);
 *    compound terms that are no amount statement (预算绩效, 预算管理, 预算编制, 预算单位, 预算科目,
 *    执行率, 绩效评价) are ignored:
 *    - 年初预算 → 年初预算数 (`initialBudget`; if the project has none, the 全年预算数);
 *    - 全年预算, 调整后预算 → 全年预算数 (`budget`);
 *    - 预算, 批复, 下达, 到位 → 预算 (accepted if equal to 全年预算数 or, when given, 年初预算数);
 *    - 执行, 支出, 使用, 支付, 开支, 花费, 决算, 完成(预算), 拨付, 兑付 → 全年执行数 (`executed`;
 *      "共完成预算资金89.97万元" is money spent, and the longer keyword wins at the same end);
 *    - 安排 → 预算 (like 批复, 下达);
 *    - an amount followed by 用于 + an item of the allocation table ("29.99万元用于会务费") is that
 *      item's allocation, whatever the words before it say.
 *    - 财政拨款 → 财政拨款预算数 (`fiscalBudget`, only when given);
 *    - 其他资金, 其它资金 → 其他资金预算数 (`otherBudget`, only when given).
 * 5. Anything else is unclassified and never reported (no noise).
 *
 * ## Comparison
 * - Amounts are compared exactly (to the 分, i.e. 0.000001 万元) with the project's figure.
 * - Listing total (rule 2): compared with the sum of the project's allocation items
 *   (AMOUNT_MISMATCH) when the project has allocations; and, independently, the listed amounts of
 *   the sentence (items, unmatched items and unclassified amounts since the previous total; budget,
 *   execution and skipped amounts excluded) must add up to the total (ALLOCATION_SUM_MISMATCH).
 *   No sum check when any listed amount is approximate.
 * - Allocation item: compared with the project's item amount (ALLOCATION_ITEM_MISMATCH).
 * - Percentages: only the execution rate is checked — the clause ends with 执行率, 完成预算,
 *   完成全年/年度预算, 预算完成率 or 执行进度 (optionally + 的/为/达/达到/是/了) and contains none of
 *   占, 比, 同比, 增长, 下降, 增加, 减少 (a share "占xx%" has an unknown base). The stated value
 *   with d decimals matches a reference value v when |v − stated| ≤ ½·10⁻ᵈ (so "99.1%" matches 99.10 and 99.098…, "100%" matches 99.5–100.5).
 *   References: the exact executed ÷ budget × 100 (when the budget is positive) and the caller's
 *   `executionRate` (when given); either one matching is enough (PERCENT_MISMATCH).
 * - Each finding is reported once per (section, stated, expected), in section order and then in
 *   text order. Empty bodies are skipped.
 *
 * ## Severity
 * All four codes default to "warning": the narrative contradicts the figures and the reviewer must
 * see it, but the owner may still submit (the 财政 reviewer decides). "blocking" is reserved for
 * checks added by the caller (empty sections etc. are checked elsewhere); any code's severity can
 * be overridden per call with `options.severity`.
 */
import { Decimal, atLeast2, decimalOrNull, fmt2 } from "@/lib/money";
import { clausePrefix, extractAmounts, extractPercents, makeExcerpt, normalizeDigits, sentenceBounds, type AmountMention, type PercentMention } from "@/lib/narrative-figures";

// ------------------------------------------------------------------ public types

export type ProjectFigures = {
  name: string;
  /** 全年预算数, 万元 */
  budget: string;
  /** 年初预算数, 万元 */
  initialBudget?: string;
  /** 全年执行数, 万元 */
  executed: string;
  /** 其中：财政拨款 (预算), 万元 */
  fiscalBudget?: string;
  /** 其他资金 (预算), 万元 */
  otherBudget?: string;
  /** 资金分配, 万元 */
  allocations: { item: string; amount: string }[];
  /** Computed 执行率 %, e.g. "100.00". */
  executionRate?: string;
};

export type NarrativeSection = { key: string; heading: string; body: string };

export type FindingSeverity = "blocking" | "warning";

export type FindingCode =
  | "AMOUNT_MISMATCH"
  | "PERCENT_MISMATCH"
  | "ALLOCATION_SUM_MISMATCH"
  | "ALLOCATION_ITEM_MISMATCH";

export type Finding = {
  severity: FindingSeverity;
  code: FindingCode | (string & {});
  sectionKey: string;
  heading: string;
  /** The sentence containing the figure, trimmed to about 60 characters around it. */
  excerpt: string;
  /** What the text says, e.g. "9万元", "99%". */
  stated: string;
  /** What the figures say, e.g. "18.00万元（全年预算数）". */
  expected: string;
  /** Chinese message naming the section, e.g. "“二、（二）2.资金到位”写明预算9万元，与项目全年预算数18.00万元不一致". */
  message: string;
};

export type CheckOptions = {
  /** Severity per finding code; unspecified codes use `DEFAULT_SEVERITY`. */
  severity?: Partial<Record<FindingCode, FindingSeverity>>;
};

export const DEFAULT_SEVERITY: Readonly<Record<FindingCode, FindingSeverity>> = {
  AMOUNT_MISMATCH: "warning",
  PERCENT_MISMATCH: "warning",
  ALLOCATION_SUM_MISMATCH: "warning",
  ALLOCATION_ITEM_MISMATCH: "warning",
};

// ------------------------------------------------------------------ classification

const SKIP_CONTEXT =
  /(增加|减少|增长|下降|节约|节省|结余|结转|剩余|余额|差额|超支|超出|单价|人均|每人|同比|上年|去年)/;
const TOTAL_AT_END = /(共计|合计|总计|总共|共)(为|是|达)?$/;
/** Fee words that are not allocation items (经费 = funding, 收费/缴费/免费 are verbs, 花费/消费 = spending). */
const NOT_ITEM_FEE = "经收缴免花消";

type FigureKind = "initialBudget" | "fullYearBudget" | "budget" | "executed" | "fiscalBudget" | "otherBudget";

const KEYWORDS: { word: string; kind: FigureKind }[] = [
  { word: "年初预算", kind: "initialBudget" },
  { word: "全年预算", kind: "fullYearBudget" },
  { word: "调整后预算", kind: "fullYearBudget" },
  { word: "预算", kind: "budget" },
  { word: "批复", kind: "budget" },
  { word: "下达", kind: "budget" },
  { word: "到位", kind: "budget" },
  { word: "安排", kind: "budget" },
  { word: "执行", kind: "executed" },
  // Money completed, paid out or cashed is spent: "完成预算资金89.97万元" is 执行数, not 预算.
  { word: "完成预算", kind: "executed" },
  { word: "完成", kind: "executed" },
  { word: "拨付", kind: "executed" },
  { word: "兑付", kind: "executed" },
  { word: "支出", kind: "executed" },
  { word: "使用", kind: "executed" },
  { word: "支付", kind: "executed" },
  { word: "开支", kind: "executed" },
  { word: "花费", kind: "executed" },
  { word: "决算", kind: "executed" },
  { word: "财政拨款", kind: "fiscalBudget" },
  { word: "其他资金", kind: "otherBudget" },
  { word: "其它资金", kind: "otherBudget" },
];

type Classification =
  | { kind: "skip" }
  | { kind: "unknown" }
  | { kind: "total"; keyword: string }
  | { kind: "item"; item: { item: string; amount: string }; byPurpose?: boolean }
  | { kind: "unmatchedItem"; fee: string }
  | { kind: "figure"; figure: FigureKind; keyword: string };

/** The last fee word of a clause: up to two characters before a 费, plus 费. */
function lastFeeWord(prefix: string): string | null {
  const re = /([\u4e00-\u9fff]{1,2})费/g;
  let last: string | null = null;
  for (let m = re.exec(prefix); m !== null; m = re.exec(prefix)) {
    const before = m[1]!;
    if (NOT_ITEM_FEE.includes(before[before.length - 1]!)) continue;
    last = m[0];
  }
  return last;
}

function matchItem(
  prefix: string,
  allocations: ProjectFigures["allocations"],
): { item: { item: string; amount: string } } | { ambiguous: true } | null {
  const direct = allocations.filter((a) => a.item !== "" && prefix.includes(a.item));
  if (direct.length > 0) {
    const longest = Math.max(...direct.map((a) => a.item.length));
    const best = direct.filter((a) => a.item.length === longest);
    return best.length === 1 ? { item: best[0]! } : { ambiguous: true };
  }
  const fee = lastFeeWord(prefix);
  if (fee) {
    const containing = allocations.filter((a) => a.item.includes(fee));
    if (containing.length === 1) return { item: containing[0]! };
    if (containing.length > 1) return { ambiguous: true };
  }
  return null;
}

/**
 * Compound terms whose 预算 / 执行 is no statement of an amount ("预算绩效评价经费3万元" is not a
 * budget of 3万元); they are blanked out before the keyword search.
 */
const NOT_FIGURE_TERMS = /预算绩效|预算管理|预算编制|预算单位|预算科目|执行率|绩效评价/g;

function classify(rawPrefix: string, project: ProjectFigures, hasListing: boolean): Classification {
  if (SKIP_CONTEXT.test(rawPrefix)) return { kind: "skip" };
  const prefix = rawPrefix.replace(NOT_FIGURE_TERMS, (t) => "＿".repeat(t.length));
  const total = TOTAL_AT_END.exec(prefix);
  if (total && hasListing) return { kind: "total", keyword: total[1]! };
  if (!total) {
    const item = matchItem(prefix, project.allocations);
    if (item && "item" in item) return { kind: "item", item: item.item };
    const fee = lastFeeWord(prefix);
    if (item || fee) return { kind: "unmatchedItem", fee: fee ?? "" };
  }
  let best: { end: number; word: string; kind: FigureKind } | null = null;
  for (const k of KEYWORDS) {
    const at = prefix.lastIndexOf(k.word);
    if (at < 0) continue;
    const end = at + k.word.length;
    if (!best || end > best.end || (end === best.end && k.word.length > best.word.length)) {
      best = { end, word: k.word, kind: k.kind };
    }
  }
  if (best) return { kind: "figure", figure: best.kind, keyword: best.word };
  return { kind: "unknown" };
}

/**
 * "29.99万元用于会务费" states an allocation by its purpose, after the amount. The purpose
 * (up to the clause's end) is matched against the allocation table like a prefix is; a
 * purpose that carries amounts of its own ("18万元用于会务费3万元和…") is a listing, not an item.
 */
const PURPOSE_AFTER = /^[ 	　]*(?:专项|主要|全部|均|将)?用于([^，。；,;！？\n]{1,40})/;
function allocationByPurpose(suffix: string, project: ProjectFigures): { item: string; amount: string } | null {
  const m = PURPOSE_AFTER.exec(suffix);
  if (!m || project.allocations.length === 0) return null;
  const purpose = m[1]!;
  if (/\d/.test(purpose)) return null;
  const found = matchItem(purpose, project.allocations);
  return found && "item" in found ? found.item : null;
}

/** An execution-rate keyword right before the percentage (only connectors in between). */
const EXECUTION_RATE_CONTEXT = /(执行率|完成预算|完成全年预算|完成年度预算|预算完成率|执行进度)(的|为|达|达到|是|了)*$/;
const PERCENT_SKIP_CONTEXT = /(占|比|同比|增长|下降|增加|减少)/;

// ------------------------------------------------------------------ formatting

/** Heading as shown in messages: blanks removed, "．" → ".", "2.、" → "2.", trailing punctuation dropped. */
function cleanHeading(heading: string): string {
  return heading
    .replace(/[\s\u3000]+/g, "")
    .replace(/．/g, ".")
    .replace(/^((?:\d+\.)+)、/, "$1")
    .replace(/^(（[一二三四五六七八九十百]+）)、/, "$1")
    .replace(/[。.，,：:；;]+$/, "");
}

const NUMBER_PREFIX =
  /^(?:[一二三四五六七八九十百]+、|（[一二三四五六七八九十百\d]+）|\([一二三四五六七八九十百\d]+\)|\d+(?:\.\d+)*[.、])/;

/**
 * The section as named in messages: the numbering of its ancestors (looked up by dotted key: "2",
 * "2.2" for "2.2.2") followed by its own cleaned heading, e.g. "二、（二）2.资金到位".
 */
export function sectionLabel(section: NarrativeSection, sections: NarrativeSection[]): string {
  const parts = section.key.split(".");
  let label = "";
  for (let i = 1; i < parts.length; i++) {
    const key = parts.slice(0, i).join(".");
    const parent = sections.find((s) => s.key === key);
    if (!parent) continue;
    const m = NUMBER_PREFIX.exec(cleanHeading(parent.heading));
    if (m) label += m[0];
  }
  const own = cleanHeading(section.heading);
  return label + (own || `第${section.key}节`);
}

/** 万元 text with at least two decimals, more when the value has them (exact, never rounded). */
const formatWan = (d: Decimal) => atLeast2(d);
const formatPercent = (d: Decimal) => fmt2(d);
const parseAmount = (raw: string | undefined) => decimalOrNull(raw);

// ------------------------------------------------------------------ the check

type Expected = { value: Decimal; accept: Decimal[]; label: string; noun: string; note?: string };

function expectedFigure(kind: FigureKind, project: ProjectFigures): Expected | null {
  const budget = parseAmount(project.budget);
  const initial = parseAmount(project.initialBudget);
  switch (kind) {
    case "initialBudget":
      if (initial) return { value: initial, accept: [initial], label: "年初预算数", noun: "年初预算" };
      if (budget) {
        return {
          value: budget,
          accept: [budget],
          label: "全年预算数",
          noun: "年初预算",
          note: "（项目未填年初预算数，按全年预算数核对）",
        };
      }
      return null;
    case "fullYearBudget":
      return budget ? { value: budget, accept: [budget], label: "全年预算数", noun: "全年预算" } : null;
    case "budget":
      return budget
        ? { value: budget, accept: initial ? [budget, initial] : [budget], label: "全年预算数", noun: "预算" }
        : null;
    case "executed": {
      const executed = parseAmount(project.executed);
      return executed ? { value: executed, accept: [executed], label: "全年执行数", noun: "执行" } : null;
    }
    case "fiscalBudget": {
      const v = parseAmount(project.fiscalBudget);
      return v ? { value: v, accept: [v], label: "财政拨款预算数", noun: "财政拨款" } : null;
    }
    case "otherBudget": {
      const v = parseAmount(project.otherBudget);
      return v ? { value: v, accept: [v], label: "其他资金预算数", noun: "其他资金" } : null;
    }
  }
}

/** Reference values of the execution rate (%): exact executed ÷ budget × 100, and the caller's. */
function executionRateRefs(project: ProjectFigures): { refs: Decimal[]; shown: string } | null {
  const refs: Decimal[] = [];
  let shown: string | null = null;
  const given = parseAmount(project.executionRate);
  const budget = parseAmount(project.budget);
  const executed = parseAmount(project.executed);
  if (budget && executed && budget.greaterThan(0)) {
    const exact = executed.times(100).dividedBy(budget);
    refs.push(exact);
    shown = formatPercent(exact);
  }
  if (given) {
    refs.push(given);
    shown = formatPercent(given);
  }
  return shown === null ? null : { refs, shown };
}

function percentMatches(stated: PercentMention, refs: Decimal[]): boolean {
  const tolerance = new Decimal(5).times(new Decimal(10).pow(-(stated.decimals + 1)));
  return refs.some((v) => v.minus(stated.value).abs().lessThanOrEqualTo(tolerance));
}

function sum(values: Decimal[]): Decimal {
  return values.reduce((acc, v) => acc.plus(v), new Decimal(0));
}

export function checkNarrative(
  project: ProjectFigures,
  sections: NarrativeSection[],
  options: CheckOptions = {},
): Finding[] {
  const severityOf = (code: FindingCode): FindingSeverity => options.severity?.[code] ?? DEFAULT_SEVERITY[code];
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const allocationTotal =
    project.allocations.length > 0
      ? (() => {
          const values = project.allocations.map((a) => parseAmount(a.amount));
          return values.every((v): v is Decimal => v !== null) ? sum(values) : null;
        })()
      : null;

  const rate = executionRateRefs(project);

  for (const section of sections) {
    const body = section.body;
    if (body.trim() === "") continue;
    const norm = normalizeDigits(body);
    const label = sectionLabel(section, sections);
    const local: { at: number; finding: Finding }[] = [];
    const add = (at: number, code: FindingCode, f: Omit<Finding, "severity" | "code" | "sectionKey" | "heading">) => {
      const key = `${f.stated}\u0000${f.expected}`;
      if (seen.has(`${section.key}\u0000${key}`)) return;
      seen.add(`${section.key}\u0000${key}`);
      local.push({
        at,
        finding: { severity: severityOf(code), code, sectionKey: section.key, heading: section.heading, ...f },
      });
    };

    // ---- money
    let listing: AmountMention[] = [];
    let sentenceStart = -1;
    for (const a of extractAmounts(body)) {
      const s = sentenceBounds(norm, a.start).start;
      if (s !== sentenceStart) {
        sentenceStart = s;
        listing = [];
      }
      const prefix = clausePrefix(norm, a.start);
      const purpose = allocationByPurpose(norm.slice(a.end), project);
      const c: Classification = purpose ? { kind: "item", item: purpose, byPurpose: true } : classify(prefix, project, listing.length >= 2);
      const excerpt = makeExcerpt(body, a.start, a.end);
      if (c.kind === "skip") continue;
      if (c.kind === "unknown" || c.kind === "unmatchedItem") {
        listing.push(a);
        continue;
      }
      if (c.kind === "item") {
        listing.push(a);
        const want = parseAmount(c.item.amount);
        if (a.approximate || !want || a.wanYuan.equals(want)) continue;
        add(a.start, "ALLOCATION_ITEM_MISMATCH", {
          excerpt,
          stated: a.raw,
          expected: `${formatWan(want)}万元（资金分配：${c.item.item}）`,
          message: c.byPurpose
            ? `“${label}”写明${a.raw}用于${c.item.item}，与项目资金分配中${c.item.item}${formatWan(want)}万元不一致`
            : `“${label}”写明${c.item.item}${a.raw}，与项目资金分配中${c.item.item}${formatWan(want)}万元不一致`,
        });
        continue;
      }
      if (c.kind === "total") {
        const parts = listing;
        listing = [];
        if (a.approximate) continue;
        if (!parts.some((p) => p.approximate)) {
          const listed = sum(parts.map((p) => p.wanYuan));
          if (!listed.equals(a.wanYuan)) {
            add(a.start, "ALLOCATION_SUM_MISMATCH", {
              excerpt,
              stated: a.raw,
              expected: `${formatWan(listed)}万元（所列各项之和）`,
              message: `“${label}”所列各项金额之和为${formatWan(listed)}万元，与文中“${c.keyword}${a.raw}”不一致`,
            });
          }
        }
        if (allocationTotal && !allocationTotal.equals(a.wanYuan)) {
          add(a.start, "AMOUNT_MISMATCH", {
            excerpt,
            stated: a.raw,
            expected: `${formatWan(allocationTotal)}万元（资金分配合计）`,
            message: `“${label}”写明资金分配${c.keyword}${a.raw}，与项目资金分配合计${formatWan(allocationTotal)}万元不一致`,
          });
        }
        continue;
      }
      // c.kind === "figure": budget / execution / funding source; not part of a listing.
      if (a.approximate) continue;
      const want = expectedFigure(c.figure, project);
      if (!want || want.accept.some((v) => v.equals(a.wanYuan))) continue;
      const noun = c.figure === "executed" ? c.keyword : want.noun;
      add(a.start, "AMOUNT_MISMATCH", {
        excerpt,
        stated: a.raw,
        expected: `${formatWan(want.value)}万元（${want.label}）`,
        message: `“${label}”写明${noun}${a.raw}，与项目${want.label}${formatWan(want.value)}万元不一致${want.note ?? ""}`,
      });
    }

    // ---- percentages (execution rate only)
    if (rate) {
      for (const p of extractPercents(body)) {
        const prefix = clausePrefix(norm, p.start);
        if (PERCENT_SKIP_CONTEXT.test(prefix) || !EXECUTION_RATE_CONTEXT.test(prefix)) continue;
        if (p.approximate || percentMatches(p, rate.refs)) continue;
        add(p.start, "PERCENT_MISMATCH", {
          excerpt: makeExcerpt(body, p.start, p.end),
          stated: p.raw,
          expected: `${rate.shown}%（预算执行率）`,
          message: `“${label}”写明预算执行率${p.raw}，与项目预算执行率${rate.shown}%不一致`,
        });
      }
    }

    local.sort((x, y) => x.at - y.at);
    findings.push(...local.map((l) => l.finding));
  }
  return findings;
}
