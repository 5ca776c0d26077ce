/**
 * The sheet "绩效指标" in the import layout (with dropdowns), the sheet "填写说明" and the hidden
 * sheet of dropdown options; together they make the import template (`buildIndicatorTemplate`), and
 * the 自评表 export appends them so that an exported file can be imported again.
 */
import type ExcelJS from "exceljs";
import { NATURE_LABELS, type IndicatorRowInput } from "../schema";
import { col, type ColumnKey, EXAMPLE_PREFIX, GUIDE_SHEET, INDICATOR_COLUMNS, INDICATOR_SHEET, MAX_IMPORT_ROWS, OPTIONS_SHEET } from "./columns";
import type { ExcelFramework } from "./framework";
import { BORDER, decimalCell, FONT, HEADER_FILL, lineHeight, newWorkbook, toBuffer, wrappedLines } from "./styles";

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

export function addOptionsSheet(wb: ExcelJS.Workbook, framework: ExcelFramework) {
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
export function addIndicatorSheet(wb: ExcelJS.Workbook, framework: ExcelFramework, rows: IndicatorRowInput[], examples: boolean) {
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
  ws.dataValidations.add(`${l1}2:${l1}${last}`, listOf("一级指标", `${opts}!$A$1:$A$${Math.max(1, groups)}`));
  // Dependent list: the 二级 names on the 一级 name's row of the options sheet.
  ws.dataValidations.add(
    `${letter("level2")}2:${letter("level2")}${last}`,
    listOf("二级指标", `OFFSET(${opts}!$B$1,${match},0,1,COUNTA(OFFSET(${opts}!$B$1,${match},0,1,${maxLevel2})))`, "warning"),
  );
  ws.dataValidations.add(`${letter("nature")}2:${letter("nature")}${last}`, listOf("指标性质", `"${NATURE_LABELS.GTE},${NATURE_LABELS.LTE},${NATURE_LABELS.EQ},${NATURE_LABELS.QUALITATIVE}"`));
  ws.dataValidations.add(`${letter("applicable")}2:${letter("applicable")}${last}`, listOf("是否适用", `"是,否"`));
  for (const key of ["weight", "score"] as const) {
    ws.dataValidations.add(`${letter(key)}2:${letter(key)}${last}`, {
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
  ws.dataValidations.add(`${letter("target")}2:${letter("target")}${last}`, {
    type: "any" as ExcelJS.DataValidation["type"],
    formulae: [],
    showInputMessage: true,
    promptTitle: "指标值",
    prompt: "定量指标填写数字（百分比可填95%）；定性指标填写文字描述",
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return ws;
}

export function addGuideSheet(wb: ExcelJS.Workbook, framework: ExcelFramework) {
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
