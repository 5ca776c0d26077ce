/** 项目绩效目标完成情况表 in the Word export, laid out like the seed's table (merged label cells). */
import { AlignmentType, LineRuleType, Paragraph, Table, TableRow, TextRun } from "docx";
import type { YearDocument } from "@/features/publication/year-document";
import { fixed2 } from "@/lib/money";
import { type CellOpts, cell, centered, font, FONTS, SIZE, TEXT_WIDTH, tableOf } from "./docx-blocks";

// ───────────────────────────── 项目绩效目标完成情况表 ─────────────────────────────

// Six grid columns, as the seed's table: label | 一级 | 二级 | 三级 | 预期 | 实际.
const PROJECT_COLUMNS = [1100, 1050, 1000, 1900, 1897, 1897];
const PROJECT_WIDTHS = (() => {
  const ws = [...PROJECT_COLUMNS];
  ws[ws.length - 1]! += TEXT_WIDTH - ws.reduce((s, w) => s + w, 0);
  return ws;
})();

function spanWidth(from: number, count: number) {
  return PROJECT_WIDTHS.slice(from, from + count).reduce((s, w) => s + w, 0);
}

/** Indices where a run of equal values starts, with its length (for vertical merges). */
function runs(values: string[]): Map<number, number> {
  const out = new Map<number, number>();
  for (let i = 0; i < values.length; ) {
    let j = i + 1;
    while (j < values.length && values[j] === values[i]) j++;
    out.set(i, j - i);
    i = j;
  }
  return out;
}

export function projectTable(p: YearDocument["projects"][number], year: number): (Paragraph | Table)[] {
  const label = (text: string, o: CellOpts = {}) => cell(text, { align: AlignmentType.CENTER, ...o });
  const wan = (v: string) => fixed2(v) ?? "";
  const rows: TableRow[] = [
    new TableRow({ cantSplit: true, keepNext: true, children: [label("项目名称", { width: spanWidth(0, 1) }), cell(p.name, { columnSpan: 5, width: spanWidth(1, 5) })] }),
    new TableRow({ cantSplit: true, keepNext: true, children: [label("预算单位", { width: spanWidth(0, 1) }), cell(p.budgetUnit, { columnSpan: 5, width: spanWidth(1, 5) })] }),
  ];
  const funding: [string, string, string, string][] = [
    ["预算数：", wan(p.budget), "执行数：", wan(p.executed)],
    ["其中-财政拨款：", wan(p.fiscalBudget), "其中-财政拨款：", wan(p.fiscalExecuted)],
    ["其它资金：", wan(p.otherBudget), "其它资金：", wan(p.otherExecuted)],
  ];
  funding.forEach(([a, b, c, d], i) => {
    rows.push(
      new TableRow({
        cantSplit: true,
        keepNext: true,
        children: [
          ...(i === 0 ? [label("预算执行情况（万元）", { rowSpan: 3, width: spanWidth(0, 1) })] : []),
          cell(a, { width: spanWidth(1, 1) }),
          cell(b, { align: AlignmentType.RIGHT, width: spanWidth(2, 1) }),
          cell(c, { width: spanWidth(3, 1) }),
          cell(d, { align: AlignmentType.RIGHT, columnSpan: 2, width: spanWidth(4, 2) }),
        ],
      }),
    );
  });
  rows.push(
    new TableRow({
      cantSplit: true,
      keepNext: true,
      children: [label("年度目标完成情况", { rowSpan: 2, width: spanWidth(0, 1) }), label("预期目标", { columnSpan: 3, width: spanWidth(1, 3), bold: true }), label("实际完成目标", { columnSpan: 2, width: spanWidth(4, 2), bold: true })],
    }),
    new TableRow({ children: [cell(p.goalExpected, { columnSpan: 3, width: spanWidth(1, 3) }), cell(p.goalActual, { columnSpan: 2, width: spanWidth(4, 2) })] }),
  );
  const inds = p.indicators;
  rows.push(
    new TableRow({
      cantSplit: true,
      children: [
        label("绩效指标完成情况", { rowSpan: inds.length + 1, width: spanWidth(0, 1) }),
        ...["一级指标", "二级指标", "三级指标", "预期指标值（包含数字及文字描述）", "实际完成指标值（包含数字及文字描述）"].map((h, i) => label(h, { bold: true, width: spanWidth(i + 1, 1) })),
      ],
    }),
  );
  const level1Runs = runs(inds.map((i) => i.level1));
  const level2Runs = runs(inds.map((i) => `${i.level1}\u0000${i.level2}`));
  inds.forEach((ind, i) => {
    const l1 = level1Runs.get(i);
    const l2 = level2Runs.get(i);
    rows.push(
      new TableRow({
        cantSplit: true,
        children: [
          ...(l1 ? [label(ind.level1, { rowSpan: l1 > 1 ? l1 : undefined, width: spanWidth(1, 1) })] : []),
          ...(l2 ? [label(ind.level2, { rowSpan: l2 > 1 ? l2 : undefined, width: spanWidth(2, 1) })] : []),
          cell(ind.name, { width: spanWidth(3, 1) }),
          cell(ind.expected, { width: spanWidth(4, 1) }),
          cell(ind.actual, { width: spanWidth(5, 1) }),
        ],
      }),
    );
  });
  return [
    new Paragraph({
      pageBreakBefore: true,
      keepNext: true,
      alignment: AlignmentType.CENTER,
      spacing: { line: 360, lineRule: LineRuleType.AUTO },
      children: [new TextRun({ text: `项目绩效目标完成情况表${p.table}`, size: SIZE.tableTitle, font: font(FONTS.hei) })],
    }),
    centered(`（${year}年度）`, { size: SIZE.table + 3, eastAsia: FONTS.song, after: 120 }),
    tableOf(rows, PROJECT_WIDTHS),
  ];
}
