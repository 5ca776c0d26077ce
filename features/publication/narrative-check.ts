/**
 * Does the year document's text say what its tables say? Each 决算情况说明 paragraph
 * states figures (“本年支出合计421.85万元”, “减少30.09万元，下降6.66%”); this compares
 * those statements with the figures computed from the stored lines and names every
 * one that disagrees. Pure and browser-safe; the figure extraction is the one the
 * self-evaluation check uses (features/reports/consistency/check.ts).
 *
 * A statement is matched to a figure by its section and by the words just before it
 * (its clause). Anything not recognised is left alone: silence, never noise.
 */
import { Decimal, fmt2, round2 } from "@/lib/money";
import { extractAmounts, extractPercents } from "@/lib/narrative-figures";
import type { YearDocument } from "./year-document";

export type NarrativeFinding = { sectionKey: string; heading: string; stated: string; computed: string; subject: string };

type Change = { change?: string | null; percent?: string | null } | null | undefined;
type Rule = { subject: string; words: RegExp; amount?: string | null; change?: Change; share?: string | null };

const CHANGE_UP = /(增加|增长|上升|提高)$/;
const CHANGE_DOWN = /(减少|下降|降低)$/;
const CLAUSE_END = /[，,。；;：:！？\n]/;

/** The figures each section speaks about, most specific first. */
function rulesFor(doc: YearDocument): Record<string, Rule[]> {
  const t = doc.totals;
  const f = (k: string) => doc.figures[k]?.amount ?? null;
  return {
    "finalAccounts.overview": [{ subject: "收、支总计", words: /收、?支总计/, amount: t.incomeExpenditure.amount, change: t.incomeExpenditure }],
    "finalAccounts.income": [{ subject: "本年收入合计", words: /收入合计/, amount: t.income.amount }],
    "finalAccounts.expenditure": [
      { subject: "本年支出合计", words: /支出合计/, amount: t.expenditure.amount },
      { subject: "基本支出", words: /基本支出/, amount: t.basic.amount, share: t.basic.share },
      { subject: "项目支出", words: /项目支出/, amount: t.project.amount, share: t.project.share },
    ],
    "finalAccounts.fiscalAppropriation": [{ subject: "财政拨款收、支总计", words: /收、?支总计/, amount: t.fiscal.amount, change: t.fiscal }],
    "finalAccounts.generalBudget.overall": [{ subject: "一般公共预算财政拨款支出", words: /(支出|财政拨款)/, amount: t.generalBudget.amount, change: t.generalBudget }],
    "finalAccounts.basicExpenditure": [
      { subject: "人员经费", words: /人员经费/, amount: doc.basicItems.personnel.amount },
      { subject: "日常公用经费", words: /公用经费/, amount: doc.basicItems.publicUse.amount },
      { subject: "基本支出", words: /基本支出/, amount: t.basic.amount },
    ],
    "finalAccounts.threePublicExpenses.overall": [{ subject: "“三公”经费财政拨款支出", words: /(决算为|支出)/, amount: doc.threePublic.total }],
    "finalAccounts.threePublicExpenses.detail.vehicles": [{ subject: "公务用车购置及运行维护费", words: /(公务用车|支出)/, amount: doc.threePublic.vehicles.amount, change: doc.threePublic.vehicles }],
    "finalAccounts.threePublicExpenses.detail.reception": [{ subject: "公务接待费", words: /(公务接待费支出|接待费支出)/, amount: doc.threePublic.reception.amount, change: doc.threePublic.reception }],
    "finalAccounts.otherMatters.operatingExpenses": [{ subject: "机关运行经费", words: /机关运行经费/, amount: doc.operatingExpenses.amount, change: doc.operatingExpenses }],
    "finalAccounts.otherMatters.procurement": [{ subject: "政府采购支出总额", words: /采购支出总额/, amount: f("procurement.total") }],
  };
}

const abs = (v: string) => new Decimal(v).abs();
/** A stated percentage with d decimals matches when it is the computed value rounded to d decimals (100% matches 99.5–100.5). */
const percentMatches = (stated: Decimal, decimals: number, computed: Decimal) => computed.minus(stated).abs().lessThanOrEqualTo(new Decimal(5).times(new Decimal(10).pow(-(decimals + 1))));

/** The clause before a figure: back to the previous punctuation, at most 24 characters. */
function clauseBefore(text: string, start: number) {
  let i = start;
  while (i > 0 && start - i < 24 && !CLAUSE_END.test(text[i - 1]!)) i--;
  return text.slice(i, start).trim();
}

function lastIndexOf(re: RegExp, text: string) {
  let at = -1;
  for (const m of text.matchAll(new RegExp(re.source, "g"))) at = m.index;
  return at;
}

export function checkYearDocumentNarrative(doc: YearDocument): NarrativeFinding[] {
  const rules = rulesFor(doc);
  const findings: NarrativeFinding[] = [];
  for (const section of doc.sections) {
    const sectionRules = rules[section.key];
    if (!sectionRules || !section.body.trim()) continue;
    const text = section.body;
    const push = (subject: string, stated: string, computed: string) => {
      if (!findings.some((x) => x.sectionKey === section.key && x.stated === stated)) findings.push({ sectionKey: section.key, heading: section.heading, stated, computed, subject });
    };
    // Only the first statement of each subject's amount is checked: later ones speak of its parts
    // (“其中：公务用车购置费支出0万元”) or of other years.
    const seen = new Set<Rule>();
    for (const m of extractAmounts(text)) {
      if (m.approximate || m.unit !== "万元") continue;
      const clause = clauseBefore(text, m.start);
      const direction = CHANGE_DOWN.test(clause) ? -1 : CHANGE_UP.test(clause) ? 1 : 0;
      if (direction !== 0) {
        const rule = sectionRules.find((r) => r.change?.change != null);
        const change = rule?.change?.change;
        if (!rule || change == null) continue;
        const sameDirection = new Decimal(change).isZero() || Math.sign(Number(change)) === direction;
        if (!sameDirection || !abs(change).equals(round2(m.wanYuan))) {
          push(`${rule.subject}比上年变动`, `${clause.slice(-2)}${m.raw}`, `${Number(change) < 0 ? "减少" : "增加"}${fmt2(abs(change))}万元`);
        }
        continue;
      }
      if (/(上年|同比|比\d{4}年)/.test(clause)) continue;
      const rule = sectionRules.find((r) => r.amount != null && r.words.test(clause));
      if (!rule || seen.has(rule)) continue;
      seen.add(rule);
      if (!new Decimal(rule.amount!).equals(round2(m.wanYuan))) push(rule.subject, m.raw, `${rule.amount}万元`);
    }
    for (const p of extractPercents(text)) {
      if (p.approximate) continue;
      const clause = clauseBefore(text, p.start);
      if (CHANGE_DOWN.test(clause) || CHANGE_UP.test(clause)) {
        const rule = sectionRules.find((r) => r.change?.percent != null);
        const percent = rule?.change?.percent;
        if (rule && percent != null && !percentMatches(p.value, p.decimals, abs(percent))) {
          push(`${rule.subject}比上年变动率`, `${clause.slice(-2)}${p.raw}`, `${Number(percent) < 0 ? "下降" : "增长"}${fmt2(abs(percent))}%`);
        }
        continue;
      }
      if (!/占$/.test(clause)) continue;
      // “基本支出349.34万元，占82.81%”: the share belongs to the subject of the amount just before it.
      const before = text.slice(0, p.start);
      const rule = sectionRules
        .filter((r) => r.share != null)
        .map((r) => ({ r, at: lastIndexOf(r.words, before) }))
        .filter((x) => x.at >= 0)
        .sort((a, b) => b.at - a.at)[0]?.r;
      if (rule && !percentMatches(p.value, p.decimals, new Decimal(rule.share!))) push(`${rule.subject}占比`, p.raw, `${rule.share}%`);
    }
  }
  return findings;
}
