/** What the project's figures say: the expected value for each kind of figure, and the execution rate. */
import { Decimal, atLeast2, decimalOrNull, fmt2 } from "@/lib/money";
import type { PercentMention } from "@/lib/narrative-figures";
import type { FigureKind } from "./classify";
import type { ProjectFigures } from "./types";

/** 万元 text with at least two decimals, more when the value has them (exact, never rounded). */
export const formatWan = (d: Decimal) => atLeast2(d);
export const formatPercent = (d: Decimal) => fmt2(d);
export const parseAmount = (raw: string | undefined) => decimalOrNull(raw);

// ------------------------------------------------------------------ expected figures

export type Expected = { value: Decimal; accept: Decimal[]; label: string; noun: string; note?: string };

export function expectedFigure(kind: FigureKind, project: ProjectFigures): Expected | null {
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
export function executionRateRefs(project: ProjectFigures): { refs: Decimal[]; shown: string } | null {
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

export function percentMatches(stated: PercentMention, refs: Decimal[]): boolean {
  const tolerance = new Decimal(5).times(new Decimal(10).pow(-(stated.decimals + 1)));
  return refs.some((v) => v.minus(stated.value).abs().lessThanOrEqualTo(tolerance));
}

export function sum(values: Decimal[]): Decimal {
  return values.reduce((acc, v) => acc.plus(v), new Decimal(0));
}
