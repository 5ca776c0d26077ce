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
import { Decimal } from "@/lib/money";
import { clausePrefix, extractAmounts, extractPercents, makeExcerpt, normalizeDigits, sentenceBounds, type AmountMention } from "@/lib/narrative-figures";
import { allocationByPurpose, type Classification, classify, EXECUTION_RATE_CONTEXT, PERCENT_SKIP_CONTEXT } from "./classify";
import { executionRateRefs, expectedFigure, formatWan, parseAmount, percentMatches, sum } from "./figures";
import type { CheckOptions, Finding, FindingCode, FindingSeverity, NarrativeSection, ProjectFigures } from "./types";

export const DEFAULT_SEVERITY: Readonly<Record<FindingCode, FindingSeverity>> = {
  AMOUNT_MISMATCH: "warning",
  PERCENT_MISMATCH: "warning",
  ALLOCATION_SUM_MISMATCH: "warning",
  ALLOCATION_ITEM_MISMATCH: "warning",
};


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
