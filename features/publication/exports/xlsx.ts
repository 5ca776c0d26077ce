/**
 * The published year document's tables as an Excel workbook (exceljs): a 说明 sheet,
 * one sheet per standard table (收入支出决算总表 … 国有资本经营预算财政拨款支出决算表), one per
 * 项目绩效目标完成情况表1–5 in the seed's layout (merged label cells), and 名词解释.
 *
 * Every sheet: title and unit above a frozen header, amounts as numbers in 万元 with
 * the format "0.00" (codes stay text so 2011001 keeps its digits), thin borders, A4
 * print setup fitted to the page width with the header rows repeated and page numbers
 * in the footer.
 */
import ExcelJS from "exceljs";
import type { YearDocument } from "@/features/publication/year-document";
import { CONTENT_TYPES, exportFileName, publishedDateText, type BuiltFile } from "./files";
import { fixed2, roundInt } from "@/lib/money";
import { noteLines, type StandardTable } from "./table-model";
import { PROJECT_GRID_COLUMNS, projectGrid, type GridCell } from "./project-grid";
import { buildTables } from "./tables";

const FONT = "宋体";
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  bottom: { style: "thin" },
  left: { style: "thin" },
  right: { style: "thin" },
};
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEDEDED" } };
const FOOTER = "&C第 &P 页 / 共 &N 页";

function sheetName(title: string, used: Set<string>): string {
  let name = title.replace(/[\\/?*[\]:]/g, "_").slice(0, 31);
  for (let i = 2; used.has(name); i++) name = `${title.slice(0, 28)}(${i})`;
  used.add(name);
  return name;
}

/** Column widths (Excel character units; a Chinese character takes about two). */
const excelWidth = (w: number) => Math.max(8, roundInt(w * 1.25));

/** A rough row height (points) for wrapped text of `chars` characters in `width` units. */
function wrappedHeight(text: string, width: number, lineHeight = 15): number {
  const lines = text.split(/\r?\n/).reduce((n, line) => n + Math.max(1, Math.ceil((line.length * 2.1) / Math.max(width, 4))), 0);
  return Math.max(lineHeight + 5, lines * lineHeight + 4);
}

function titleRows(ws: ExcelJS.Worksheet, title: string, subtitle: string, columns: number) {
  ws.mergeCells(1, 1, 1, columns);
  const t = ws.getCell(1, 1);
  t.value = title;
  t.font = { name: FONT, size: 16, bold: true };
  t.alignment = { horizontal: "center", vertical: "middle" };
  ws.getRow(1).height = 30;
  ws.mergeCells(2, 1, 2, columns);
  const s = ws.getCell(2, 1);
  s.value = subtitle;
  s.font = { name: FONT, size: 10 };
  s.alignment = { horizontal: "right", vertical: "middle" };
  ws.getRow(2).height = 18;
}

/**
 * A sheet that prints as offices print tables: A4 fitted to the page's width and centred, the first
 * `titleRows` rows frozen on screen and repeated on every printed page, the page-number footer.
 */
function printableSheet(wb: ExcelJS.Workbook, name: string, titleRows: number, orientation: "portrait" | "landscape", view: { xSplit?: number } = {}) {
  return wb.addWorksheet(name, {
    views: [{ state: "frozen", ySplit: titleRows, ...view }],
    pageSetup: {
      paperSize: 9,
      orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
      printTitlesRow: `1:${titleRows}`,
    },
    headerFooter: { oddFooter: FOOTER },
  });
}

function standardSheet(wb: ExcelJS.Workbook, t: StandardTable, doc: YearDocument, name: string) {
  const n = t.columns.length;
  const ws = printableSheet(wb, name, 3, n >= 6 ? "landscape" : "portrait", { xSplit: 0 });
  ws.columns = t.columns.map((c) => ({ key: c.key, width: excelWidth(c.width) }));
  titleRows(ws, t.title, `编制单位：${doc.department.name}　　${doc.ref.year}年度　　${t.unit ? `单位：${t.unit}` : ""}`, n);

  const header = ws.getRow(3);
  t.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { name: FONT, size: 10, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  });
  header.height = 30;

  t.rows.forEach((r, ri) => {
    const row = ws.getRow(4 + ri);
    let height = 18;
    t.columns.forEach((c, ci) => {
      const cell = row.getCell(ci + 1);
      const v = r.cells[c.key];
      cell.border = THIN;
      cell.font = { name: FONT, size: 10, bold: !!r.total };
      if (v == null || v === "") {
        cell.value = null;
      } else if (c.kind === "amount" || c.kind === "percent") {
        cell.value = Number(v);
        cell.numFmt = "0.00";
        cell.alignment = { horizontal: "right", vertical: "middle" };
      } else if (c.kind === "count") {
        cell.value = Number(v);
        cell.numFmt = "0";
        cell.alignment = { horizontal: "right", vertical: "middle" };
      } else {
        cell.value = String(v);
        cell.alignment = { horizontal: "left", vertical: "middle", wrapText: true, indent: c.kind === "text" && ci <= 1 ? (r.level ?? 0) : 0 };
        height = Math.max(height, wrappedHeight(String(v), excelWidth(c.width)));
      }
    });
    row.height = height;
  });

  let next = 4 + t.rows.length + 1;
  const lines = noteLines(t.notes);
  t.notes.forEach((note, i) => {
    ws.mergeCells(next, 1, next, n);
    const cell = ws.getCell(next, 1);
    cell.value = lines[i]!;
    cell.font = { name: FONT, size: 9 };
    cell.alignment = { wrapText: true, vertical: "top" };
    ws.getRow(next).height = wrappedHeight(note, t.columns.reduce((s, c) => s + excelWidth(c.width), 0), 13);
    next++;
  });
}

// The grid of ./project-grid in characters: the page's column shares over a 130-character row.
const PROJECT_WIDTHS = PROJECT_GRID_COLUMNS.map((w) => (w * 13) / 10);

/** 项目绩效目标完成情况表 as a sheet: the grid the page and Word lay out; amounts stay numbers (万元, two decimals). */
function projectSheet(wb: ExcelJS.Workbook, p: YearDocument["projects"][number], year: number, name: string) {
  const ws = printableSheet(wb, name, 2, "portrait");
  ws.columns = PROJECT_WIDTHS.map((width) => ({ width }));
  const grid = projectGrid(p, year);
  titleRows(ws, grid.title, grid.subtitle, PROJECT_WIDTHS.length);
  ws.getCell(2, 1).alignment = { horizontal: "center", vertical: "middle" };
  const widthOf = (c: GridCell) => PROJECT_WIDTHS.slice(c.col, c.col + c.colSpan).reduce((s, w) => s + w, 0);

  grid.rows.forEach((r, i) => {
    const row = 3 + i;
    for (const c of r.cells) {
      const col = c.col + 1;
      const toRow = row + c.rowSpan - 1;
      const toCol = col + c.colSpan - 1;
      if (toRow > row || toCol > col) ws.mergeCells(row, col, toRow, toCol);
      const x = ws.getCell(row, col);
      const amount = c.kind === "amount";
      x.value = amount ? (fixed2(c.text) == null ? null : Number(fixed2(c.text))) : c.text;
      if (amount) x.numFmt = "0.00";
      x.font = { name: FONT, size: 10, bold: c.kind === "head" };
      const center = c.kind === "group" || c.kind === "head" || (c.kind === "label" && !c.plain);
      x.alignment = { horizontal: amount ? "right" : center ? "center" : "left", vertical: "middle", wrapText: true };
      for (let y = row; y <= toRow; y++) for (let z = col; z <= toCol; z++) ws.getCell(y, z).border = THIN;
    }
    const multiline = r.cells.filter((c) => c.multiline);
    if (multiline.length) ws.getRow(row).height = Math.max(...multiline.map((c) => wrappedHeight(c.text, widthOf(c))));
    else if (r.part === "execution") ws.getRow(row).height = 20;
    else if (r.cells.some((c) => c.kind === "head") && r.part === "indicators") ws.getRow(row).height = 30;
  });
}

function guideSheet(wb: ExcelJS.Workbook, doc: YearDocument, versionNo: number, sheets: { name: string; title: string }[]) {
  const ws = wb.addWorksheet("说明", { pageSetup: { paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 }, headerFooter: { oddFooter: FOOTER } });
  ws.columns = [{ width: 22 }, { width: 80 }];
  ws.mergeCells("A1:B1");
  const title = ws.getCell("A1");
  title.value = doc.title;
  title.font = { name: FONT, size: 16, bold: true };
  title.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  ws.getRow(1).height = 32;
  const rows: [string, string][] = [
    ["部门", doc.department.name],
    ["年度", `${doc.ref.year}年度`],
    ["公开版本", `第${versionNo}版${doc.publishedAt ? `（${publishedDateText(doc.publishedAt)}公开）` : ""}`],
    ...(versionNo > 1 && doc.correctionNote ? ([["更正说明", doc.correctionNote]] as [string, string][]) : []),
    ["金额单位", "万元，保留两位小数；比重、增减率、完成率为百分数，保留两位小数"],
    ["数据说明", "各表由本部门公开的决算数据计算生成；计算数与公开文本印制数不一致之处在表下注明，未作改动。"],
    ...sheets.map((s, i) => [i === 0 ? "工作表" : "", `${s.name}${s.name === s.title ? "" : `：${s.title}`}`] as [string, string]),
  ];
  rows.forEach(([k, v], i) => {
    const row = ws.getRow(3 + i);
    row.getCell(1).value = k;
    row.getCell(1).font = { name: FONT, size: 11, bold: true };
    row.getCell(2).value = v;
    row.getCell(2).font = { name: FONT, size: 11 };
    row.getCell(2).alignment = { wrapText: true, vertical: "top" };
    row.getCell(1).alignment = { vertical: "top" };
    row.height = wrappedHeight(v, 80, 16);
  });
}

/** The .xlsx bytes of a published year document. */
export async function buildYearXlsx(doc: YearDocument, versionNo: number): Promise<BuiltFile> {
  const wb = new ExcelJS.Workbook();
  wb.creator = doc.department.name;
  wb.title = doc.title;
  wb.subject = "部门决算公开";
  const published = doc.publishedAt ? new Date(doc.publishedAt) : new Date(0);
  wb.created = published;
  wb.modified = published;

  const used = new Set<string>(["说明"]);
  const tables = buildTables(doc);
  const planned = [
    ...tables.filter((t) => t.standard).map((t) => ({ kind: "table" as const, t, name: sheetName(t.title, used), title: t.title })),
    ...doc.projects.map((p) => ({ kind: "project" as const, p, name: sheetName(`项目绩效目标完成情况表${p.table}`, used), title: `${p.name}` })),
    ...(doc.glossary.length ? [{ kind: "glossary" as const, t: tables.find((t) => t.id === "glossary")!, name: sheetName("名词解释", used), title: "名词解释" }] : []),
  ];
  guideSheet(wb, doc, versionNo, planned);
  for (const s of planned) {
    if (s.kind === "project") projectSheet(wb, s.p, doc.ref.year, s.name);
    else standardSheet(wb, s.t, doc, s.name);
  }
  const out = await wb.xlsx.writeBuffer();
  return { bytes: new Uint8Array(out as ArrayBuffer), contentType: CONTENT_TYPES.xlsx, fileName: exportFileName(doc, versionNo, "xlsx") };
}
