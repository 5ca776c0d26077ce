/**
 * Excel (.xlsx) for the indicator table and the 项目支出绩效自评表, with exceljs.
 *
 * - `buildSelfEvaluationWorkbook`: the 自评表 in the paper form's layout (sheet "自评表"), plus the
 *   indicator table in the import layout (sheet "绩效指标"), so an exported file can be re-imported.
 * - `buildIndicatorTemplate`: the import template (sheet "绩效指标" with dropdowns, sheet "填写说明").
 * - `parseIndicatorWorkbook`: reads the import layout back (header found by its labels), maps names
 *   to the framework's ids, validates with the table schema and reports every problem by cell.
 *
 * Server side only (exceljs needs Node). It deliberately does not import "server-only", which would
 * throw outside the React server runtime and so break the unit tests and the bench; client code must
 * import types only from here.
 */
import { Decimal } from "@prisma/client/runtime/index-browser";
import ExcelJS from "exceljs";
import { decimalText } from "@/lib/money";
import { FUND_SOURCES, FUND_SOURCE_LABELS } from "@/features/projects/schema";
import { toScoreInput } from "@/features/projects/score-input";
import { computeSelfEvaluationScore } from "@/features/scoring/score";
import type { IndicatorCategory, ScoreResult } from "@/features/scoring/types";
import { type FrameworkShape, type IndicatorRow, type IndicatorRowInput, indicatorRowSchema, indicatorTableSchema, NATURE_LABELS, type Nature } from "./schema";
import { dateText, fileError, type ImportError, loadWorkbook, NO, nameKey, natureOf, numberText, type Scalar, scalarOf, textOf, timesHundred, YES } from "./excel/cells";
import { notANumberMessage, parseIndicatorValue } from "./value";

// ───────────────────────────── limits and names ─────────────────────────────

export { MAX_UPLOAD_BYTES as MAX_IMPORT_BYTES } from "./excel/cells";
export const MAX_IMPORT_ROWS = 20_000;
/** Rows whose 三级指标 starts with this are the template's examples: skipped on import. */
export const EXAMPLE_PREFIX = "【示例】";
export const INDICATOR_SHEET = "绩效指标";
export const SELF_EVALUATION_SHEET = "自评表";
export const GUIDE_SHEET = "填写说明";
const OPTIONS_SHEET = "选项";
/** Header rows are looked for in the first rows of each sheet. */
const HEADER_SEARCH_ROWS = 30;
/** exceljs aborts a sheet with more row elements than this (blank and title rows allowed for). */
const MAX_SHEET_ROWS = MAX_IMPORT_ROWS + 1_000;
export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * `Content-Disposition` for a download with a Chinese file name (RFC 6266 / RFC 5987):
 * `attachment; filename*=UTF-8''<percent-encoded name>`. Characters Windows forbids in file names
 * are replaced by "_".
 */
export function attachmentDisposition(filename: string): string {
  const safe = filename.replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_");
  const encoded = encodeURIComponent(safe).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename*=UTF-8''${encoded}`;
}

// ───────────────────────────── types ─────────────────────────────

type DecimalLike = { toString(): string };

/** The framework as import and export need it: names and ids, points when the table rules are checked. */
export type ExcelFramework = {
  /** Needed (with every group's category and points) for the table rules. */
  budgetExecutionPoints?: string;
  groups: {
    id: string;
    name: string;
    category?: IndicatorCategory;
    points?: string;
    level2: { id: string; name: string }[];
  }[];
};

/** One problem of an uploaded file. `row` 0 and `cell` "" for the file as a whole. */
export type { ImportError } from "./excel/cells";

export type ParseIndicatorResult = { ok: true; rows: IndicatorRow[] } | { ok: false; errors: ImportError[] };

/** What the 自评表 needs of a project: `getProject(actor, id).project` fits. */
export type SelfEvaluationProject = {
  name: string;
  year: number;
  competentDepartment: string;
  implementingUnit: string;
  goalExpected: string;
  goalActual: string;
  funding: { source: "FISCAL" | "CARRYOVER" | "OTHER"; initialBudget: DecimalLike; annualBudget: DecimalLike; executed: DecimalLike }[];
  indicators: {
    id: string;
    level1Id: string;
    level2Id: string;
    name: string;
    nature: Nature;
    targetValue: DecimalLike | null;
    targetText: string;
    unit: string | null;
    actualValue: DecimalLike | null;
    actualText: string;
    weight: DecimalLike | null;
    manualScore: DecimalLike | null;
    applicable: boolean;
    deviationReason: string;
  }[];
  framework: {
    budgetExecutionPoints: DecimalLike;
    level1: { id: string; name: string; category: IndicatorCategory; points: DecimalLike; level2: { id: string; name: string }[] }[];
  };
};

/** The Prisma framework (as `getProject` loads it) → the shape import and export use. */
export function excelFrameworkOf(framework: SelfEvaluationProject["framework"]): ExcelFramework {
  return {
    budgetExecutionPoints: decimalText(framework.budgetExecutionPoints),
    groups: framework.level1.map((g) => ({
      id: g.id,
      name: g.name,
      category: g.category,
      points: decimalText(g.points),
      level2: g.level2.map((l) => ({ id: l.id, name: l.name })),
    })),
  };
}

/** The table schema's framework shape, when the framework carries points and categories. */
export function tableShapeOf(framework: ExcelFramework): FrameworkShape | null {
  if (framework.budgetExecutionPoints === undefined) return null;
  const groups: FrameworkShape["groups"] = [];
  for (const g of framework.groups) {
    if (!g.category || g.points === undefined) return null;
    groups.push({ id: g.id, name: g.name, category: g.category, points: g.points, level2Ids: g.level2.map((l) => l.id) });
  }
  return { budgetExecutionPoints: framework.budgetExecutionPoints, groups };
}

// ───────────────────────────── the import layout ─────────────────────────────

type ColumnKey =
  | "level1"
  | "level2"
  | "name"
  | "nature"
  | "target"
  | "unit"
  | "targetText"
  | "actual"
  | "actualText"
  | "weight"
  | "score"
  | "applicable"
  | "deviation"
  | "id";

type ColumnDef = { key: ColumnKey; header: string; aliases: string[]; width: number; required: boolean; guide: string };

/** The import/export columns, in template order. */
export const INDICATOR_COLUMNS: readonly ColumnDef[] = [
  { key: "level1", header: "一级指标", aliases: ["一级"], width: 16, required: true, guide: "从下拉列表选择本项目指标体系中的一级指标。" },
  { key: "level2", header: "二级指标", aliases: ["二级"], width: 16, required: true, guide: "从下拉列表选择，必须属于同一行的一级指标（先选一级指标，下拉列表才会列出其二级指标）。" },
  { key: "name", header: "三级指标", aliases: ["三级", "指标名称", "三级指标名称"], width: 30, required: true, guide: "指标名称，最多500个字。以“【示例】”开头的行是示例，导入时自动忽略。" },
  { key: "nature", header: "指标性质", aliases: ["性质", "指标方向", "指标类型"], width: 10, required: true, guide: "≥（正向，越大越好）、≤（反向，越小越好）、＝（等于）或 定性；也可填写“正向”“反向”“>=”“<=”。" },
  { key: "target", header: "指标值", aliases: ["年度指标值", "预期指标值", "目标值", "指标目标值"], width: 14, required: true, guide: "定量指标填写数字（如 95）；百分比可直接填 95%，此时计量单位为 %。定性指标填写文字描述（如“明显提升”）。" },
  { key: "unit", header: "计量单位", aliases: ["单位"], width: 10, required: false, guide: "定量指标必填，如 %、人次、个、万元、月；最多20个字。定性指标不填。" },
  { key: "targetText", header: "指标值说明", aliases: ["指标说明", "指标值描述"], width: 24, required: false, guide: "选填：指标值的文字说明（如“全年培训不少于200人次”）。定性指标的指标值未填时以此列为准。" },
  { key: "actual", header: "实际完成值", aliases: ["实际完成指标值", "实际值", "完成值"], width: 14, required: false, guide: "定量指标填写数字（百分比同指标值）；定性指标填写文字。年初编制目标时可不填。" },
  { key: "actualText", header: "实际完成情况", aliases: ["完成情况", "实际完成情况说明"], width: 24, required: false, guide: "选填：实际完成情况的文字说明。" },
  { key: "weight", header: "分值", aliases: ["权重", "指标分值"], width: 8, required: false, guide: "0～100，最多2位小数。填写任一分值后，每个一级指标下各行分值之和须等于该一级指标的分值。" },
  { key: "score", header: "得分", aliases: ["自评得分"], width: 8, required: false, guide: "仅定性指标填写（不超过分值）；定量指标的得分由系统按完成值自动计算，此列填写的内容将被忽略。" },
  { key: "applicable", header: "是否适用", aliases: ["适用"], width: 10, required: false, guide: "是 或 否，空白视为“是”。不适用的指标不计分，其余指标按比例折算。" },
  { key: "deviation", header: "偏差原因分析及改进措施", aliases: ["偏差原因分析", "偏差原因", "偏差原因及改进措施"], width: 36, required: false, guide: "实际完成值未达到指标值（或定性指标得分低于分值）时必填。" },
  { key: "id", header: "行标识", aliases: [], width: 12, required: false, guide: "系统导出文件中的隐藏列，用于保留原指标（及其审核意见）；请勿修改。新模板中没有此列。" },
];

const COLUMN_BY_KEY = new Map(INDICATOR_COLUMNS.map((c) => [c.key, c]));
const col = (key: ColumnKey) => COLUMN_BY_KEY.get(key)!;
const REQUIRED_KEYS = INDICATOR_COLUMNS.filter((c) => c.required).map((c) => c.key);

function headerKey(s: string): string {
  return nameKey(s)
    .replace(/[*＊:：]/g, "")
    .replace(/\([^)]*\)$/, "");
}

const HEADER_LOOKUP = new Map<string, ColumnKey>();
for (const c of INDICATOR_COLUMNS) for (const label of [c.header, ...c.aliases]) HEADER_LOOKUP.set(headerKey(label), c.key);

// ───────────────────────────── shared writing helpers ─────────────────────────────

const FONT = "宋体";
const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE7EEF7" } };
const LABEL_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };

function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "预算绩效管理平台";
  wb.created = new Date();
  return wb;
}

async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  const out = await wb.xlsx.writeBuffer();
  return Buffer.isBuffer(out) ? out : Buffer.from(out as ArrayBuffer);
}

/** A stored decimal string as a cell value: a number when Excel holds it exactly (≤ 15 significant digits). */
function decimalCell(s: string): number | string | null {
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
function wrappedLines(text: string, width: number): number {
  const usable = Math.max(4, width - 1.5);
  return text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line) / usable)), 0);
}

const lineHeight = (lines: number, pt = 11) => Math.max(20, Math.ceil(lines * (pt + 4) + 4));

// ───────────────────────────── the indicator sheet (template and export) ─────────────────────────────

/** A stored indicator as a form row (decimal strings, "" for none), keeping its id. */
export function storedIndicatorRow(i: SelfEvaluationProject["indicators"][number]): IndicatorRowInput {
  return {
    id: i.id,
    level1Id: i.level1Id,
    level2Id: i.level2Id,
    name: i.name,
    nature: i.nature,
    targetValue: decimalText(i.targetValue),
    unit: i.unit ?? "",
    targetText: i.targetText,
    actualValue: decimalText(i.actualValue),
    actualText: i.actualText,
    weight: decimalText(i.weight),
    manualScore: decimalText(i.manualScore),
    applicable: i.applicable,
    deviationReason: i.deviationReason,
  };
}

function exampleRows(framework: ExcelFramework): IndicatorRowInput[] {
  return framework.groups.flatMap((g): IndicatorRowInput[] => {
    const l2 = g.level2[0];
    if (!l2) return [];
    const points = g.points ?? "";
    const base = { level1Id: g.id, level2Id: l2.id, weight: points, applicable: true, deviationReason: "", targetText: "", actualText: "", manualScore: "" };
    switch (g.category) {
      case "SATISFACTION":
        return [{ ...base, name: `${EXAMPLE_PREFIX}服务对象满意度`, nature: "GTE", targetValue: "90", unit: "%", actualValue: "95" }];
      case "OUTCOME":
        return [{ ...base, name: `${EXAMPLE_PREFIX}政策知晓度`, nature: "QUALITATIVE", targetValue: "", unit: "", targetText: "明显提升", actualValue: "", actualText: "达到预期", manualScore: points }];
      case "COST":
        return [{ ...base, name: `${EXAMPLE_PREFIX}项目成本`, nature: "LTE", targetValue: "18", unit: "万元", actualValue: "17.5" }];
      default:
        return [{ ...base, name: `${EXAMPLE_PREFIX}培训人次`, nature: "GTE", targetValue: "200", unit: "人次", targetText: "全年培训不少于200人次", actualValue: "210" }];
    }
  });
}

/** The cell values of one row in the import layout. */
function rowValues(r: IndicatorRowInput, framework: ExcelFramework): Record<ColumnKey, ExcelJS.CellValue> {
  const group = framework.groups.find((g) => g.id === r.level1Id);
  const level2 = group?.level2.find((l) => l.id === r.level2Id) ?? framework.groups.flatMap((g) => g.level2).find((l) => l.id === r.level2Id);
  const qualitative = r.nature === "QUALITATIVE";
  return {
    level1: group?.name ?? "",
    level2: level2?.name ?? "",
    name: r.name,
    nature: NATURE_LABELS[r.nature],
    target: qualitative ? r.targetText || null : decimalCell(r.targetValue ?? ""),
    unit: r.unit || null,
    targetText: qualitative ? null : r.targetText || null,
    actual: qualitative ? r.actualText || null : decimalCell(r.actualValue ?? ""),
    actualText: qualitative ? null : r.actualText || null,
    weight: decimalCell(r.weight ?? ""),
    score: qualitative ? decimalCell(r.manualScore ?? "") : null,
    applicable: r.applicable ? "是" : "否",
    deviation: r.deviationReason || null,
    id: r.id ?? null,
  };
}

/** exceljs keeps range validations in `worksheet.dataValidations`, which its typings omit. */
function addValidation(ws: ExcelJS.Worksheet, range: string, validation: ExcelJS.DataValidation) {
  (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(range, validation);
}

function addOptionsSheet(wb: ExcelJS.Workbook, framework: ExcelFramework) {
  const ws = wb.addWorksheet(OPTIONS_SHEET, { state: "hidden" });
  framework.groups.forEach((g, i) => {
    const row = ws.getRow(i + 1);
    row.getCell(1).value = g.name;
    g.level2.forEach((l, j) => (row.getCell(j + 2).value = l.name));
  });
}

/**
 * The sheet "绩效指标" in the import layout: header in row 1, data from row 2, dropdowns on the
 * first `MAX_IMPORT_ROWS` data rows. Needs the hidden "选项" sheet (addOptionsSheet).
 */
function addIndicatorSheet(wb: ExcelJS.Workbook, framework: ExcelFramework, rows: IndicatorRowInput[], examples: boolean) {
  const withIds = rows.some((r) => !!r.id);
  const columns = INDICATOR_COLUMNS.filter((c) => c.key !== "id" || withIds);
  const ws = wb.addWorksheet(INDICATOR_SHEET, {
    views: [{ state: "frozen", xSplit: 3, ySplit: 1, topLeftCell: "D2", activeCell: "A2" }],
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" },
  });
  ws.columns = columns.map((c) => ({
    key: c.key,
    width: c.width,
    hidden: c.key === "id",
    style: {
      font: { name: FONT, size: 11 },
      alignment: { vertical: "middle", wrapText: ["name", "targetText", "actualText", "deviation", "target", "actual"].includes(c.key) },
      ...(c.key === "weight" || c.key === "score" ? { numFmt: "0.00" } : {}),
    },
  }));

  const header = ws.getRow(1);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { name: FONT, size: 11, bold: true, color: { argb: c.required ? "FFC00000" : "FF000000" } };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  });
  header.height = 32;

  const letter = (key: ColumnKey) => ws.getColumn(key).letter;
  // Per-cell styles are what makes large sheets slow to write: big tables go without borders.
  const bordered = rows.length <= 2_000;
  rows.forEach((r, i) => {
    const values = rowValues(r, framework);
    const row = ws.getRow(i + 2);
    columns.forEach((c, j) => {
      const cell = row.getCell(j + 1);
      cell.value = values[c.key];
      if (bordered) cell.border = BORDER;
      if (examples) cell.font = { name: FONT, size: 11, italic: true, color: { argb: "FF808080" } };
    });
  });

  const groups = framework.groups.length;
  const maxLevel2 = Math.max(1, ...framework.groups.map((g) => g.level2.length));
  const last = MAX_IMPORT_ROWS + 1;
  const opts = `'${OPTIONS_SHEET}'`;
  const l1 = letter("level1");
  const match = `MATCH($${l1}2,${opts}!$A$1:$A$${Math.max(1, groups)},0)-1`;
  const listOf = (title: string, formula: string, errorStyle: "stop" | "warning" = "stop"): ExcelJS.DataValidation => ({
    type: "list",
    allowBlank: true,
    formulae: [formula],
    showErrorMessage: true,
    errorStyle,
    errorTitle: title,
    error: `请从下拉列表中选择${title}`,
  });
  addValidation(ws, `${l1}2:${l1}${last}`, listOf("一级指标", `${opts}!$A$1:$A$${Math.max(1, groups)}`));
  // Dependent list: the 二级 names on the 一级 name's row of the options sheet.
  addValidation(
    ws,
    `${letter("level2")}2:${letter("level2")}${last}`,
    listOf("二级指标", `OFFSET(${opts}!$B$1,${match},0,1,COUNTA(OFFSET(${opts}!$B$1,${match},0,1,${maxLevel2})))`, "warning"),
  );
  addValidation(ws, `${letter("nature")}2:${letter("nature")}${last}`, listOf("指标性质", `"${NATURE_LABELS.GTE},${NATURE_LABELS.LTE},${NATURE_LABELS.EQ},${NATURE_LABELS.QUALITATIVE}"`));
  addValidation(ws, `${letter("applicable")}2:${letter("applicable")}${last}`, listOf("是否适用", `"是,否"`));
  for (const key of ["weight", "score"] as const) {
    addValidation(ws, `${letter(key)}2:${letter(key)}${last}`, {
      type: "decimal",
      operator: "between",
      allowBlank: true,
      formulae: [0, 100],
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: col(key).header,
      error: `${col(key).header}应为0到100之间的数字`,
    });
  }
  addValidation(ws, `${letter("target")}2:${letter("target")}${last}`, {
    type: "any" as ExcelJS.DataValidation["type"],
    formulae: [],
    showInputMessage: true,
    promptTitle: "指标值",
    prompt: "定量指标填写数字（百分比可填95%）；定性指标填写文字描述",
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return ws;
}

function addGuideSheet(wb: ExcelJS.Workbook, framework: ExcelFramework) {
  const ws = wb.addWorksheet(GUIDE_SHEET, { pageSetup: { paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = [
    { key: "col", width: 24, style: { font: { name: FONT, size: 11 }, alignment: { vertical: "top", wrapText: true } } },
    { key: "required", width: 8, style: { font: { name: FONT, size: 11 }, alignment: { vertical: "top", horizontal: "center" } } },
    { key: "text", width: 80, style: { font: { name: FONT, size: 11 }, alignment: { vertical: "top", wrapText: true } } },
  ];
  ws.mergeCells("A1:C1");
  const title = ws.getCell("A1");
  title.value = "绩效指标导入模板填写说明";
  title.font = { name: FONT, size: 16, bold: true };
  title.alignment = { horizontal: "center", vertical: "middle" };
  ws.getRow(1).height = 30;

  const header = ws.getRow(2);
  ["列名", "必填", "填写要求"].forEach((h, i) => {
    const c = header.getCell(i + 1);
    c.value = h;
    c.font = { name: FONT, size: 11, bold: true };
    c.fill = HEADER_FILL;
    c.border = BORDER;
    c.alignment = { horizontal: "center", vertical: "middle" };
  });
  let r = 3;
  for (const c of INDICATOR_COLUMNS) {
    const row = ws.getRow(r++);
    row.getCell(1).value = c.header;
    row.getCell(2).value = c.required ? "是" : "";
    row.getCell(3).value = c.guide;
    for (let i = 1; i <= 3; i++) row.getCell(i).border = BORDER;
    row.height = lineHeight(wrappedLines(c.guide, 80));
  }

  r++;
  const notes = [
    "1. 请在“绩效指标”工作表中填写，第1行为表头，不要修改表头文字；列的顺序可以调整，多余的列会被忽略。",
    "2. 每行一个三级指标。以“【示例】”开头的行是示例，导入时自动忽略，可直接覆盖或删除。",
    "3. 导入将整体替换本项目现有的全部绩效指标；文件中任何一处有误时不会导入任何数据，系统会列出所有错误所在的单元格。",
    `4. 文件须为 .xlsx 格式，不超过5 MB、${MAX_IMPORT_ROWS}行。`,
    "5. 百分比：单元格显示为 95% 时按 95 计，计量单位应为 %（未填时自动填为 %）。",
    "6. 一级指标、二级指标必须与下表的指标体系一致：",
  ];
  for (const n of notes) {
    ws.mergeCells(`A${r}:C${r}`);
    const cell = ws.getCell(`A${r}`);
    cell.value = n;
    cell.alignment = { wrapText: true, vertical: "top" };
    ws.getRow(r).height = lineHeight(wrappedLines(n, 112));
    r++;
  }
  for (const g of framework.groups) {
    const row = ws.getRow(r++);
    row.getCell(1).value = g.points !== undefined ? `${g.name}（${g.points}分）` : g.name;
    row.getCell(3).value = g.level2.map((l) => l.name).join("、");
    for (let i = 1; i <= 3; i++) row.getCell(i).border = BORDER;
  }
  if (framework.budgetExecutionPoints !== undefined) {
    const row = ws.getRow(r++);
    row.getCell(1).value = `预算执行率（${framework.budgetExecutionPoints}分）`;
    row.getCell(3).value = "按全年执行数 ÷ 全年预算数自动计算，不在本表填写。";
    for (let i = 1; i <= 3; i++) row.getCell(i).border = BORDER;
  }
}

/**
 * The import template for a framework: sheet "绩效指标" (header, dropdowns, and either one example
 * row per 一级 group or the given rows), sheet "填写说明", and a hidden sheet of dropdown options.
 */
export async function buildIndicatorTemplate(framework: ExcelFramework, opts: { rows?: IndicatorRowInput[] } = {}): Promise<Buffer> {
  const wb = newWorkbook();
  const rows = opts.rows ?? exampleRows(framework);
  addIndicatorSheet(wb, framework, rows, !opts.rows);
  addGuideSheet(wb, framework);
  addOptionsSheet(wb, framework);
  return toBuffer(wb);
}

// ───────────────────────────── the 自评表 ─────────────────────────────

// A 项目资金/绩效指标 labels, B 一级, C 二级, D 三级, E 年度指标值, F 实际完成值, G 分值, H 得分/执行率, I 偏差原因.
// Nine columns, so that indicator rows need no horizontal merges (exceljs checks each merge against
// every other one: thousands of merges would be quadratic).
const SE_COLUMNS = [12, 16, 16, 28, 18, 18, 10, 10, 38];
const SE_LAST = SE_COLUMNS.length;
/** Beyond this many 一级/二级 runs the names are repeated on every row instead of merged. */
const MAX_VERTICAL_MERGES = 500;

function wan(yuan: Decimal): number {
  return yuan.dividedBy(10000).toNumber();
}

/**
 * The 项目支出绩效自评表 as .xlsx: sheet "自评表" in the paper form's layout, followed by the indicator
 * table in the import layout (sheet "绩效指标"), so the exported file can be imported again.
 * `score` defaults to the project's computed score.
 */
export async function buildSelfEvaluationWorkbook(project: SelfEvaluationProject, score?: ScoreResult): Promise<Buffer> {
  const result = score ?? computeSelfEvaluationScore(toScoreInput(project));
  const framework = excelFrameworkOf(project.framework);
  const wb = newWorkbook();
  const ws = wb.addWorksheet(SELF_EVALUATION_SHEET, {
    views: [{ state: "frozen", xSplit: 0, ySplit: 2, topLeftCell: "A3", activeCell: "A3" }],
    pageSetup: {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: "1:2",
    },
    headerFooter: { oddFooter: "第 &P 页，共 &N 页" },
  });
  ws.columns = SE_COLUMNS.map((width) => ({ width, style: { font: { name: FONT, size: 11 }, alignment: { vertical: "middle", horizontal: "center", wrapText: true } } }));
  const widthOf = (from: number, to: number) => SE_COLUMNS.slice(from - 1, to).reduce((a, b) => a + b, 0);

  type Opts = { label?: boolean; header?: boolean; numFmt?: string; align?: "left" | "center" | "right"; top?: boolean };
  /** Writes a value into columns c1..c2 of row r (merged when wider than one), bordered. */
  const put = (r: number, c1: number, c2: number, value: ExcelJS.CellValue, o: Opts = {}) => {
    if (c2 > c1) ws.mergeCells(r, c1, r, c2);
    const cell = ws.getCell(r, c1);
    cell.value = value;
    cell.font = { name: FONT, size: 11, bold: !!(o.label || o.header) };
    if (o.header || o.label) cell.fill = o.header ? HEADER_FILL : LABEL_FILL;
    if (o.numFmt) cell.numFmt = o.numFmt;
    cell.alignment = { horizontal: o.align ?? "center", vertical: o.top ? "top" : "middle", wrapText: true };
    for (let c = c1; c <= c2; c++) ws.getCell(r, c).border = BORDER;
    return cell;
  };
  /** Merges a label down rows r1..r2 of column c. */
  const putDown = (r1: number, r2: number, c: number, value: string) => {
    if (r2 > r1) ws.mergeCells(r1, c, r2, c);
    const cell = ws.getCell(r1, c);
    cell.value = value;
    cell.font = { name: FONT, size: 11, bold: true };
    cell.fill = LABEL_FILL;
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    for (let r = r1; r <= r2; r++) ws.getCell(r, c).border = BORDER;
  };
  const fitHeight = (r: number, cells: [string, number][], min = 22) => {
    const lines = Math.max(1, ...cells.map(([t, w]) => wrappedLines(t, w)));
    ws.getRow(r).height = Math.max(min, lineHeight(lines));
  };

  // Title
  ws.mergeCells(1, 1, 1, SE_LAST);
  const title = ws.getCell("A1");
  title.value = `项目支出绩效自评表（${project.year}年度）`;
  title.font = { name: FONT, size: 16, bold: true };
  title.alignment = { horizontal: "center", vertical: "middle" };
  ws.getRow(1).height = 34;
  ws.mergeCells(2, 1, 2, SE_LAST);
  const unitNote = ws.getCell("A2");
  unitNote.value = "金额单位：万元";
  unitNote.font = { name: FONT, size: 10 };
  unitNote.alignment = { horizontal: "right", vertical: "middle" };

  // 项目名称 / 主管部门 / 实施单位
  let r = 3;
  put(r, 1, 1, "项目名称", { label: true });
  put(r, 2, SE_LAST, project.name, { align: "left" });
  fitHeight(r, [[project.name, widthOf(2, SE_LAST)]]);
  r++;
  put(r, 1, 1, "主管部门", { label: true });
  put(r, 2, 5, project.competentDepartment, { align: "left" });
  put(r, 6, 6, "实施单位", { label: true });
  put(r, 7, SE_LAST, project.implementingUnit, { align: "left" });
  fitHeight(r, [[project.competentDepartment, widthOf(2, 5)], [project.implementingUnit, widthOf(7, SE_LAST)]]);
  r++;

  // 项目资金（万元）
  putDown(r, r + 4, 1, "项目资金\n（万元）");
  put(r, 2, 3, "", { header: true });
  ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率"].forEach((h, i) => put(r, 4 + i, 4 + i, h, { header: true }));
  put(r, 9, 9, "得分", { header: true });
  r++;
  const sum = (key: "initialBudget" | "annualBudget" | "executed", lines: SelfEvaluationProject["funding"]) =>
    lines.reduce((s, l) => s.plus(l[key].toString()), new Decimal(0));
  const be = result.budgetExecution;
  const money = (d: Decimal) => ({ value: wan(d), numFmt: "0.00" });
  const totalLine = [sum("initialBudget", project.funding), sum("annualBudget", project.funding), sum("executed", project.funding)].map(money);
  put(r, 2, 3, "年度资金总额", { label: true });
  totalLine.forEach((m, i) => put(r, 4 + i, 4 + i, m.value, { numFmt: m.numFmt, align: "right" }));
  put(r, 7, 7, new Decimal(be.max).toNumber(), { numFmt: "0.00" });
  put(r, 8, 8, be.rate === null ? "—" : new Decimal(be.rate).dividedBy(100).toNumber(), { numFmt: "0.00%" });
  put(r, 9, 9, be.score === null ? "—" : new Decimal(be.score).toNumber(), { numFmt: "0.00" });
  r++;
  for (const source of FUND_SOURCES) {
    const lines = project.funding.filter((f) => f.source === source);
    put(r, 2, 3, source === "FISCAL" ? `其中：${FUND_SOURCE_LABELS[source]}` : FUND_SOURCE_LABELS[source], { label: true });
    [sum("initialBudget", lines), sum("annualBudget", lines), sum("executed", lines)].forEach((d, i) => put(r, 4 + i, 4 + i, wan(d), { numFmt: "0.00", align: "right" }));
    put(r, 7, 7, "—");
    put(r, 8, 8, "—");
    put(r, 9, 9, "—");
    r++;
  }

  // 年度总体目标
  putDown(r, r + 1, 1, "年度总体目标");
  put(r, 2, 6, "预期目标", { header: true });
  put(r, 7, SE_LAST, "实际完成情况", { header: true });
  r++;
  put(r, 2, 6, project.goalExpected, { align: "left", top: true });
  put(r, 7, SE_LAST, project.goalActual, { align: "left", top: true });
  fitHeight(r, [[project.goalExpected, widthOf(2, 6)], [project.goalActual, widthOf(7, SE_LAST)]], 40);
  r++;

  // 绩效指标
  const level1Name = new Map(project.framework.level1.map((g) => [g.id, g.name]));
  const level2Name = new Map(project.framework.level1.flatMap((g) => g.level2.map((l) => [l.id, l.name] as const)));
  const indicators = project.indicators;
  const headerRow = r;
  const count = Math.max(1, indicators.length);
  putDown(headerRow, headerRow + count, 1, "绩效指标");
  ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"].forEach((h, i) => put(r, 2 + i, 2 + i, h, { header: true }));
  put(r, 9, 9, "偏差原因分析及改进措施", { header: true });
  ws.getRow(r).height = 30;
  r++;
  const first = r;
  if (indicators.length === 0) {
    put(r, 2, SE_LAST, "（未填报绩效指标）");
    r++;
  }
  indicators.forEach((ind, i) => {
    const res = result.indicators[i];
    const quantitative = ind.nature !== "QUALITATIVE";
    const unit = ind.unit ?? "";
    const targetValue = decimalText(ind.targetValue);
    const actualValue = decimalText(ind.actualValue);
    const composedTarget = quantitative && targetValue ? `${NATURE_LABELS[ind.nature]}${targetValue}${unit}` : "";
    const composedActual = quantitative && actualValue ? `${actualValue}${unit}` : "";
    const join = (a: string, b: string) => (b && b !== a ? (a ? `${a}\n${b}` : b) : a);
    const target = quantitative ? join(composedTarget, ind.targetText) : ind.targetText;
    const actual = quantitative ? join(composedActual, ind.actualText) : ind.actualText;
    const reason = ind.deviationReason || (!ind.applicable ? "本指标不适用" : "");
    put(r, 2, 2, level1Name.get(ind.level1Id) ?? "");
    put(r, 3, 3, level2Name.get(ind.level2Id) ?? "");
    put(r, 4, 4, ind.name, { align: "left" });
    put(r, 5, 5, target);
    put(r, 6, 6, actual);
    put(r, 7, 7, ind.weight == null ? null : new Decimal(ind.weight.toString()).toNumber(), { numFmt: "0.00" });
    put(r, 8, 8, res?.score == null ? "—" : new Decimal(res.score).toNumber(), { numFmt: "0.00" });
    put(r, 9, 9, reason, { align: "left" });
    fitHeight(r, [
      [ind.name, SE_COLUMNS[3]!],
      [target, SE_COLUMNS[4]!],
      [actual, SE_COLUMNS[5]!],
      [reason, SE_COLUMNS[8]!],
    ]);
    r++;
  });
  // 一级 / 二级 merged down where consecutive rows share them.
  const runs: [number, number, number][] = [];
  for (let i = 0; i < indicators.length; ) {
    let j = i;
    while (j + 1 < indicators.length && indicators[j + 1]!.level1Id === indicators[i]!.level1Id) j++;
    if (j > i) runs.push([first + i, first + j, 2]);
    for (let k = i; k <= j; ) {
      let m = k;
      while (m + 1 <= j && indicators[m + 1]!.level2Id === indicators[k]!.level2Id) m++;
      if (m > k) runs.push([first + k, first + m, 3]);
      k = m + 1;
    }
    i = j + 1;
  }
  if (runs.length <= MAX_VERTICAL_MERGES) for (const [r1, r2, c] of runs) ws.mergeCells(r1, c, r2, c);

  // 总分 / 自评等级
  put(r, 1, 6, "总分", { label: true });
  put(r, 7, 7, 100, { numFmt: "0.00" });
  put(r, 8, 8, result.total === null ? "—" : new Decimal(result.total).toNumber(), { numFmt: "0.00" });
  const rescaled = result.maxTotal !== "100.00" && result.total !== null;
  put(r, 9, 9, rescaled ? `按适用指标折算：原始得分${result.rawTotal}／满分${result.maxTotal}` : "", { align: "left" });
  ws.getRow(r).height = 24;
  r++;
  put(r, 1, 6, "自评等级", { label: true });
  put(r, 7, SE_LAST, result.grade ?? "—");
  ws.getRow(r).height = 24;
  r++;
  ws.mergeCells(r, 1, r, SE_LAST);
  const note = ws.getCell(r, 1);
  note.value = `注：执行率 = 全年执行数 ÷ 全年预算数；预算执行率${new Decimal(be.max).toFixed()}分，按执行率计分（超过100%的按100%计）。等级：优 90（含）以上，良 80（含）～90，中 60（含）～80，差 60以下。`;
  note.font = { name: FONT, size: 9 };
  note.alignment = { horizontal: "left", vertical: "top", wrapText: true };
  ws.getRow(r).height = lineHeight(wrappedLines(String(note.value), widthOf(1, SE_LAST)), 9);
  ws.pageSetup.printArea = `A1:${ws.getColumn(SE_LAST).letter}${r}`;

  addIndicatorSheet(wb, framework, indicators.map(storedIndicatorRow), false);
  addGuideSheet(wb, framework);
  addOptionsSheet(wb, framework);
  return toBuffer(wb);
}

// ───────────────────────────── reading cells ─────────────────────────────

type NumberParse =
  | { ok: true; value: string; unit: string; symbol: Nature | null }
  | { ok: false; notApplicable?: boolean; reason?: string };

/** "95", "95%", "1,200人次", "≥ 90" → number, unit suffix and comparison symbol (rules in ./value). */
function parseNumberText(raw: string): NumberParse {
  const p = parseIndicatorValue(raw);
  if (p.kind === "number") return { ok: true, value: p.value, unit: p.unit, symbol: p.symbol };
  if (p.kind === "not_applicable") return { ok: false, notApplicable: true };
  if (p.kind === "not_a_number") return { ok: false, reason: p.reason };
  return { ok: false };
}

// ───────────────────────────── finding the header ─────────────────────────────

type Header = { ws: ExcelJS.Worksheet; row: number; cols: Map<ColumnKey, number> };
type HeaderSearch = { ok: true; header: Header } | { ok: false; error: ImportError };

function findHeader(wb: ExcelJS.Workbook): HeaderSearch {
  const sheets = [...wb.worksheets].sort((a, b) => Number(b.name === INDICATOR_SHEET) - Number(a.name === INDICATOR_SHEET));
  let best: { ws: ExcelJS.Worksheet; row: number; found: Set<ColumnKey> } | null = null;
  for (const ws of sheets) {
    const last = Math.min(ws.rowCount, HEADER_SEARCH_ROWS);
    for (let r = 1; r <= last; r++) {
      const cols = new Map<ColumnKey, number>();
      ws.getRow(r).eachCell((cell, c) => {
        const s = scalarOf(cell);
        if (s.kind !== "text") return;
        const key = HEADER_LOOKUP.get(headerKey(s.text));
        if (key && !cols.has(key)) cols.set(key, c);
      });
      const found = new Set([...cols.keys()].filter((k) => REQUIRED_KEYS.includes(k)));
      if (found.size === REQUIRED_KEYS.length) return { ok: true, header: { ws, row: r, cols } };
      if (found.size >= 3 && (!best || found.size > best.found.size)) best = { ws, row: r, found };
    }
  }
  if (best) {
    const missing = REQUIRED_KEYS.filter((k) => !best.found.has(k)).map((k) => `“${col(k).header}”`);
    return {
      ok: false,
      error: { row: best.row, column: "", cell: `${best.ws.name}!${best.row}:${best.row}`, message: `工作表“${best.ws.name}”第${best.row}行的表头缺少${missing.join("、")}列，请使用系统提供的导入模板` },
    };
  }
  const required = REQUIRED_KEYS.map((k) => col(k).header).join("、");
  return { ok: false, error: fileError(`未找到指标表头：文件中没有包含“${required}”等列名的表头行，请下载并使用系统提供的导入模板`) };
}

// ───────────────────────────── parsing ─────────────────────────────

type Field = keyof IndicatorRowInput;

type ParsedRow = {
  rowNumber: number;
  input: IndicatorRowInput;
  /** Fields whose conversion already produced an error (schema issues on them are dropped). */
  failed: Set<Field>;
  /** Where each text field came from (qualitative rows take their texts from the value columns). */
  targetTextFrom: ColumnKey;
  actualTextFrom: ColumnKey;
};

const FIELD_COLUMN: Record<Exclude<Field, "targetText" | "actualText">, ColumnKey> = {
  id: "id",
  level1Id: "level1",
  level2Id: "level2",
  name: "name",
  nature: "nature",
  targetValue: "target",
  unit: "unit",
  actualValue: "actual",
  weight: "weight",
  manualScore: "score",
  applicable: "applicable",
  deviationReason: "deviation",
};

const UNRESOLVED = "__unresolved__";

/**
 * Reads an indicator table from an .xlsx in the import layout (the template, or the "绩效指标" sheet
 * of an exported 自评表). The header row is found by its labels on any sheet; data rows follow it;
 * blank rows and example rows (三级指标 starting with “【示例】”) are skipped.
 *
 * Every problem is reported, with its cell ("E7"), the column's header and a Chinese message that
 * starts with the cell; no rows are returned when there is any. The table rules (weights adding up
 * to each group's points, deviation reasons for shortfalls) are checked when the framework carries
 * points and categories (see `excelFrameworkOf`) or `shape` is given; callers that save must ensure
 * one of the two.
 */
export async function parseIndicatorWorkbook(
  input: Buffer | ArrayBuffer | Uint8Array,
  framework: ExcelFramework,
  shape?: FrameworkShape,
): Promise<ParseIndicatorResult> {
  const fail = (message: string): ParseIndicatorResult => ({ ok: false, errors: [fileError(message)] });
  const loaded = await loadWorkbook(input, { maxRows: MAX_SHEET_ROWS, maxRowsMessage: `行数超过上限：每次最多导入${MAX_IMPORT_ROWS}行指标，请分批导入` });
  if (!loaded.ok) return fail(loaded.message);
  const wb = loaded.workbook;

  const search = findHeader(wb);
  if (!search.ok) return { ok: false, errors: [search.error] };
  const { ws, row: headerRow, cols } = search.header;

  const columnLetter = (key: ColumnKey) => {
    const c = cols.get(key);
    return c === undefined ? null : ws.getColumn(c).letter;
  };
  const cellAddress = (key: ColumnKey, row: number) => {
    const letter = columnLetter(key);
    return letter ? `${letter}${row}` : `第${row}行`;
  };
  const errors: ImportError[] = [];
  const addError = (row: number, key: ColumnKey, text: string) => {
    const cell = cellAddress(key, row);
    const missing = cols.has(key) ? "" : `（文件中没有“${col(key).header}”列）`;
    errors.push({ row, column: col(key).header, cell, message: `${cell}：${text}${missing}` });
  };

  // Collect the data rows first, to refuse an oversized table before doing any work on it.
  const dataRows: { r: number; cells: Map<ColumnKey, Scalar> }[] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells = new Map<ColumnKey, Scalar>();
    let blank = true;
    for (const [key, c] of cols) {
      const s = scalarOf(row.getCell(c));
      cells.set(key, s);
      if (s.kind !== "empty" && key !== "id") blank = false;
    }
    if (blank) continue;
    const name = cells.get("name");
    if (name?.kind === "text" && name.text.startsWith(EXAMPLE_PREFIX)) continue;
    dataRows.push({ r, cells });
    if (dataRows.length > MAX_IMPORT_ROWS) return fail(`行数超过上限：每次最多导入${MAX_IMPORT_ROWS}行指标，请分批导入`);
  }
  if (dataRows.length === 0) return fail(`工作表“${ws.name}”的表头（第${headerRow}行）下没有指标数据`);

  const groupByName = new Map(framework.groups.map((g) => [nameKey(g.name), g]));
  const groupNames = framework.groups.map((g) => g.name).join("、");
  const seenIds = new Set<string>();

  const parsed: ParsedRow[] = dataRows.map(({ r, cells }) => {
    const get = (key: ColumnKey): Scalar => cells.get(key) ?? { kind: "empty" };
    const text = (key: ColumnKey) => textOf(get(key));
    const failed = new Set<Field>();
    const err = (field: Field, key: ColumnKey, message: string) => {
      failed.add(field);
      addError(r, key, message);
    };

    // 一级 / 二级
    let level1Id = UNRESOLVED;
    let level2Id = UNRESOLVED;
    const l1Text = text("level1");
    const l2Text = text("level2");
    const group = l1Text ? groupByName.get(nameKey(l1Text)) : undefined;
    if (!l1Text) err("level1Id", "level1", "请填写一级指标");
    else if (!group) err("level1Id", "level1", `一级指标“${l1Text}”不在本项目的指标体系中（应为：${groupNames}）`);
    else level1Id = group.id;
    if (!l2Text) err("level2Id", "level2", "请填写二级指标");
    else if (group) {
      const l2 = group.level2.find((l) => nameKey(l.name) === nameKey(l2Text));
      if (l2) level2Id = l2.id;
      else {
        const owner = framework.groups.find((g) => g.level2.some((l) => nameKey(l.name) === nameKey(l2Text)));
        const hint = owner ? `它属于一级指标“${owner.name}”` : `可选：${group.level2.map((l) => l.name).join("、")}`;
        err("level2Id", "level2", `二级指标“${l2Text}”不属于一级指标“${group.name}”（${hint}）`);
      }
    } else {
      failed.add("level2Id");
      if (!framework.groups.some((g) => g.level2.some((l) => nameKey(l.name) === nameKey(l2Text)))) {
        addError(r, "level2", `二级指标“${l2Text}”不在本项目的指标体系中`);
      }
    }

    // 指标性质 (possibly implied by a symbol in 指标值, e.g. "≥95")
    const natureText = text("nature");
    const targetScalar = get("target");
    const targetParse = targetScalar.kind === "text" ? parseNumberText(targetScalar.text) : null;
    let nature: Nature | null = natureText ? natureOf(natureText) : null;
    const valueFields: Field[] = ["targetValue", "targetText", "unit", "actualValue", "actualText", "manualScore"];
    if (natureText && !nature) {
      err("nature", "nature", `指标性质“${natureText}”无法识别，请填写 ≥、≤、＝ 或 定性`);
      valueFields.forEach((f) => failed.add(f));
    } else if (!natureText) {
      if (targetParse?.ok && targetParse.symbol) nature = targetParse.symbol;
      else {
        err("nature", "nature", "请填写指标性质（≥、≤、＝ 或 定性）");
        valueFields.forEach((f) => failed.add(f));
      }
    }
    const qualitative = nature === "QUALITATIVE";

    let unit = text("unit");
    let targetValue = "";
    let targetText = "";
    let actualValue = "";
    let actualText = "";
    let slashCells = 0;
    let targetTextFrom: ColumnKey = "targetText";
    let actualTextFrom: ColumnKey = "actualText";

    /** A quantitative value cell: number, percent, or text such as "95%", "200人次". */
    const quantity = (key: "target" | "actual", field: "targetValue" | "actualValue"): string => {
      const s = get(key);
      const label = col(key).header;
      let value: string;
      let suffix = "";
      switch (s.kind) {
        case "empty":
          return "";
        case "number":
          value = numberText(s.value);
          if (s.percent) {
            value = timesHundred(value);
            suffix = "%";
          }
          break;
        case "text": {
          const p = key === "target" && targetParse ? targetParse : parseNumberText(s.text);
          if (!p.ok && p.notApplicable) {
            slashCells++;
            return "";
          }
          if (!p.ok && p.reason) {
            err(field, key, notANumberMessage(label, s.text, p.reason));
            return "";
          }
          if (!p.ok || (key === "actual" && p.symbol)) {
            err(field, key, `${label}“${s.text}”不是数字：定量指标的${label}请填写数字，文字说明请填在“${key === "target" ? "指标值说明" : "实际完成情况"}”列`);
            return "";
          }
          if (p.symbol && nature && p.symbol !== nature) {
            err(field, key, `${label}“${s.text}”中的符号与指标性质“${NATURE_LABELS[nature]}”不一致`);
            return "";
          }
          value = p.value;
          suffix = p.unit;
          break;
        }
        case "date":
          err(field, key, `${label}不能是日期（${dateText(s.value)}），请填写数字`);
          return "";
        case "bool":
          err(field, key, `${label}应为数字`);
          return "";
        case "error":
          err(field, key, `${label}的公式结果为错误值 ${s.code}`);
          return "";
      }
      if (suffix) {
        if (!unit) unit = suffix;
        else if (nameKey(unit) !== nameKey(suffix)) {
          const shown = s.kind === "number" ? `${value}%` : textOf(s);
          err(field, key, `${label}“${shown}”的单位“${suffix}”与计量单位“${unit}”不一致${suffix === "%" ? "（单元格为百分比格式时，计量单位应为 %）" : ""}`);
          return "";
        }
      }
      return value;
    };

    if (nature && !qualitative) {
      targetValue = quantity("target", "targetValue");
      actualValue = quantity("actual", "actualValue");
      targetText = text("targetText");
      actualText = text("actualText");
    } else if (qualitative) {
      const e = text("target");
      const g = text("targetText");
      targetText = [e, g].filter(Boolean).join("\n");
      targetTextFrom = e ? "target" : "targetText";
      const h = text("actual");
      const i = text("actualText");
      actualText = [h, i].filter(Boolean).join("\n");
      actualTextFrom = h ? "actual" : "actualText";
    }

    /** 分值 / 得分: a number, or text such as "10" or "10分". */
    const points = (key: "weight" | "score", field: "weight" | "manualScore"): string => {
      const s = get(key);
      const label = col(key).header;
      if (s.kind === "empty") return "";
      if (s.kind === "number") return s.percent ? timesHundred(numberText(s.value)) : numberText(s.value);
      if (s.kind === "text") {
        const p = parseNumberText(s.text);
        if (p.ok && !p.symbol && (p.unit === "" || p.unit === "分")) return p.value;
        // "/": the row does not apply and carries no points.
        if (!p.ok && p.notApplicable) {
          slashCells++;
          return "";
        }
        if (!p.ok && p.reason) {
          err(field, key, notANumberMessage(label, s.text, p.reason));
          return "";
        }
      }
      err(field, key, `${label}“${textOf(s)}”不是数字，请填写0到100之间的数字`);
      return "";
    };
    const weight = points("weight", "weight");
    // 得分 is read for qualitative rows only: quantitative scores are computed.
    const manualScore = qualitative ? points("score", "manualScore") : "";

    // A row printed with "/" in its value or 分值 cells does not apply, unless 是否适用 says otherwise.
    let applicable = slashCells === 0;
    const a = get("applicable");
    if (a.kind === "bool") applicable = a.value;
    else if (a.kind !== "empty") {
      const t = nameKey(textOf(a)).toUpperCase();
      if (YES.has(t)) applicable = true;
      else if (NO.has(t)) applicable = false;
      else err("applicable", "applicable", `是否适用“${textOf(a)}”无法识别，请填写“是”或“否”`);
    }

    let id = text("id") || undefined;
    if (id && seenIds.has(id)) id = undefined; // a copied row becomes a new indicator
    if (id) seenIds.add(id);

    const input: IndicatorRowInput = {
      ...(id ? { id } : {}),
      level1Id,
      level2Id,
      name: text("name"),
      nature: nature ?? "GTE",
      targetValue,
      unit,
      targetText,
      actualValue,
      actualText,
      weight,
      manualScore,
      applicable,
      deviationReason: text("deviation"),
    };
    return { rowNumber: r, input, failed, targetTextFrom, actualTextFrom };
  });

  const columnOfField = (p: ParsedRow, field: Field): ColumnKey =>
    field === "targetText" ? p.targetTextFrom : field === "actualText" ? p.actualTextFrom : FIELD_COLUMN[field];

  const SCORE_INPUTS: Field[] = ["nature", "targetValue", "actualValue", "weight", "manualScore"];
  const rowIssue = (index: number, field: Field, message: string) => {
    const p = parsed[index];
    if (!p || p.failed.has(field)) return;
    // "未达到指标值" is computed from the figures: not when one of them could not be read.
    if (field === "deviationReason" && !p.input.deviationReason && SCORE_INPUTS.some((f) => p.failed.has(f))) return;
    if ((field === "level1Id" || field === "level2Id") && (p.input.level1Id === UNRESOLVED || p.input.level2Id === UNRESOLVED)) return;
    addError(p.rowNumber, columnOfField(p, field), message);
  };

  const tableShape = shape ?? tableShapeOf(framework);
  let rows: IndicatorRow[] = [];
  if (tableShape) {
    const result = indicatorTableSchema(tableShape).safeParse({ rows: parsed.map((p) => p.input) });
    if (result.success) rows = result.data.rows;
    else {
      // Group totals are only meaningful when every row's group and weight could be read.
      const totalsReliable = parsed.every((p) => !p.failed.has("level1Id") && !p.failed.has("weight"));
      for (const issue of result.error.issues) {
        const [root, index, field] = issue.path;
        if (root !== "rows") continue;
        if (typeof index === "number" && typeof field === "string") rowIssue(index, field as Field, issue.message);
        else if (index === undefined && totalsReliable) {
          const group = tableShape.groups.find((g) => issue.message.includes(`“${g.name}”`));
          const members = group ? parsed.filter((p) => p.input.level1Id === group.id).map((p) => p.rowNumber) : [];
          const letter = columnLetter("weight");
          const cell = letter && members.length ? cellRanges(letter, members) : "";
          errors.push({ row: members[0] ?? 0, column: col("weight").header, cell, message: cell ? `${cell}：${issue.message}` : issue.message });
        }
      }
    }
  } else {
    parsed.forEach((p, i) => {
      const result = indicatorRowSchema.safeParse(p.input);
      if (result.success) rows.push(result.data);
      else for (const issue of result.error.issues) rowIssue(i, String(issue.path[0]) as Field, issue.message);
    });
  }

  if (errors.length > 0) return { ok: false, errors: sortErrors(errors) };
  return { ok: true, rows };
}

/** "J2:J4,J7" for rows 2, 3, 4, 7 of column J (the first few runs, then "…"). */
function cellRanges(letter: string, rowNumbers: number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < rowNumbers.length; ) {
    let j = i;
    while (j + 1 < rowNumbers.length && rowNumbers[j + 1] === rowNumbers[j]! + 1) j++;
    runs.push(j > i ? `${letter}${rowNumbers[i]}:${letter}${rowNumbers[j]}` : `${letter}${rowNumbers[i]}`);
    i = j + 1;
  }
  return runs.length > 5 ? `${runs.slice(0, 5).join(",")}…` : runs.join(",");
}

const COLUMN_ORDER = new Map(INDICATOR_COLUMNS.map((c, i) => [c.header, i]));

function sortErrors(errors: ImportError[]): ImportError[] {
  const seen = new Set<string>();
  return errors
    .filter((e) => {
      const k = `${e.cell}|${e.message}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((a, b) => a.row - b.row || (COLUMN_ORDER.get(a.column) ?? 99) - (COLUMN_ORDER.get(b.column) ?? 99));
}
