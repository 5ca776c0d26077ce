/**
 * Everything the final accounts derive from the entered parts, as the editor shows
 * them: totals, shares, completion rates, year-on-year changes, computed by
 * lib/year-figures (the published document and the overall report's drafts use the
 * same computation). Pure and client-safe (the editor shows them live; the server
 * check uses the same result).
 * Money in 万元 decimal strings; results rounded half-up to two decimals as the
 * official tables print them.
 */
import { Decimal, fmt2, percent } from "@/lib/money";
import { parseAmount } from "@/lib/money-input";
import { computeYearFigures, type Change } from "@/lib/year-figures/compute";
import { INCOME_SOURCES, THREE_PUBLIC_KINDS, type FinalAccountsInput } from "./schema";

import type { ItemCode } from "@/features/function-classes/item-codes";

export type FunctionCodeInfo = ItemCode;

/** A cell as typed (the editor computes live): what parseAmount reads, else 0 (the field shows why). */
const dec = (s: string | undefined | null) => {
  const p = parseAmount(s);
  return new Decimal(p.ok ? p.value : "0");
};
/** Whether a cell holds an amount (blank and dashes do not: not applicable / not entered). */
const has = (s: string | undefined | null) => {
  const p = parseAmount(s);
  return p.ok && !p.empty;
};

/** 万元 with two decimals. */
export const wan2 = (d: Decimal) => fmt2(d);
/** part / whole in % with two decimals; null when the whole is zero. */
export const pct2 = (part: Decimal, whole: Decimal) => percent(part, whole);

/** A typed cell as the computation reads it: its amount, or null when blank or not an amount. */
const amount = (s: string | undefined | null) => (has(s) ? dec(s) : null);

/** A change against the previous year as the editor shows it (万元 and % with two decimals). */
const shown = (c: Change | null) => (c == null ? null : { prior: wan2(c.previous), change: wan2(c.change), percent: c.percent });

export function computeFinalAccounts(v: FinalAccountsInput, codes: FunctionCodeInfo[] = []) {
  const byCode = new Map(codes.map((c) => [c.code, c]));
  const f = computeYearFigures({
    income: INCOME_SOURCES.map((s) => ({ source: s, amount: amount(v.income[s]) })),
    lines: v.lines.map((l) => {
      const info = byCode.get(l.functionCode);
      return { code: l.functionCode, classCode: info?.classCode ?? l.functionCode.slice(0, 3), className: info?.className ?? "", basic: dec(l.basic), project: dec(l.project), budget: amount(l.budget) };
    }),
    openingBalance: dec(v.balances.opening),
    threePublic: THREE_PUBLIC_KINDS.map((k) => ({ kind: k, amount: dec(v.threePublic[k].amount) })),
    threePublicBudget: amount(v.threePublicBudget),
    operatingExpenses: dec(v.other.operatingExpenses),
    prior: {
      incomeExpenditure: amount(v.prior.incomeExpenditure),
      fiscal: amount(v.prior.fiscal),
      generalBudget: amount(v.prior.generalBudget),
      vehicles: amount(v.prior.vehicles),
      reception: amount(v.prior.reception),
      operatingExpenses: amount(v.prior.operatingExpenses),
    },
  });
  const e = f.expenditure;
  const procurement = dec(v.other.procurementGoods).plus(dec(v.other.procurementWorks)).plus(dec(v.other.procurementServices));
  const incomeExpenditure = f.incomeExpenditure ?? f.income.total;

  return {
    raw: { income: f.income.total, expenditure: e.total, basic: e.basic, project: e.project, budget: e.budget, opening: f.openingBalance ?? new Decimal(0), closing: dec(v.balances.closing), incomeExpenditure, threePublic: f.threePublic.total, procurement },
    income: wan2(f.income.total),
    incomeShares: Object.fromEntries(f.income.bySource.map((s) => [s.source, s.share])) as Record<(typeof INCOME_SOURCES)[number], string | null>,
    incomeExpenditure: { amount: wan2(incomeExpenditure), change: shown(f.changes.incomeExpenditure) },
    fiscal: { amount: wan2(f.fiscalIncome), change: shown(f.changes.fiscal) },
    expenditure: wan2(e.total),
    basic: { amount: wan2(e.basic), share: e.basicShare },
    project: { amount: wan2(e.project), share: e.projectShare },
    budget: wan2(e.budget),
    completion: e.completion,
    generalBudgetChange: shown(f.changes.generalBudget),
    lines: f.lines.map((l) => ({ total: wan2(l.total), completion: l.completion, differs: l.differs })),
    byClass: f.byClass.map((c) => ({ code: c.code, name: c.name, amount: wan2(c.amount), share: c.share })),
    threePublic: {
      total: wan2(f.threePublic.total),
      completion: f.threePublic.completion,
      vehicles: { amount: wan2(f.threePublic.vehicles.amount), share: f.threePublic.vehicles.share, change: shown(f.changes.vehicles) },
      reception: { amount: wan2(f.threePublic.reception.amount), share: f.threePublic.reception.share, change: shown(f.changes.reception) },
    },
    procurement: { total: wan2(procurement), smeShare: pct2(dec(v.other.procurementSme), procurement) },
    operatingExpenses: { amount: wan2(f.operatingExpenses ?? new Decimal(0)), change: shown(f.changes.operatingExpenses) },
  };
}

export type FinalAccountsComputed = ReturnType<typeof computeFinalAccounts>;
export { dec as wanDecimal, has as hasAmount };
