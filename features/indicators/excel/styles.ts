/** Fonts, borders, fills and the sizing helpers shared by the workbooks this folder writes. */
import ExcelJS from "exceljs";
import { Decimal } from "@/lib/money";

export const FONT = "宋体";
const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };
export const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
export const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE7EEF7" } };
export const LABEL_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };

export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "预算绩效管理平台";
  wb.created = new Date();
  return wb;
}

export async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  const out = await wb.xlsx.writeBuffer();
  return Buffer.isBuffer(out) ? out : Buffer.from(out as ArrayBuffer);
}

/** A stored decimal string as a cell value: a number when Excel holds it exactly (≤ 15 significant digits). */
export function decimalCell(s: string): number | string | null {
  if (s === "") return null;
  const d = new Decimal(s);
  return d.precision(true) <= 15 ? d.toNumber() : s;
}

/** Display width of a text in Excel column units (CJK and full-width characters count double). */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(ch) ? 2 : 1.1;
  return w;
}

/** Lines a wrapped text takes in a column (or merged columns) of the given width. */
export function wrappedLines(text: string, width: number): number {
  const usable = Math.max(4, width - 1.5);
  return text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line) / usable)), 0);
}

export const lineHeight = (lines: number, pt = 11) => Math.max(20, Math.ceil(lines * (pt + 4) + 4));
