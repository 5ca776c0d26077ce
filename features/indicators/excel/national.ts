/**
 * Reads a 项目支出绩效自评表 in the national layout (财预〔2020〕10号 附件 and the local
 * variants offices print): the sheet and its columns are found by their header texts,
 * not by fixed addresses; 一级/二级 come from merged cells; values are printed as
 * "≥50个", "≤90万元", "95%", words or "/"; 分值 and 得分 columns; a funding block
 * (年初预算数 / 全年预算数 / 全年执行数) above the indicators. The result is a preview
 * (what will be imported, with the printed 得分 next to the computed one) and the rows
 * to save, or the per-cell errors: one message per wrong cell.
 */
import { Decimal, fmt2 } from "@/lib/money";
import type ExcelJS from "exceljs";
import { computeSelfEvaluationScore } from "@/features/scoring/score";
import { type FrameworkShape, type IndicatorRow, type IndicatorRowInput, indicatorTableSchema, type Nature, scoringIndicators } from "../schema";
import { notANumberMessage, parseIndicatorValue } from "../value";
import { type ImportError, loadWorkbook, nameKey, numberText, type Scalar, scalarOf, textOf, timesHundred } from "./cells";

export type NationalFramework = { budgetExecutionPoints: string; groups: (FrameworkShape["groups"][number] & { level2: { id: string; name: string }[] })[] };

type Col = "level1" | "level2" | "name" | "target" | "actual" | "weight" | "score" | "deviation";
const HEADERS: Record<Col, string[]> = {
  level1: ["一级指标"],
  level2: ["二级指标"],
  name: ["三级指标"],
  target: ["年度指标值", "预期指标值", "指标值", "年度目标值", "目标值", "预期目标值"],
  actual: ["实际完成值", "实际完成指标值", "全年实际值", "实际值", "实际完成情况"],
  weight: ["分值", "权重"],
  score: ["得分", "自评得分"],
  deviation: ["偏差原因分析及改进措施", "偏差原因分析", "未完成原因分析", "偏差原因及改进措施"],
};
const LABELS: Record<Col, string> = { level1: "一级指标", level2: "二级指标", name: "三级指标", target: "年度指标值", actual: "实际完成值", weight: "分值", score: "得分", deviation: "偏差原因分析及改进措施" };
const FUND_HEADERS = { initial: "年初预算数", annual: "全年预算数", executed: "全年执行数" } as const;
const FUND_ROWS: [RegExp, "total" | "FISCAL" | "CARRYOVER" | "OTHER"][] = [
  [/年度资金总额|资金总额|合计/, "total"],
  [/财政拨款/, "FISCAL"],
  [/上年结转/, "CARRYOVER"],
  [/其他资金/, "OTHER"],
];

export type PreviewRow = {
  rowNumber: number;
  level1: string;
  level2: string;
  name: string;
  nature: Nature;
  target: string;
  actual: string;
  weight: string;
  applicable: boolean;
  printedScore: string | null;
  computedScore: string | null;
  /** Printed and computed 得分 differ (by more than rounding). */
  differs: boolean;
};
export type FundingLine = { label: string; initial: string; annual: string; executed: string };
export type NationalPreview = {
  sheet: string;
  headerRow: number;
  funding: FundingLine[];
  rows: PreviewRow[];
  printedTotal: string | null;
  computedIndicatorTotal: string;
};
export type NationalParse = { ok: true; preview: NationalPreview; rows: IndicatorRow[] } | { ok: false; errors: ImportError[] };

const bare = (s: string) => nameKey(s).replace(/指标$/, "");
const keyOf = (s: string) => nameKey(s).replace(/[*＊:：（）()]/g, "");

function headerCols(ws: ExcelJS.Worksheet, r: number): Map<Col, number> {
  const cols = new Map<Col, number>();
  ws.getRow(r).eachCell((cell, c) => {
    const t = keyOf(textOf(scalarOf(cell)));
    for (const [k, labels] of Object.entries(HEADERS) as [Col, string[]][]) {
      if (cols.has(k)) continue;
      if (labels.some((l) => t === keyOf(l) || (k === "deviation" && t.startsWith("偏差原因")) || (k === "weight" && t.startsWith("分值")) || (k === "score" && t.startsWith("得分")))) cols.set(k, c);
    }
  });
  return cols;
}

function findIndicatorHeader(wb: ExcelJS.Workbook) {
  for (const ws of wb.worksheets) {
    for (let r = 1; r <= Math.min(ws.rowCount, 80); r++) {
      const cols = headerCols(ws, r);
      if (cols.has("level1") && cols.has("level2") && cols.has("name") && cols.has("target")) return { ws, row: r, cols };
    }
  }
  return null;
}

/** A printed amount (万元) as a decimal string: blank, "-", "—", "/" are 0. */
function amountOf(s: Scalar): { ok: true; value: string } | { ok: false; reason?: string } {
  if (s.kind === "empty") return { ok: true, value: "0" };
  if (s.kind === "number") return { ok: true, value: numberText(s.value) };
  const t = textOf(s).trim();
  if (/^[-—–/／]+$/.test(t)) return { ok: true, value: "0" };
  const p = parseIndicatorValue(t);
  if (p.kind === "number" && !p.symbol && (p.unit === "" || p.unit === "万元")) return { ok: true, value: p.value };
  return { ok: false, reason: p.kind === "not_a_number" ? p.reason : undefined };
}

function readFunding(ws: ExcelJS.Worksheet, before: number, addError: (row: number, col: number, label: string, msg: string) => void): FundingLine[] {
  for (let r = 1; r < before; r++) {
    const cols = new Map<keyof typeof FUND_HEADERS, number>();
    ws.getRow(r).eachCell((cell, c) => {
      const t = keyOf(textOf(scalarOf(cell)));
      for (const [k, label] of Object.entries(FUND_HEADERS) as [keyof typeof FUND_HEADERS, string][]) if (t.startsWith(label)) cols.set(k, c);
    });
    if (cols.size < 3) continue;
    const lines: FundingLine[] = [];
    for (let i = r + 1; i < before; i++) {
      const row = ws.getRow(i);
      const first = Math.min(...cols.values());
      let label = "";
      for (let c = first - 1; c >= 1 && !label; c--) label = textOf(scalarOf(row.getCell(c)));
      const kind = FUND_ROWS.find(([re]) => re.test(nameKey(label)));
      if (!kind) break;
      const v = { initial: "0", annual: "0", executed: "0" };
      for (const k of Object.keys(FUND_HEADERS) as (keyof typeof FUND_HEADERS)[]) {
        const c = cols.get(k)!;
        const a = amountOf(scalarOf(row.getCell(c)));
        if (a.ok) v[k] = a.value;
        else addError(i, c, FUND_HEADERS[k], notANumberMessage(`${label.replace(/^其中[:：]?/, "")}${FUND_HEADERS[k]}`, textOf(scalarOf(row.getCell(c))), a.reason));
      }
      lines.push({ label: label.replace(/^其中[:：]?/, ""), ...v });
    }
    return lines;
  }
  return [];
}

export async function parseNationalSelfEvaluation(input: Buffer | ArrayBuffer | Uint8Array, framework: NationalFramework): Promise<NationalParse> {
  const loaded = await loadWorkbook(input, { maxRows: 5000, what: "请上传项目支出绩效自评表（.xlsx）" });
  if (!loaded.ok) return { ok: false, errors: [{ row: 0, column: "", cell: "", message: loaded.message }] };
  const found = findIndicatorHeader(loaded.workbook);
  if (!found) {
    return {
      ok: false,
      errors: [{ row: 0, column: "", cell: "", message: "没有找到自评表的绩效指标表头：应有一行写着“一级指标”“二级指标”“三级指标”和“年度指标值”（或“指标值”）" }],
    };
  }
  const { ws, row: headerRow, cols } = found;
  const errors: ImportError[] = [];
  const at = (col: number, row: number) => `${ws.getColumn(col).letter}${row}`;
  const addAt = (row: number, col: number, column: string, message: string) => errors.push({ row, column, cell: at(col, row), message: `${at(col, row)}：${message}` });
  const err = (row: number, k: Col, message: string) => addAt(row, cols.get(k) ?? 1, LABELS[k], message);
  const funding = readFunding(ws, headerRow, addAt);

  const inputs: IndicatorRowInput[] = [];
  const meta: { rowNumber: number; level1: string; level2: string; target: string; actual: string; printed: string | null; failed: Set<string> }[] = [];
  let printedTotal: string | null = null;
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const get = (k: Col): Scalar => (cols.has(k) ? scalarOf(row.getCell(cols.get(k)!)) : { kind: "empty" });
    const text = (k: Col) => textOf(get(k)).trim();
    const rowTexts = [1, 2, 3].map((c) => nameKey(textOf(scalarOf(row.getCell(c)))));
    if (rowTexts.some((t) => /^(总分|合计|总计)$/.test(t))) {
      const s = get("score");
      if (s.kind === "number") printedTotal = numberText(s.value);
      break;
    }
    const name = text("name");
    if (!name && !text("target") && !text("actual") && !text("weight")) continue;
    const failed = new Set<string>();
    const l1Text = text("level1");
    const l2Text = text("level2");
    const group = framework.groups.find((g) => bare(g.name) === bare(l1Text));
    let level1Id = "";
    let level2Id = "";
    if (!l1Text) err(r, "level1", "请填写一级指标");
    else if (!group) err(r, "level1", `一级指标“${l1Text}”不在本项目的指标体系中（应为：${framework.groups.map((g) => g.name).join("、")}）`);
    else {
      level1Id = group.id;
      const l2 = group.level2.find((x) => bare(x.name) === bare(l2Text));
      if (l2) level2Id = l2.id;
      else err(r, "level2", l2Text ? `二级指标“${l2Text}”不属于一级指标“${group.name}”（可选：${group.level2.map((x) => x.name).join("、")}）` : "请填写二级指标");
    }
    if (!name) err(r, "name", "请填写三级指标");

    // The printed target decides the row's nature: a number (with ≥/≤ or none) or words.
    const tScalar = get("target");
    const aScalar = get("actual");
    const tText = textOf(tScalar).trim();
    const aText = textOf(aScalar).trim();
    const tParsed = tScalar.kind === "number" ? ({ kind: "number", value: tScalar.percent ? timesHundred(numberText(tScalar.value)) : numberText(tScalar.value), unit: tScalar.percent ? "%" : "", symbol: null } as const) : parseIndicatorValue(tText);
    let nature: Nature = "QUALITATIVE";
    let targetValue = "";
    let unit = "";
    let actualValue = "";
    let targetText = "";
    let actualText = aText;
    let applicable = true;
    const isCost = group?.level2.some((x) => x.id === level2Id && /成本/.test(x.name)) || group?.category === "COST";
    switch (tParsed.kind) {
      case "number":
        nature = tParsed.symbol ?? (isCost ? "LTE" : "GTE");
        targetValue = tParsed.value;
        unit = tParsed.unit;
        targetText = tText;
        break;
      case "not_applicable":
        applicable = false;
        targetText = tText;
        break;
      case "not_a_number":
        err(r, "target", notANumberMessage(LABELS.target, tText, tParsed.reason));
        failed.add("target");
        break;
      case "text":
        targetText = tText;
        break;
      case "empty":
        break;
    }
    if (nature !== "QUALITATIVE" && !failed.has("target")) {
      const aParsed = aScalar.kind === "number" ? ({ kind: "number", value: aScalar.percent ? timesHundred(numberText(aScalar.value)) : numberText(aScalar.value), unit: aScalar.percent ? "%" : "", symbol: null } as const) : parseIndicatorValue(aText);
      if (aParsed.kind === "number") {
        if (aParsed.unit && unit && nameKey(aParsed.unit) !== nameKey(unit)) err(r, "actual", `实际完成值“${aText}”的单位“${aParsed.unit}”与年度指标值“${tText}”的单位“${unit}”不一致`);
        else {
          actualValue = aParsed.value;
          if (!unit) unit = aParsed.unit;
        }
        actualText = "";
      } else if (aParsed.kind === "not_a_number") err(r, "actual", notANumberMessage(LABELS.actual, aText, aParsed.reason));
      else if (aParsed.kind === "not_applicable") applicable = false;
      else if (aParsed.kind === "text") err(r, "actual", `实际完成值“${aText}”不是数字：年度指标值“${tText}”是数字，实际完成值也应填写数字`);
    }
    if (nature !== "QUALITATIVE" && !unit && targetValue) unit = "项";

    const points = (k: "weight" | "score"): string | null => {
      const s = get(k);
      if (s.kind === "empty") return null;
      if (s.kind === "number") return numberText(s.value);
      const p = parseIndicatorValue(textOf(s));
      if (p.kind === "number" && !p.symbol && (p.unit === "" || p.unit === "分")) return p.value;
      if (p.kind === "not_applicable") return null;
      err(r, k, notANumberMessage(LABELS[k], textOf(s), p.kind === "not_a_number" ? p.reason : "请填写0到100之间的数字"));
      return null;
    };
    const weight = points("weight");
    const printed = points("score");
    if (textOf(get("weight")).trim().match(/^[/／]$/)) applicable = false;

    inputs.push({
      level1Id: level1Id || "?",
      level2Id: level2Id || "?",
      name,
      nature,
      targetValue,
      unit: nature === "QUALITATIVE" ? "" : unit,
      targetText,
      actualValue,
      actualText: nature === "QUALITATIVE" ? aText : actualText,
      weight: weight ?? "",
      manualScore: nature === "QUALITATIVE" && printed !== null && applicable ? printed : "",
      applicable,
      deviationReason: text("deviation"),
    });
    meta.push({ rowNumber: r, level1: l1Text, level2: l2Text, target: tText, actual: aText, printed, failed });
  }
  if (inputs.length === 0 && errors.length === 0) {
    return { ok: false, errors: [{ row: headerRow, column: "", cell: "", message: `工作表“${ws.name}”的绩效指标表头（第${headerRow}行）下没有指标` }] };
  }

  // Table rules (weights per 一级, deviation reasons), reported on the cell, skipping
  // cells already reported: one message per wrong cell.
  const reported = new Set(errors.map((e) => e.cell));
  const result = indicatorTableSchema(framework).safeParse({ rows: inputs });
  if (!result.success) {
    const FIELD_COL: Record<string, Col> = { level1Id: "level1", level2Id: "level2", name: "name", targetValue: "target", targetText: "target", unit: "target", actualValue: "actual", weight: "weight", manualScore: "score", deviationReason: "deviation" };
    for (const issue of result.error.issues) {
      const [root, index, field] = issue.path;
      if (root !== "rows") continue;
      if (typeof index === "number" && typeof field === "string") {
        const m = meta[index]!;
        const k = FIELD_COL[field] ?? "name";
        const cell = at(cols.get(k) ?? 1, m.rowNumber);
        if (reported.has(cell) || inputs[index]!.level1Id === "?" || inputs[index]!.level2Id === "?") continue;
        reported.add(cell);
        err(m.rowNumber, k, issue.message);
      } else if (index === undefined) errors.push({ row: headerRow, column: LABELS.weight, cell: "", message: issue.message });
    }
  }
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.row - b.row) };
  const rows = result.success ? result.data.rows : [];

  const total = funding.find((f) => f.label.includes("总额") || f.label.includes("合计")) ?? funding[0];
  const score = computeSelfEvaluationScore({
    budget: { initial: total?.initial ?? "0", annual: total?.annual ?? "0", executed: total?.executed ?? "0" },
    budgetExecutionPoints: framework.budgetExecutionPoints,
    groups: framework.groups,
    indicators: scoringIndicators(rows),
  });
  const preview: PreviewRow[] = rows.map((r, i) => {
    const m = meta[i]!;
    const computed = score.indicators[i]?.score ?? null;
    const differs = m.printed !== null && computed !== null && new Decimal(m.printed).minus(computed).abs().greaterThan("0.01");
    return {
      rowNumber: m.rowNumber,
      level1: m.level1,
      level2: m.level2,
      name: r.name,
      nature: r.nature,
      target: m.target,
      actual: m.actual,
      weight: r.weight,
      applicable: r.applicable,
      printedScore: m.printed,
      computedScore: computed,
      differs,
    };
  });
  const indicatorTotal = score.groups.reduce((s, g) => s.plus(g.score), new Decimal(0));
  return {
    ok: true,
    rows,
    preview: { sheet: ws.name, headerRow, funding, rows: preview, printedTotal, computedIndicatorTotal: fmt2(indicatorTotal) },
  };
}
