/**
 * Reading the import layout back: `parseIndicatorWorkbook` finds the header by its labels, maps names
 * to the framework's ids, validates with the table schema and reports every problem by cell.
 */
import { indicatorRowSchema, indicatorTableSchema, type FrameworkShape, type IndicatorRow, type IndicatorRowInput, NATURE_LABELS, type Nature } from "../schema";
import { notANumberMessage, parseIndicatorValue } from "../value";
import { dateText, fileError, type ImportError, loadWorkbook, NO, nameKey, natureOf, numberText, type Scalar, scalarOf, textOf, timesHundred, YES } from "./cells";
import { col, type ColumnKey, EXAMPLE_PREFIX, MAX_IMPORT_ROWS, MAX_SHEET_ROWS } from "./columns";
import { type ExcelFramework, tableShapeOf } from "./framework";
import { findHeader } from "./header";
import { cellRanges, sortErrors } from "./import-errors";

export type ParseIndicatorResult = { ok: true; rows: IndicatorRow[] } | { ok: false; errors: ImportError[] };

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

    /**
     * A text cell that holds no number: "/" (the row does not apply and carries no points; counted)
     * or text with a known reason (its error is recorded). True when handled so: the cell's value is "".
     */
    const unreadable = (p: ReturnType<typeof parseNumberText>, key: ColumnKey, field: "targetValue" | "actualValue" | "weight" | "manualScore", label: string, text: string): boolean => {
      if (!p.ok && p.notApplicable) slashCells++;
      else if (!p.ok && p.reason) err(field, key, notANumberMessage(label, text, p.reason));
      else return false;
      return true;
    };

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
          if (unreadable(p, key, field, label, s.text)) return "";
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
        if (unreadable(p, key, field, label, s.text)) return "";
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
