/** 项目绩效目标完成情况表 in the Word export: the grid of ./project-grid laid out as a Word table. */
import { AlignmentType, LineRuleType, Paragraph, Table, TableRow, TextRun } from "docx";
import { type CellOpts, cell, centered, font, FONTS, SIZE, shareWidths, tableOf } from "./docx-blocks";
import { PROJECT_GRID_COLUMNS, projectAmountText, projectGrid, type GridCell, type ProjectRow } from "./project-grid";

const WIDTHS = shareWidths(PROJECT_GRID_COLUMNS);
const spanWidth = (c: GridCell) => WIDTHS.slice(c.col, c.col + c.colSpan).reduce((s, w) => s + w, 0);

function wordCell(c: GridCell) {
  const o: CellOpts = { width: spanWidth(c), columnSpan: c.colSpan > 1 ? c.colSpan : undefined, rowSpan: c.rowSpan > 1 ? c.rowSpan : undefined };
  switch (c.kind) {
    case "group":
      return cell(c.text, { ...o, align: AlignmentType.CENTER });
    case "label":
      return cell(c.text, { ...o, align: c.plain ? AlignmentType.LEFT : AlignmentType.CENTER });
    case "head":
      return cell(c.text, { ...o, align: AlignmentType.CENTER, bold: true });
    case "amount":
      return cell(projectAmountText(c.text), { ...o, align: AlignmentType.RIGHT });
    case "text":
      return cell(c.text, o);
  }
}

export function projectTable(p: ProjectRow, year: number): (Paragraph | Table)[] {
  const grid = projectGrid(p, year);
  const rows = grid.rows.map(
    (r) =>
      new TableRow({
        // Rows of the identity, funding and goal headings stay on one page with what follows;
        // a long goal text may break across pages.
        cantSplit: !(r.part === "goals" && r.cells.every((c) => c.kind === "text")),
        keepNext: r.part === "identity" || r.part === "execution" || (r.part === "goals" && r.cells.some((c) => c.kind === "head")),
        children: r.cells.map(wordCell),
      }),
  );
  return [
    new Paragraph({
      pageBreakBefore: true,
      keepNext: true,
      alignment: AlignmentType.CENTER,
      spacing: { line: 360, lineRule: LineRuleType.AUTO },
      children: [new TextRun({ text: grid.title, size: SIZE.tableTitle, font: font(FONTS.hei) })],
    }),
    centered(grid.subtitle, { size: SIZE.table + 3, eastAsia: FONTS.song, after: 120 }),
    tableOf(rows, WIDTHS),
  ];
}
