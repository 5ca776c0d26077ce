/** Fixtures shared by excel.test.ts and excel-self-evaluation.test.ts. */
import ExcelJS from "exceljs";
import { expect } from "vitest";
import type { ImportError } from "./excel/cells";
import { type ExcelFramework, excelFrameworkOf } from "./excel/framework";
import { parseIndicatorWorkbook } from "./excel/parser";
import { buildIndicatorTemplate } from "./excel/template";
import { FRAMEWORK } from "@/tests/fixtures/indicator-workbooks";

// ───────────────────────────── fixtures ─────────────────────────────

export const FW: ExcelFramework = excelFrameworkOf(FRAMEWORK);

export const HEADER = ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "计量单位", "指标值说明", "实际完成值", "实际完成情况", "分值", "得分", "是否适用", "偏差原因分析及改进措施"];

export type CellInput = string | number | null | { value: ExcelJS.CellValue; numFmt: string };
/** One data row in template column order (A..M). */
export type Line = CellInput[];

/** A complete, valid table: 50 + 30 + 10, all targets met. */
export const GOOD: Line[] = [
  ["项目完成指标", "数量指标", "培训人次", "≥", 200, "人次", "全年培训不少于200人次", 210, "", 20, null, "是", ""],
  ["项目完成指标", "质量指标", "资料印发合格率", "≥", 100, "%", "", 100, "", 15, null, "是", ""],
  ["项目完成指标", "时效指标", "完成时限", "≤", 12, "月", "", 11, "提前完成", 15, null, "是", ""],
  ["效益指标", "社会效益", "政策知晓度", "定性", "明显提升", "", "", "达到预期", "", 30, 30, "是", ""],
  ["满意度指标", "满意度指标", "服务对象满意度", "≥", 90, "%", "", 95.5, "", 10, null, "", ""],
];

/**
 * Fills the template's "绩效指标" sheet from row `start` (2 = over the example rows), clearing any
 * example rows below unless `keepExamples`.
 */
export async function fillTemplate(lines: Line[], opts: { start?: number; keepExamples?: boolean; edit?: (ws: ExcelJS.Worksheet) => void } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  // The dropdowns are not needed here, and exceljs expands them cell by cell when it loads them.
  await wb.xlsx.load((await buildIndicatorTemplate(FW)) as unknown as ExcelJS.Buffer, { ignoreNodes: ["dataValidations"] });
  const ws = wb.getWorksheet("绩效指标")!;
  const start = opts.start ?? 2;
  if (!opts.keepExamples) {
    for (let r = 2; r <= ws.rowCount; r++) for (let c = 1; c <= 13; c++) ws.getCell(r, c).value = null;
  }
  lines.forEach((line, i) => {
    line.forEach((v, c) => {
      const cell = ws.getCell(start + i, c + 1);
      if (v !== null && typeof v === "object") {
        cell.value = v.value;
        // A style of its own: cells loaded from a file share style objects.
        cell.style = { ...cell.style, numFmt: v.numFmt };
      } else cell.value = v === "" ? null : v;
    });
  });
  opts.edit?.(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A workbook with one sheet holding the given rows from A1. */
export async function plainWorkbook(rows: ExcelJS.CellValue[][], sheet = "Sheet1"): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  rows.forEach((r) => ws.addRow(r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function errorsOf(buffer: Buffer): Promise<ImportError[]> {
  const r = await parseIndicatorWorkbook(buffer, FW);
  expect(r.ok).toBe(false);
  expect("rows" in r).toBe(false);
  return r.ok ? [] : r.errors;
}

/** Replaces one cell of a GOOD line. */
export function withCell(lineIndex: number, column: number, value: CellInput): Line[] {
  return GOOD.map((l, i) => (i === lineIndex ? l.map((v, c) => (c === column ? value : v)) : l));
}

// ───────────────────────────── the template ─────────────────────────────
