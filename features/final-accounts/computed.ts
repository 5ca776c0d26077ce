/**
 * Everything the final accounts derive from the entered parts: totals, shares,
 * completion rates, year-on-year changes. Pure and client-safe (the editor shows
 * them live; the server check and the published document use the same rules).
 * Money in 万元 decimal strings; results rounded half-up to two decimals as the
 * official tables print them.
 */
import { Decimal, fmt2, percent, sum } from "@/lib/money";
import { parseAmount } from "@/lib/money-input";
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

function change(current: Decimal, prior: string | undefined) {
  if (!has(prior)) return null;
  const p = dec(prior);
  const diff = current.minus(p);
  return { prior: wan2(p), change: wan2(diff), percent: pct2(diff, p) };
}

export function computeFinalAccounts(v: FinalAccountsInput, codes: FunctionCodeInfo[] = []) {
  const income = sum(INCOME_SOURCES.map((s) => dec(v.income[s])));
  const lines = v.lines.map((l) => {
    const total = dec(l.basic).plus(dec(l.project));
    return { code: l.functionCode, total, budget: has(l.budget) ? dec(l.budget) : null };
  });
  const expenditure = sum(lines.map((l) => l.total));
  const basic = sum(v.lines.map((l) => dec(l.basic)));
  const project = sum(v.lines.map((l) => dec(l.project)));
  const budget = sum(lines.map((l) => l.budget ?? new Decimal(0)));
  const opening = dec(v.balances.opening);
  const closing = dec(v.balances.closing);
  const incomeExpenditure = opening.plus(income);
  const fiscalIncome = dec(v.income.GENERAL_BUDGET).plus(dec(v.income.GOV_FUND)).plus(dec(v.income.SOE_CAPITAL));

  const byCode = new Map(codes.map((c) => [c.code, c]));
  const classes = new Map<string, { code: string; name: string; amount: Decimal }>();
  for (const l of lines) {
    const info = byCode.get(l.code);
    const key = info?.classCode ?? l.code.slice(0, 3);
    const c = classes.get(key) ?? { code: key, name: info?.className ?? "", amount: new Decimal(0) };
    c.amount = c.amount.plus(l.total);
    classes.set(key, c);
  }

  const tp = Object.fromEntries(THREE_PUBLIC_KINDS.map((k) => [k, dec(v.threePublic[k].amount)])) as Record<(typeof THREE_PUBLIC_KINDS)[number], Decimal>;
  const threePublic = sum(Object.values(tp));
  const vehicles = tp.VEHICLE_PURCHASE.plus(tp.VEHICLE_OPERATION);
  const reception = tp.RECEPTION_DOMESTIC.plus(tp.RECEPTION_FOREIGN);
  const procurement = dec(v.other.procurementGoods).plus(dec(v.other.procurementWorks)).plus(dec(v.other.procurementServices));
  const operating = dec(v.other.operatingExpenses);

  return {
    raw: { income, expenditure, basic, project, budget, opening, closing, incomeExpenditure, threePublic, procurement },
    income: wan2(income),
    incomeShares: Object.fromEntries(INCOME_SOURCES.map((s) => [s, has(v.income[s]) ? pct2(dec(v.income[s]), income) : null])) as Record<(typeof INCOME_SOURCES)[number], string | null>,
    incomeExpenditure: { amount: wan2(incomeExpenditure), change: change(incomeExpenditure, v.prior.incomeExpenditure) },
    fiscal: { amount: wan2(fiscalIncome), change: change(fiscalIncome, v.prior.fiscal) },
    expenditure: wan2(expenditure),
    basic: { amount: wan2(basic), share: pct2(basic, expenditure) },
    project: { amount: wan2(project), share: pct2(project, expenditure) },
    budget: wan2(budget),
    completion: pct2(expenditure, budget),
    generalBudgetChange: change(expenditure, v.prior.generalBudget),
    lines: lines.map((l) => ({ total: wan2(l.total), completion: l.budget ? pct2(l.total, l.budget) : null, differs: l.budget != null && !l.budget.equals(l.total) })),
    byClass: [...classes.values()].map((c) => ({ code: c.code, name: c.name, amount: wan2(c.amount), share: pct2(c.amount, expenditure) })),
    threePublic: {
      total: wan2(threePublic),
      completion: has(v.threePublicBudget) ? pct2(threePublic, dec(v.threePublicBudget)) : null,
      vehicles: { amount: wan2(vehicles), share: pct2(vehicles, threePublic), change: change(vehicles, v.prior.vehicles) },
      reception: { amount: wan2(reception), share: pct2(reception, threePublic), change: change(reception, v.prior.reception) },
    },
    procurement: { total: wan2(procurement), smeShare: pct2(dec(v.other.procurementSme), procurement) },
    operatingExpenses: { amount: wan2(operating), change: change(operating, v.prior.operatingExpenses) },
  };
}

export type FinalAccountsComputed = ReturnType<typeof computeFinalAccounts>;
export { dec as wanDecimal, has as hasAmount };
