/**
 * The figures the published year document's tables show besides the document's own totals
 * (类/款/项 subtotals, the “三公” groups' budgets and completion, the 基本支出 split, the fiscal
 * summary's derived balances, procurement shares), derived once from a YearDocument by
 * lib/year-figures. The page (hence the PDF) and the Word / Excel / CSV tables lay them out;
 * neither adds anything up itself. Pure; amounts are 万元 decimal strings as the document holds.
 */
import { decimalOrNull, percent, sum } from "@/lib/money";
import { fiscalSummary, functionRows, groupBudget } from "@/lib/year-figures/compute";
import type { YearDocument } from "./year-document";

export function tableFigures(doc: YearDocument) {
  const tp = doc.threePublic;
  const line = (kind: string) => tp.lines.find((l) => l.kind === kind);
  const linesOf = (kinds: string[]) => kinds.map(line).filter((l) => l != null);
  const income = (source: string) => doc.income.find((l) => l.source === source)?.amount ?? null;
  const figure = (key: string) => doc.figures[key]?.amount ?? null;
  const procurementTotal = figure("procurement.total");

  return {
    /** 一般公共预算财政拨款支出 by 类/款/项, with the total over the lines. */
    functionRows: functionRows(doc.expenditureLines),
    threePublic: {
      /** A group's budget (lib/year-figures groupBudget). */
      budget: (...kinds: string[]) => groupBudget(linesOf(kinds)),
    },
    /** 人员经费 + 日常公用经费. */
    basicSplit: sum([doc.basicItems.personnel.amount, doc.basicItems.publicUse.amount]),
    fiscal: fiscalSummary({
      income: [income("GENERAL_BUDGET"), income("GOV_FUND"), income("SOE_CAPITAL")],
      spending: [doc.totals.generalBudget.amount, figure("govFund.expenditure"), figure("soeCapital.expenditure")],
      total: doc.totals.fiscal.printed ?? doc.totals.fiscal.amount,
    }),
    /** An item's share of the procurement total (null when either is unknown). */
    procurementShare: (key: string) => (decimalOrNull(procurementTotal) == null ? null : percent(figure(`procurement.${key}`), procurementTotal)),
  };
}

export type TableFigures = ReturnType<typeof tableFigures>;
