/**
 * The one computation of a department-year's figures (部门决算): totals, shares, budget
 * completion, expenditure by 功能分类 类, 类/款/项 subtotals and year-on-year changes. The final
 * accounts editor (live, in the browser) and its check, the published year document, the
 * overall report's drafts and every table view and exporter take their numbers from here; they
 * only lay them out.
 *
 * Pure and browser-safe. Unit-agnostic: every amount of one input is in the same unit (元 as
 * stored, or 万元 as typed) and every amount of the result is exact in that unit; callers print
 * them with lib/money.ts (formatWan for 元, fmt2 for 万元). Percentages are rounded as the
 * official tables print them (two decimals, half up; `percent` in lib/money.ts) and are null when
 * the whole is zero or unknown. An amount that is null / undefined is "not entered".
 */
import { Decimal, percent, sum, toDecimal, type DecimalLike } from "@/lib/money";

export type Amount = DecimalLike | null | undefined;

/** 财政拨款收入: the three kinds of fiscal appropriation among the income sources. */
export const FISCAL_INCOME_SOURCES = ["GENERAL_BUDGET", "GOV_FUND", "SOE_CAPITAL"] as const;

/** The previous year's figures a year compares with (上年决算数). */
export type PriorKey = "incomeExpenditure" | "fiscal" | "generalBudget" | "vehicles" | "reception" | "operatingExpenses";

export type YearFiguresInput = {
  income: { source: string; amount: Amount }[];
  /** Expenditure by 功能分类 项, each with the 类 it belongs to (code and name). */
  lines: { code: string; classCode: string; className: string; basic: Amount; project: Amount; budget: Amount }[];
  /** 年初结转和结余; the 收支总计 is unknown without it. */
  openingBalance: Amount;
  threePublic: { kind: string; amount: Amount }[];
  /** The “三公” budget as a whole, when entered. */
  threePublicBudget?: Amount;
  operatingExpenses?: Amount;
  prior?: Partial<Record<PriorKey, Amount>>;
};

/** A figure against the previous year: the previous amount, the difference and the difference in % of it. */
export type Change = { previous: Decimal; change: Decimal; percent: string | null };

const present = (v: Amount): v is DecimalLike => v != null && v !== "";
const dec = (v: Amount): Decimal | null => (present(v) ? toDecimal(v) : null);

/** `current` against `previous`; null when either is unknown. */
export function change(current: Amount, previous: Amount): Change | null {
  const c = dec(current);
  const p = dec(previous);
  if (c == null || p == null) return null;
  const diff = c.minus(p);
  return { previous: p, change: diff, percent: percent(diff, p) };
}

function budgetedLines(lines: { total: Decimal; budget: Decimal | null }[]) {
  const budget = sum(lines.map((l) => l.budget));
  const spent = sum(lines.map((l) => l.total));
  return { count: lines.length, budget, spent, completion: percent(spent, budget) };
}

export function computeYearFigures(input: YearFiguresInput) {
  const prior = input.prior ?? {};
  const income = sum(input.income.map((l) => l.amount));
  const fiscalIncome = sum(input.income.filter((l) => (FISCAL_INCOME_SOURCES as readonly string[]).includes(l.source)).map((l) => l.amount));
  const opening = dec(input.openingBalance);
  const incomeExpenditure = opening == null ? null : opening.plus(income);

  const lines = input.lines.map((l) => {
    const total = sum([l.basic, l.project]);
    const budget = dec(l.budget);
    return { code: l.code, total, budget, completion: percent(total, budget), differs: budget != null && !budget.equals(total) };
  });
  const expenditure = sum(lines.map((l) => l.total));
  const basic = sum(input.lines.map((l) => l.basic));
  const project = sum(input.lines.map((l) => l.project));
  const budget = sum(lines.map((l) => l.budget));

  const classes = new Map<string, { code: string; name: string; amount: Decimal }>();
  input.lines.forEach((l, i) => {
    const c = classes.get(l.classCode) ?? { code: l.classCode, name: l.className, amount: new Decimal(0) };
    c.amount = c.amount.plus(lines[i]!.total);
    classes.set(l.classCode, c);
  });

  // Lines with a budget of their own: what a completion rate over part of the lines compares.
  const budgeted = lines.filter((l) => l.budget != null);

  const tpAmount = (...kinds: string[]) => sum(input.threePublic.filter((l) => kinds.includes(l.kind)).map((l) => l.amount));
  const threePublic = sum(input.threePublic.map((l) => l.amount));
  const vehicles = tpAmount("VEHICLE_PURCHASE", "VEHICLE_OPERATION");
  const reception = tpAmount("RECEPTION_DOMESTIC", "RECEPTION_FOREIGN");

  return {
    income: {
      total: income,
      bySource: input.income.map((l) => ({ source: l.source, amount: dec(l.amount), share: present(l.amount) ? percent(l.amount, income) : null })),
    },
    fiscalIncome,
    openingBalance: opening,
    incomeExpenditure,
    expenditure: {
      total: expenditure,
      basic,
      basicShare: percent(basic, expenditure),
      project,
      projectShare: percent(project, expenditure),
      budget,
      completion: percent(expenditure, budget),
    },
    lines,
    byClass: [...classes.values()].map((c) => ({ ...c, share: percent(c.amount, expenditure) })),
    budgeted: budgetedLines(budgeted),
    threePublic: {
      total: threePublic,
      completion: present(input.threePublicBudget) ? percent(threePublic, input.threePublicBudget) : null,
      byKind: input.threePublic.map((l) => ({ kind: l.kind, amount: dec(l.amount), share: percent(l.amount, threePublic) })),
      vehicles: { amount: vehicles, share: percent(vehicles, threePublic) },
      reception: { amount: reception, share: percent(reception, threePublic) },
    },
    operatingExpenses: dec(input.operatingExpenses),
    changes: {
      incomeExpenditure: change(incomeExpenditure, prior.incomeExpenditure),
      fiscal: change(fiscalIncome, prior.fiscal),
      generalBudget: change(expenditure, prior.generalBudget),
      vehicles: change(vehicles, prior.vehicles),
      reception: change(reception, prior.reception),
      operatingExpenses: change(input.operatingExpenses, prior.operatingExpenses),
    },
  };
}

export type YearFigures = ReturnType<typeof computeYearFigures>;

/**
 * The budget of a group of lines (the “三公” groups): known when every line that spent something
 * has a budget of its own; null otherwise, or when no line has one.
 */
export function groupBudget(lines: { amount: Amount; budget: Amount }[]): Decimal | null {
  const budgets = lines.filter((l) => present(l.budget)).map((l) => l.budget);
  const unknown = lines.some((l) => !present(l.budget) && present(l.amount) && !toDecimal(l.amount).isZero());
  return budgets.length > 0 && !unknown ? sum(budgets) : null;
}

/**
 * 财政拨款收入支出决算总表: this year's fiscal income and spending, and the opening and closing
 * balances derived from the 收支总计 (not published on their own): total − income, total − spending.
 */
export function fiscalSummary(args: { income: Amount[]; spending: Amount[]; total: Amount }) {
  const income = sum(args.income);
  const spending = sum(args.spending);
  const total = dec(args.total);
  return { income, spending, total, opening: total == null ? null : total.minus(income), closing: total == null ? null : total.minus(spending) };
}

// ───────────────────────────── 类 / 款 / 项 rows ─────────────────────────────

export type FunctionLine = { code: string; className: string; subclassName: string; itemName: string; budget: Amount; basic: Amount; project: Amount; amount: Amount; reason: string };

export type FunctionRow = {
  /** 0 = 类, 1 = 款, 2 = 项. */
  level: 0 | 1 | 2;
  code: string;
  name: string;
  /** Null when a line of the group has no budget (the subtotal's budget is then unknown). */
  budget: Decimal | null;
  basic: Decimal;
  project: Decimal;
  amount: Decimal;
  completion: string | null;
  /** The line's 差异原因 (项 rows only). */
  reason: string | null;
};

function group(level: FunctionRow["level"], code: string, name: string, lines: FunctionLine[]): FunctionRow {
  const budget = lines.every((l) => present(l.budget)) ? sum(lines.map((l) => l.budget)) : null;
  const amount = sum(lines.map((l) => l.amount));
  return {
    level,
    code,
    name,
    budget,
    basic: sum(lines.map((l) => l.basic)),
    project: sum(lines.map((l) => l.project)),
    amount,
    completion: budget == null ? null : percent(amount, budget),
    reason: level === 2 ? lines[0]!.reason || null : null,
  };
}

/**
 * The 类/款/项 table of expenditure lines (codes 3/5/7 digits): a 类 and a 款 row with their
 * subtotals before the first of their lines (holding all of them), then each 项, in the order of
 * the lines; and the total over all lines. A level whose name is unknown gets no row.
 */
export function functionRows(lines: FunctionLine[]): { rows: FunctionRow[]; total: FunctionRow } {
  const rows: FunctionRow[] = [];
  const seen = new Set<string>();
  for (const l of lines) {
    const levels: [string, string, 0 | 1][] = [
      [l.code.slice(0, 3), l.className, 0],
      [l.code.slice(0, 5), l.subclassName, 1],
    ];
    for (const [code, name, level] of levels) {
      if (!name || code.length === l.code.length || seen.has(code)) continue;
      seen.add(code);
      rows.push(group(level, code, name, lines.filter((x) => x.code.startsWith(code))));
    }
    rows.push(group(2, l.code, l.itemName, [l]));
  }
  return { rows, total: group(0, "", "合计", lines) };
}
