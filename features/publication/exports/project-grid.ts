/**
 * 项目绩效目标完成情况表 as one grid that the web page (hence the PDF), the Word file and the
 * Excel file all lay out, so that the three print the same cells, spans and labels (they used
 * to be written three times and disagreed: 预期目标 over two columns on the page and three in
 * Word and Excel, "18万" against "18.00", ASCII against full-width brackets).
 *
 * The layout is the seed's printed table: six grid columns (the row-group label, then 一级 /
 * 二级 / 三级 / 预期 / 实际); 预算执行情况, 年度目标完成情况 and 绩效指标完成情况 are row groups
 * spanning their rows; 一级 and 二级 are printed on every indicator row, as the seed does.
 * A cell covered by a span from a row above is simply absent from the rows below (as in HTML).
 *
 * Browser-safe: no server imports.
 */
import type { YearDocument } from "@/features/publication/year-document";

export type ProjectRow = YearDocument["projects"][number];

/**
 * label: a row header (项目名称, 预算数:); group: a row-group header spanning rows; head: a column
 * header; text: a value; amount: a 万元 amount (a decimal string, "" when unknown).
 */
export type GridCellKind = "label" | "group" | "head" | "text" | "amount";

export type GridCell = {
  kind: GridCellKind;
  text: string;
  /** Grid column where the cell starts (0–5). */
  col: number;
  colSpan: number;
  rowSpan: number;
  /** A row header printed in normal weight (the funding labels). */
  plain?: boolean;
  /** Text whose line breaks are printed as separate lines (goals, indicator names and values). */
  multiline?: boolean;
};

export type GridPart = "identity" | "execution" | "goals" | "indicators";
export type GridRow = { part: GridPart; cells: GridCell[]; indicator?: boolean };

export type ProjectGrid = { title: string; subtitle: string; rows: GridRow[] };

/** Relative widths of the six grid columns (percent of the table). */
export const PROJECT_GRID_COLUMNS = [13, 11, 11, 21, 22, 22] as const;

/** A 万元 amount as the table prints it: "18" → "18万", zero → "0", unknown → "—". */
export function projectAmountText(v: string): string {
  return v === "" ? "—" : /^0(\.0+)?$/.test(v) ? "0" : `${v}万`;
}

type CellInit = Partial<Pick<GridCell, "colSpan" | "rowSpan" | "plain" | "multiline">>;
const cell = (kind: GridCellKind, text: string, col: number, o: CellInit = {}): GridCell => ({ kind, text, col, colSpan: o.colSpan ?? 1, rowSpan: o.rowSpan ?? 1, ...(o.plain ? { plain: true } : {}), ...(o.multiline ? { multiline: true } : {}) });

export const INDICATOR_HEADS = ["一级指标", "二级指标", "三级指标", "预期指标值(包含数字及文字描述)", "实际完成指标值(包含数字及文字描述)"] as const;

export function projectGrid(p: ProjectRow, year: number): ProjectGrid {
  const funding = (label1: string, budget: string, label2: string, executed: string): GridCell[] => [
    cell("label", label1, 1, { plain: true }),
    cell("amount", budget, 2),
    cell("label", label2, 3, { plain: true }),
    cell("amount", executed, 4, { colSpan: 2 }),
  ];
  const n = p.indicators.length;
  return {
    title: `项目绩效目标完成情况表${p.table}`,
    subtitle: `(${year}年度)`,
    rows: [
      { part: "identity", cells: [cell("label", "项目名称", 0), cell("text", p.name, 1, { colSpan: 5 })] },
      { part: "identity", cells: [cell("label", "预算单位", 0), cell("text", p.budgetUnit, 1, { colSpan: 5 })] },
      { part: "execution", cells: [cell("group", "预算执行情况(万元)", 0, { rowSpan: 3 }), ...funding("预算数:", p.budget, "执行数:", p.executed)] },
      { part: "execution", cells: funding("其中-财政拨款:", p.fiscalBudget, "其中-财政拨款:", p.fiscalExecuted) },
      { part: "execution", cells: funding("其它资金:", p.otherBudget, "其它资金:", p.otherExecuted) },
      { part: "goals", cells: [cell("group", "年度目标完成情况", 0, { rowSpan: 2 }), cell("head", "预期目标", 1, { colSpan: 2 }), cell("head", "实际完成目标", 3, { colSpan: 3 })] },
      { part: "goals", cells: [cell("text", p.goalExpected, 1, { colSpan: 2, multiline: true }), cell("text", p.goalActual, 3, { colSpan: 3, multiline: true })] },
      { part: "indicators", cells: [cell("group", "绩效指标完成情况", 0, { rowSpan: n + 1 }), ...INDICATOR_HEADS.map((h, i) => cell("head", h, i + 1))] },
      ...p.indicators.map(
        (ind): GridRow => ({
          part: "indicators",
          indicator: true,
          cells: [
            cell("text", ind.level1, 1),
            cell("text", ind.level2, 2),
            cell("text", ind.name, 3, { multiline: true }),
            cell("text", ind.expected, 4, { multiline: true }),
            cell("text", ind.actual, 5, { multiline: true }),
          ],
        }),
      ),
    ],
  };
}
