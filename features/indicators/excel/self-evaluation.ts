/**
 * The 项目支出绩效自评表 as .xlsx: sheet "自评表" in the paper form's layout, plus the indicator table
 * in the import layout (./template), so an exported file can be re-imported.
 *
 * The modules of this folder that use exceljs run on the server only (exceljs needs Node). They
 * deliberately do not import "server-only", which would throw outside the React server runtime and so
 * break the unit tests and the bench; client code imports only types (and ./framework) from here.
 */
import type ExcelJS from "exceljs";
import { Decimal, decimalText, yuanToWan } from "@/lib/money";
import { FUND_SOURCES, FUND_SOURCE_LABELS } from "@/features/projects/schema";
import { toScoreInput } from "@/features/projects/score-input";
import { computeSelfEvaluationScore } from "@/features/scoring/score";
import type { ScoreResult } from "@/features/scoring/types";
import { NATURE_LABELS } from "../schema";
import { SELF_EVALUATION_SHEET } from "./columns";
import { excelFrameworkOf, type SelfEvaluationProject, storedIndicatorRow } from "./framework";
import { BORDER, FONT, HEADER_FILL, LABEL_FILL, lineHeight, newWorkbook, toBuffer, wrappedLines } from "./styles";
import { addGuideSheet, addIndicatorSheet, addOptionsSheet } from "./template";

// A 项目资金/绩效指标 labels, B 一级, C 二级, D 三级, E 年度指标值, F 实际完成值, G 分值, H 得分/执行率, I 偏差原因.
// Nine columns, so that indicator rows need no horizontal merges (exceljs checks each merge against
// every other one: thousands of merges would be quadratic).
const SE_COLUMNS = [12, 16, 16, 28, 18, 18, 10, 10, 38];
const SE_LAST = SE_COLUMNS.length;
/** Beyond this many 一级/二级 runs the names are repeated on every row instead of merged. */
const MAX_VERTICAL_MERGES = 500;

function wan(yuan: Decimal): number {
  return yuanToWan(yuan).toNumber();
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

  /** `exact`: the unrounded score where rounding changed it, as a cell note ("精确值 9.997"). */
  type Opts = { label?: boolean; header?: boolean; numFmt?: string; align?: "left" | "center" | "right"; top?: boolean; exact?: string | null };
  /** Writes a value into columns c1..c2 of row r (merged when wider than one), bordered. */
  const put = (r: number, c1: number, c2: number, value: ExcelJS.CellValue, o: Opts = {}) => {
    if (c2 > c1) ws.mergeCells(r, c1, r, c2);
    const cell = ws.getCell(r, c1);
    cell.value = value;
    cell.font = { name: FONT, size: 11, bold: !!(o.label || o.header) };
    if (o.header || o.label) cell.fill = o.header ? HEADER_FILL : LABEL_FILL;
    if (o.numFmt) cell.numFmt = o.numFmt;
    if (o.exact) cell.note = `精确值 ${o.exact}`;
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
  put(r, 9, 9, be.score === null ? "—" : new Decimal(be.score).toNumber(), { numFmt: "0.00", exact: be.scoreExact });
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
    put(r, 8, 8, res?.score == null ? "—" : new Decimal(res.score).toNumber(), { numFmt: "0.00", exact: res?.scoreExact });
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
  put(r, 8, 8, result.total === null ? "—" : new Decimal(result.total).toNumber(), { numFmt: "0.00", exact: result.totalExact });
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
