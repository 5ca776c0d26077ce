/**
 * The 2020 部门决算公开 standard tables (收入支出决算总表 … 国有资本经营预算财政拨款支出决算表) as
 * plain rows built from a published YearDocument (see ./tables).
 */
import type { YearDocument } from "@/features/publication/year-document";
import { type DecimalLike, differs, fixed2, fmt2, isZeroAmount, percent } from "@/lib/money";
import type { FunctionRow } from "@/lib/year-figures/compute";
import { INCOME_SOURCE_LABELS, THREE_PUBLIC_LABELS } from "../labels";
import { tableFigures } from "../table-figures";
import { type CellValue, col, type StandardTable, type TableColumn, type TableRow } from "./table-model";

const NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];


/** A standard table in 万元 (the 附表 of the Word file, a sheet of the Excel file, a CSV file). */
function wanTable(id: string, title: string, columns: TableColumn[], rows: TableRow[], notes: string[]): StandardTable {
  return { id, title, unit: "万元", standard: true, columns, rows, notes };
}

/** “X按明细计算为…万元，公开文本印为…万元。” where the computed and the printed figure differ (none otherwise). */
function printedNote(subject: string, computed: DecimalLike | null | undefined, printed: DecimalLike | null | undefined): string[] {
  return differs(computed, printed) ? [`${subject}计算为${computed}万元，公开文本印为${printed}万元。`] : [];
}

export function summaryTable(doc: YearDocument): StandardTable {
  const t = doc.totals;
  const income = Object.entries(INCOME_SOURCE_LABELS).map(([source, label], i) => ({
    item: `${NUMERALS[i]}、${label}`,
    amount: fixed2(doc.income.find((l) => l.source === source)?.amount) ?? "0.00",
  }));
  const spending = doc.byClass.map((c) => ({ item: `${c.name}（${c.code}）`, amount: fixed2(c.amount) }));
  const details = Math.max(income.length, spending.length);
  const rows: TableRow[] = Array.from({ length: details }, (_, i) => ({
    cells: { incomeItem: income[i]?.item ?? null, incomeAmount: income[i]?.amount ?? null, expenditureItem: spending[i]?.item ?? null, expenditureAmount: spending[i]?.amount ?? null },
  }));
  rows.push(
    { total: true, cells: { incomeItem: "本年收入合计", incomeAmount: fixed2(t.income.amount), expenditureItem: "本年支出合计", expenditureAmount: fixed2(t.expenditure.amount) } },
    { cells: { incomeItem: "年初结转和结余", incomeAmount: fixed2(t.openingBalance), expenditureItem: "年末结转和结余", expenditureAmount: fixed2(t.closingBalance) } },
    { total: true, cells: { incomeItem: "总计", incomeAmount: fixed2(t.incomeExpenditure.amount), expenditureItem: "总计", expenditureAmount: fixed2(t.incomeExpenditure.amount) } },
  );
  const notes: string[] = [];
  notes.push(...printedNote("本年支出合计按支出明细", t.expenditure.amount, t.expenditure.printed));
  notes.push(...printedNote("本年收入合计按收入明细", t.income.amount, t.income.printed));
  notes.push(...printedNote("收支总计", t.incomeExpenditure.amount, t.incomeExpenditure.printed));
  for (const [key, label] of [["balance.opening", "年初结转和结余"], ["balance.closing", "年末结转和结余"]] as const) {
    const text = doc.figures[key]?.text;
    if (text) notes.push(`${label}：${text}。`);
  }
  if (t.incomeExpenditure.change != null) notes.push(`与上年相比，收、支总计增减${t.incomeExpenditure.change}万元（${t.incomeExpenditure.percent}%），上年为${t.incomeExpenditure.previous}万元。`);
  return wanTable("summary", "收入支出决算总表", [col("incomeItem", "收入项目", "text", 30), col("incomeAmount", "收入决算数", "amount", 13), col("expenditureItem", "支出项目", "text", 30), col("expenditureAmount", "支出决算数", "amount", 13)], rows, notes);
}

export function incomeTable(doc: YearDocument): StandardTable {
  const rows: TableRow[] = doc.income.map((l) => ({ cells: { source: INCOME_SOURCE_LABELS[l.source] ?? l.source, amount: fixed2(l.amount), share: fixed2(l.share) } }));
  rows.push({ total: true, cells: { source: "本年收入合计", amount: fixed2(doc.totals.income.amount), share: doc.income.length ? "100.00" : null } });
  return wanTable("income", "收入决算表", [col("source", "收入来源", "text", 32), col("amount", "本年收入决算数", "amount", 16), col("share", "占本年收入比重（%）", "percent", 16)], rows, []);
}

/** 类 / 款 / 项 rows with their subtotals (lib/year-figures), as table rows; the total row first, with the document's printed total where it differs. */
function functionTableRows(doc: YearDocument, cells: (r: FunctionRow) => Record<string, CellValue>, printedTotal: string | null): TableRow[] {
  const { rows, total } = tableFigures(doc).functionRows;
  return [{ total: true, level: 0, cells: cells(total), ...printedAmount(total.amount, printedTotal) }, ...rows.map((r) => ({ level: r.level, cells: cells(r) }))];
}

/** The `printed` of a row whose amount the document printed differently. */
function printedAmount(computed: DecimalLike | null, printed: string | null | undefined): Pick<TableRow, "printed"> {
  return differs(computed, printed) ? { printed: { amount: printed } } : {};
}

export function expenditureTable(doc: YearDocument): StandardTable {
  const t = doc.totals;
  const rows = functionTableRows(doc, (r) => ({ code: r.code, name: r.name, amount: fmt2(r.amount), basic: fmt2(r.basic), project: fmt2(r.project) }), t.expenditure.printed);
  const notes: string[] = [];
  notes.push(...printedNote("本年支出合计按明细", t.expenditure.amount, t.expenditure.printed));
  notes.push(...printedNote("基本支出按明细", t.basic.amount, t.basic.printed));
  notes.push(...printedNote("项目支出按明细", t.project.amount, t.project.printed));
  notes.push(`基本支出占${t.basic.share ?? "—"}%，项目支出占${t.project.share ?? "—"}%。`);
  return wanTable("expenditure", "支出决算表", [col("code", "科目编码", "code", 14), col("name", "科目名称", "text", 30), col("amount", "本年支出合计", "amount", 14), col("basic", "基本支出", "amount", 14), col("project", "项目支出", "amount", 14)], rows, notes);
}

export function fiscalSummaryTable(doc: YearDocument): StandardTable {
  const t = doc.totals;
  const inc = (source: string) => fixed2(doc.income.find((l) => l.source === source)?.amount) ?? "0.00";
  const fig = (key: string) => fixed2(doc.figures[key]?.amount) ?? "0.00";
  const f = tableFigures(doc).fiscal;
  const fiscalIncome = fmt2(f.income);
  const fiscalSpending = fmt2(f.spending);
  const fiscalTotal = fixed2(f.total);
  const opening = fixed2(f.opening);
  const closing = fixed2(f.closing);
  const rows: TableRow[] = [
    { cells: { incomeItem: "一、一般公共预算财政拨款", incomeAmount: inc("GENERAL_BUDGET"), expenditureItem: "一、一般公共预算财政拨款支出", expenditureAmount: fixed2(t.generalBudget.amount) } },
    { cells: { incomeItem: "二、政府性基金预算财政拨款", incomeAmount: inc("GOV_FUND"), expenditureItem: "二、政府性基金预算财政拨款支出", expenditureAmount: fig("govFund.expenditure") } },
    { cells: { incomeItem: "三、国有资本经营预算财政拨款", incomeAmount: inc("SOE_CAPITAL"), expenditureItem: "三、国有资本经营预算财政拨款支出", expenditureAmount: fig("soeCapital.expenditure") } },
    { total: true, cells: { incomeItem: "本年收入合计", incomeAmount: fiscalIncome, expenditureItem: "本年支出合计", expenditureAmount: fiscalSpending } },
    { cells: { incomeItem: "年初财政拨款结转和结余（推算）", incomeAmount: opening, expenditureItem: "年末财政拨款结转和结余（推算）", expenditureAmount: closing } },
    { total: true, cells: { incomeItem: "总计", incomeAmount: fiscalTotal, expenditureItem: "总计", expenditureAmount: fiscalTotal } },
  ];
  const notes = ["年初、年末财政拨款结转和结余未单独公开，按“财政拨款收支总计 − 本年收入（支出）合计”推算。"];
  notes.push(...printedNote("一般公共预算财政拨款支出按明细", t.generalBudget.amount, t.generalBudget.printed));
  if (t.fiscal.change != null) notes.push(`与上年相比，财政拨款收、支总计增减${t.fiscal.change}万元（${t.fiscal.percent}%），上年为${t.fiscal.previous}万元。`);
  return wanTable("fiscal-summary", "财政拨款收入支出决算总表", [col("incomeItem", "收入项目", "text", 30), col("incomeAmount", "收入决算数", "amount", 13), col("expenditureItem", "支出项目", "text", 32), col("expenditureAmount", "支出决算数", "amount", 13)], rows, notes);
}

export function generalBudgetTable(doc: YearDocument): StandardTable {
  const rows = functionTableRows(doc, (r) => ({
    code: r.code,
    name: r.name,
    budget: r.budget == null ? null : fmt2(r.budget),
    amount: fmt2(r.amount),
    basic: fmt2(r.basic),
    project: fmt2(r.project),
    completion: r.completion,
    reason: r.reason,
  }), doc.totals.generalBudget.printed);
  const g = doc.totals.generalBudget;
  const notes: string[] = [];
  notes.push(...printedNote("一般公共预算财政拨款支出按明细", g.amount, g.printed));
  if (g.change != null) notes.push(`与上年相比增减${g.change}万元（${g.percent}%），上年为${g.previous}万元。`);
  const byClass = doc.byClass.map((c) => `${c.name}${c.amount}万元，占${c.share}%`).join("；");
  if (byClass) notes.push(`按功能分类（类）：${byClass}。`);
  return wanTable("general-budget", "一般公共预算财政拨款支出决算表", [col("code", "科目编码", "code", 14), col("name", "科目名称", "text", 28), col("budget", "预算数", "amount", 12), col("amount", "决算数", "amount", 12), col("basic", "基本支出", "amount", 12), col("project", "项目支出", "amount", 12), col("completion", "完成预算（%）", "percent", 12), col("reason", "决算数与预算数差异原因", "text", 28)], rows, notes);
}

export function basicTable(doc: YearDocument): StandardTable {
  const b = doc.basicItems;
  const total = fmt2(tableFigures(doc).basicSplit);
  const rows: TableRow[] = [
    { total: true, cells: { category: "合计", amount: total, items: null } },
    { cells: { category: "人员经费", amount: fixed2(b.personnel.amount), items: b.personnel.items.join("、") || null } },
    { cells: { category: "日常公用经费", amount: fixed2(b.publicUse.amount), items: b.publicUse.items.join("、") || null } },
  ];
  const t = doc.totals.basic;
  const notes: string[] = [];
  if (differs(total, t.amount) || differs(total, t.printed)) {
    notes.push(`人员经费与日常公用经费合计${total}万元；基本支出按功能分类明细计算为${t.amount}万元，公开文本“支出决算情况说明”印为${t.printed}万元。`);
  }
  return wanTable("basic", "一般公共预算财政拨款基本支出决算表", [col("category", "经费类别", "text", 14), col("amount", "决算数", "amount", 12), col("items", "主要包括（经济分类科目）", "text", 70)], rows, notes);
}

export function threePublicTable(doc: YearDocument): StandardTable {
  const tp = doc.threePublic;
  const line = (kind: string) => tp.lines.find((l) => l.kind === kind);
  // A group's budget is known when every line that spent something has a published budget.
  const groupBudget = tableFigures(doc).threePublic.budget;
  const budgetOf = (...kinds: string[]) => fixed2(groupBudget(...kinds));
  const row = (item: string, amount: string | null, budget: string | null, extra: Partial<Record<string, CellValue>> = {}, level = 0): TableRow => ({
    level,
    cells: { item, budget: fixed2(budget), amount: fixed2(amount), completion: percent(amount, budget), share: null, previous: null, change: null, percent: null, batches: null, persons: null, ...extra },
  });
  const detail = (kind: string, prefix: string) => {
    const l = line(kind);
    return row(`${prefix}${THREE_PUBLIC_LABELS[kind]}`, l?.amount ?? "0.00", l?.budget ?? null, { share: fixed2(l?.share), batches: l?.batches ?? null, persons: l?.persons ?? null }, 2);
  };
  const abroad = line("ABROAD");
  const rows: TableRow[] = [
    { ...row("合计", tp.total, tp.budget ?? budgetOf("ABROAD", "VEHICLE_PURCHASE", "VEHICLE_OPERATION", "RECEPTION_DOMESTIC", "RECEPTION_FOREIGN")), total: true, ...printedAmount(tp.total, doc.figures["threePublic.total"]?.amount) },
    row("1.因公出国（境）费", abroad?.amount ?? "0.00", abroad?.budget ?? null, { share: fixed2(abroad?.share) }, 1),
    row("2.公务用车购置及运行维护费", tp.vehicles.amount, budgetOf("VEHICLE_PURCHASE", "VEHICLE_OPERATION"), { share: fixed2(tp.vehicles.share), previous: fixed2(tp.vehicles.previous), change: fixed2(tp.vehicles.change), percent: fixed2(tp.vehicles.percent) }, 1),
    detail("VEHICLE_PURCHASE", "其中："),
    detail("VEHICLE_OPERATION", ""),
    row("3.公务接待费", tp.reception.amount, budgetOf("RECEPTION_DOMESTIC", "RECEPTION_FOREIGN"), { share: fixed2(tp.reception.share), previous: fixed2(tp.reception.previous), change: fixed2(tp.reception.change), percent: fixed2(tp.reception.percent) }, 1),
    detail("RECEPTION_DOMESTIC", "其中："),
    detail("RECEPTION_FOREIGN", ""),
  ];
  const notes: string[] = [];
  const printedTotal = doc.figures["threePublic.total"]?.amount;
  notes.push(...printedNote("“三公”经费合计按明细", tp.total, printedTotal));
  const vehicles = doc.figures["assets.vehicles"];
  if (vehicles?.quantity != null) notes.push(`年末公务用车保有量${vehicles.quantity}辆${vehicles.text ? `（${vehicles.text}）` : ""}。`);
  if (rows[0]!.cells.budget == null) notes.push("“三公”经费预算数未完整公开，合计行不列预算数和完成预算比例。");
  return wanTable("three-public", "一般公共预算财政拨款“三公”经费支出决算表", [col("item", "项目", "text", 28), col("budget", "预算数", "amount", 10), col("amount", "决算数", "amount", 10), col("completion", "完成预算（%）", "percent", 11), col("share", "占“三公”经费（%）", "percent", 12), col("previous", "上年决算数", "amount", 10), col("change", "比上年增减", "amount", 10), col("percent", "增减（%）", "percent", 10), col("batches", "接待批次", "count", 8), col("persons", "接待人次", "count", 8)], rows, notes);
}

function zeroTable(doc: YearDocument, id: string, title: string, incomeSource: string | null, figureKey: string, label: string): StandardTable {
  const amount = fixed2(doc.figures[figureKey]?.amount) ?? "0.00";
  const income = incomeSource ? (fixed2(doc.income.find((l) => l.source === incomeSource)?.amount) ?? "0.00") : null;
  const rows: TableRow[] = [];
  if (income != null) rows.push({ cells: { item: `本年${label}收入`, amount: income } });
  rows.push({ cells: { item: `本年${label}支出`, amount } });
  const empty = isZeroAmount(amount) && (income == null || isZeroAmount(income));
  return wanTable(id, title, [col("item", "项目", "text", 40), col("amount", "决算数", "amount", 14)], rows, empty ? [`本部门本年度无${label}收支，此表为空表。`] : []);
}

export const govFundTable = (doc: YearDocument) => zeroTable(doc, "gov-fund", "政府性基金预算财政拨款收入支出决算表", "GOV_FUND", "govFund.expenditure", "政府性基金预算财政拨款");
export const soeCapitalTable = (doc: YearDocument) => zeroTable(doc, "soe-capital", "国有资本经营预算财政拨款支出决算表", null, "soeCapital.expenditure", "国有资本经营预算财政拨款");
