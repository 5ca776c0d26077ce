/**
 * The tables of the page (hence the PDF) that explain a narrative section of 第二部分 and are in no
 * download: 收支总体, 收入, 支出 by nature, 财政拨款, 一般公共预算 overall and by 类, 机关运行经费, 政府采购,
 * 国有资产. The same table model as the published 附表 (./exports/table-model), laid out by the same
 * component (components/model-table.tsx); their cells are the page's text (“—” for an unknown
 * figure, signed changes, percentages with “%”), and where the document printed another figure the
 * printed one travels in the row (`printed`) and is shown beside the computed one. Pure.
 */
import { decimalOrNull, formatPercentText, formatWanText, signed } from "@/lib/money";
import { INCOME_SOURCE_LABELS } from "./labels";
import { tableFigures } from "./table-figures";
import { col, type StandardTable, type TableColumn, type TableRow } from "./exports/table-model";
import type { YearDocument } from "./year-document";

/** A table of the page only (not among the downloads' tables). */
function pageTable(id: string, title: string, columns: TableColumn[], rows: TableRow[], unit = "万元"): StandardTable {
  return { id, title, unit, standard: false, columns, rows, notes: [] };
}

/** A row whose `amount` cell is a computed figure the document may have printed differently. */
const withPrinted = (row: TableRow, printed: string | null | undefined): TableRow => (printed == null ? row : { ...row, printed: { amount: printed } });

const CHANGE_COLUMNS = [col("amount", "本年数", "amount", 12), col("previous", "上年数", "amount", 12), col("change", "增减额", "amount", 10), col("percent", "增减率", "percent", 10)];

/** 收入支出决算总体情况: 收支总计 with the change against the prior year. */
export function overviewTable(doc: YearDocument): StandardTable {
  const t = doc.totals;
  const derived = (key: string) => (doc.figures[key]?.text?.startsWith("推算") ? "（推算）" : "");
  const line = (item: string, amount: string | null, printed?: string | null): TableRow => withPrinted({ cells: { item, amount: formatWanText(amount), previous: null, change: null, percent: null } }, printed);
  const rows: TableRow[] = [
    withPrinted(
      {
        total: true,
        cells: { item: "收、支总计", amount: formatWanText(t.incomeExpenditure.amount), previous: formatWanText(t.incomeExpenditure.previous), change: signed(t.incomeExpenditure.change), percent: signed(t.incomeExpenditure.percent, "%") },
      },
      t.incomeExpenditure.printed,
    ),
    line("本年收入合计", t.income.amount, t.income.printed),
    ...(t.openingBalance != null ? [line(`年初结转和结余${derived("balance.opening")}`, t.openingBalance)] : []),
    line("本年支出合计", t.expenditure.amount, t.expenditure.printed),
    ...(t.closingBalance != null ? [line(`年末结转和结余${derived("balance.closing")}`, t.closingBalance)] : []),
  ];
  return pageTable("overview", `${doc.ref.year}年度收入支出决算总体情况（万元）`, [col("item", "项目", "text", 20), ...CHANGE_COLUMNS], rows);
}

/** 收入决算: income by source with shares. */
export function incomeBySourceTable(doc: YearDocument): StandardTable {
  const rows: TableRow[] = doc.income.map((l) => ({ cells: { source: INCOME_SOURCE_LABELS[l.source] ?? l.source, amount: formatWanText(l.amount), share: formatPercentText(l.share) } }));
  rows.push(withPrinted({ total: true, cells: { source: "本年收入合计", amount: formatWanText(doc.totals.income.amount), share: doc.income.length > 0 ? "100.00%" : "—" } }, doc.totals.income.printed));
  return pageTable("income-by-source", `${doc.ref.year}年度收入决算（按来源，万元）`, [col("source", "收入来源", "text", 20), col("amount", "金额", "amount", 12), col("share", "占本年收入合计", "percent", 14)], rows);
}

/** 支出决算: 基本支出 / 项目支出 with shares (the text alternative of the split chart). */
export function expenditureByNatureTable(doc: YearDocument): StandardTable {
  const t = doc.totals;
  const rows: TableRow[] = [
    withPrinted({ cells: { nature: "基本支出", amount: formatWanText(t.basic.amount), share: formatPercentText(t.basic.share) } }, t.basic.printed),
    withPrinted({ cells: { nature: "项目支出", amount: formatWanText(t.project.amount), share: formatPercentText(t.project.share) } }, t.project.printed),
    withPrinted({ total: true, cells: { nature: "本年支出合计", amount: formatWanText(t.expenditure.amount), share: "100.00%" } }, t.expenditure.printed),
  ];
  return pageTable("expenditure-by-nature", `${doc.ref.year}年度支出决算（按支出性质，万元）`, [col("nature", "支出性质", "text", 20), col("amount", "金额", "amount", 12), col("share", "占本年支出合计", "percent", 14)], rows);
}

/** 财政拨款收入支出决算总体情况. */
export function fiscalOverviewTable(doc: YearDocument): StandardTable {
  const f = doc.totals.fiscal;
  const row = withPrinted({ cells: { item: "财政拨款收、支总计", amount: formatWanText(f.amount), previous: formatWanText(f.previous), change: signed(f.change), percent: signed(f.percent, "%") } }, f.printed);
  return pageTable("fiscal-overview", `${doc.ref.year}年度财政拨款收入支出决算总体情况（万元）`, [col("item", "项目", "text", 20), ...CHANGE_COLUMNS], [row]);
}

/** 一般公共预算财政拨款支出决算总体情况. */
export function generalBudgetOverallTable(doc: YearDocument): StandardTable {
  const g = doc.totals.generalBudget;
  const row = withPrinted(
    {
      cells: {
        item: "一般公共预算财政拨款支出",
        amount: formatWanText(g.amount),
        budget: formatWanText(g.budget),
        completion: formatPercentText(g.completion),
        previous: formatWanText(g.previous),
        change: signed(g.change),
        percent: signed(g.percent, "%"),
      },
    },
    g.printed,
  );
  return pageTable(
    "general-budget-overall",
    `${doc.ref.year}年度一般公共预算财政拨款支出决算总体情况（万元）`,
    [col("item", "项目", "text", 20), col("amount", "决算数", "amount", 12), col("budget", "预算数", "amount", 12), col("completion", "完成预算", "percent", 10), col("previous", "上年决算数", "amount", 12), col("change", "增减额", "amount", 10), col("percent", "增减率", "percent", 10)],
    [row],
  );
}

/** 一般公共预算财政拨款支出决算结构: by 功能分类 类 with shares (the text alternative of the bar chart). */
export function byClassTable(doc: YearDocument): StandardTable {
  const g = doc.totals.generalBudget;
  const rows: TableRow[] = doc.byClass.map((c) => ({ cells: { code: c.code, name: c.name, amount: formatWanText(c.amount), share: formatPercentText(c.share) } }));
  rows.push(withPrinted({ total: true, cells: { code: null, name: "合计", amount: formatWanText(g.amount), share: "100.00%" } }, g.printed));
  return pageTable("by-class", `${doc.ref.year}年度一般公共预算财政拨款支出结构（按功能分类“类”，万元）`, [col("code", "科目编码", "code", 10), col("name", "类", "text", 20), col("amount", "支出", "amount", 12), col("share", "占比", "percent", 10)], rows);
}

/** 机关运行经费 with the change against the prior year. */
export function operatingExpensesTable(doc: YearDocument): StandardTable {
  const o = doc.operatingExpenses;
  const row: TableRow = { cells: { item: "机关运行经费", amount: formatWanText(o.amount), previous: formatWanText(o.previous), change: signed(o.change), percent: signed(o.percent, "%") } };
  return pageTable("operating", `${doc.ref.year}年度机关运行经费支出（万元）`, [col("item", "项目", "text", 20), ...CHANGE_COLUMNS], [row]);
}

/** 政府采购: 货物/工程/服务 and the share granted to small and medium enterprises. */
export function procurementTable(doc: YearDocument): StandardTable {
  const f = (k: string) => doc.figures[`procurement.${k}`]?.amount ?? null;
  const figures = tableFigures(doc);
  const line = (k: string, item: string, extra: Partial<TableRow> = {}): TableRow => ({ ...extra, cells: { item, amount: formatWanText(f(k)), share: formatPercentText(figures.procurementShare(k)) } });
  const rows: TableRow[] = [
    line("goods", "政府采购货物支出"),
    line("works", "政府采购工程支出"),
    line("services", "政府采购服务支出"),
    { total: true, cells: { item: "政府采购支出总额", amount: formatWanText(f("total")), share: decimalOrNull(f("total")) ? "100.00%" : "—" } },
    line("sme", "其中：授予中小企业合同金额", { level: 1 }),
  ];
  return pageTable("procurement", `${doc.ref.year}年度政府采购支出（万元）`, [col("item", "项目", "text", 20), col("amount", "金额", "amount", 12), col("share", "占政府采购支出总额", "percent", 14)], rows);
}

/** 国有资产占有使用情况: vehicles and high-value equipment. */
export function stateAssetsTable(doc: YearDocument): StandardTable {
  const q = (k: string) => doc.figures[`assets.${k}`];
  const line = (k: string, asset: string, unit: string): TableRow => ({ cells: { asset, quantity: q(k)?.quantity != null ? `${q(k)!.quantity}${unit}` : "—", text: q(k)?.text ?? null } });
  const rows = [line("vehicles", "车辆", "辆"), line("generalEquipmentOver50Wan", "单价50万元以上通用设备", "台（套）"), line("specialEquipmentOver100Wan", "单价100万元以上专用设备", "台（套）")];
  return pageTable("assets", `截至${doc.ref.year}年12月31日国有资产占有使用情况`, [col("asset", "资产", "text", 20), col("quantity", "数量", "count", 10), col("text", "说明", "text", 40)], rows, "");
}
