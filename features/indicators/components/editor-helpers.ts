/**
 * Pure helpers of the indicator editor: no React, no DOM. Everything here is unit-tested
 * (editor-helpers.test.ts) and safe to import from client components.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldErrors, Resolver } from "react-hook-form";
import { computeSelfEvaluationScore } from "@/features/scoring/score";
import type { IndicatorInput, ScoreInput, ScoreResult } from "@/features/scoring/types";
import type { FieldError } from "@/lib/action-result";
import { type FrameworkShape, type IndicatorRowInput, type Nature, emptyIndicatorRow, indicatorTableSchema } from "../schema";
import type { EditorFormOutput, EditorFormValues, EditorFramework, IndicatorTableRow, LibraryItem } from "./editor-types";
import { natureLabel } from "./table-helpers";

// ───────────────────────────── framework ─────────────────────────────

/** The shape `indicatorTableSchema` checks against, derived from the editor's framework prop. */
export function toFrameworkShape(framework: EditorFramework): FrameworkShape {
  return {
    budgetExecutionPoints: framework.budgetExecutionPoints,
    groups: framework.groups.map((g) => ({
      id: g.id,
      name: g.name,
      category: g.category,
      points: g.points,
      level2Ids: g.level2.map((l) => l.id),
    })),
  };
}

export type FrameworkNames = {
  level1: Map<string, string>;
  level2: Map<string, string>;
};

export function frameworkNames(framework: EditorFramework): FrameworkNames {
  const level1 = new Map<string, string>();
  const level2 = new Map<string, string>();
  for (const g of framework.groups) {
    level1.set(g.id, g.name);
    for (const l of g.level2) level2.set(l.id, l.name);
  }
  return { level1, level2 };
}

// ───────────────────────────── rows: moving, paging ─────────────────────────────

/** Copies of the rows (react-hook-form mutates its values in place). */
export function cloneRows(rows: readonly IndicatorRowInput[]): IndicatorRowInput[] {
  return rows.map((r) => ({ ...r }));
}

/** Same rows with the same values, in the same order. */
export function sameRows(a: readonly IndicatorRowInput[], b: readonly IndicatorRowInput[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((r, i) => {
    const o = b[i]!;
    const keys = new Set([...Object.keys(r), ...Object.keys(o)]) as Set<keyof IndicatorRowInput>;
    return [...keys].every((k) => r[k] === o[k]);
  });
}

/** Where a row at `index` goes when moved by `delta`; null when it cannot move. */
export function moveTarget(index: number, delta: -1 | 1, length: number): number | null {
  const to = index + delta;
  if (index < 0 || index >= length || to < 0 || to >= length) return null;
  return to;
}

/** Which row to focus after deleting row `index` from a table of `lengthBefore` rows; null when none is left. */
export function focusIndexAfterDelete(index: number, lengthBefore: number): number | null {
  const lengthAfter = lengthBefore - 1;
  if (lengthAfter <= 0) return null;
  return Math.min(index, lengthAfter - 1);
}

/** Rows per page once the editor paginates. */
export const PAGE_SIZE = 200;
/** Up to this many rows the editor renders every row; above, it paginates by PAGE_SIZE. */
export const PAGINATE_ABOVE = 1000;

export function isPaginated(rowCount: number): boolean {
  return rowCount > PAGINATE_ABOVE;
}

export function pageCount(rowCount: number): number {
  return isPaginated(rowCount) ? Math.ceil(rowCount / PAGE_SIZE) : 1;
}

export function pageOfIndex(index: number, rowCount: number): number {
  return isPaginated(rowCount) ? Math.floor(Math.max(0, index) / PAGE_SIZE) : 0;
}

/** [start, end) of the rows shown on `page` (clamped to the existing pages). */
export function pageRange(page: number, rowCount: number): { page: number; start: number; end: number } {
  if (!isPaginated(rowCount)) return { page: 0, start: 0, end: rowCount };
  const p = Math.min(Math.max(0, page), pageCount(rowCount) - 1);
  return { page: p, start: p * PAGE_SIZE, end: Math.min(rowCount, (p + 1) * PAGE_SIZE) };
}

// ───────────────────────────── errors ─────────────────────────────

/** The row fields the editor shows, in column (and therefore Tab) order. */
export const ROW_FIELDS = [
  "level1Id",
  "level2Id",
  "name",
  "nature",
  "targetValue",
  "targetText",
  "unit",
  "actualValue",
  "actualText",
  "weight",
  "manualScore",
  "applicable",
  "deviationReason",
] as const satisfies readonly (keyof IndicatorRowInput)[];
export type RowField = (typeof ROW_FIELDS)[number];

const ROW_FIELD_SET: ReadonlySet<string> = new Set(ROW_FIELDS);
export function isRowField(s: string): s is RowField {
  return ROW_FIELD_SET.has(s);
}

export const ROW_FIELD_LABELS: Record<RowField, string> = {
  level1Id: "一级指标",
  level2Id: "二级指标",
  name: "三级指标",
  nature: "指标性质",
  targetValue: "指标值",
  targetText: "指标值说明",
  unit: "计量单位",
  actualValue: "实际完成值",
  actualText: "实际完成情况",
  weight: "分值",
  manualScore: "得分",
  applicable: "适用",
  deviationReason: "偏差原因分析及改进措施",
};

export type RowFieldPath = `rows.${number}.${RowField}`;
export type FieldErrorOnRow = { path: RowFieldPath; index: number; field: RowField; message: string };
export type SplitFieldErrors = { fields: FieldErrorOnRow[]; table: string[] };

const ROW_PATH = /^rows\.(\d+)(?:\.(.+))?$/;

/**
 * Sorts a server action's `fieldErrors` into errors that belong to an input of the table
 * ("rows.3.unit") and table-level messages ("rows", "", or anything not matching an input;
 * a message about a whole row gets a "第N行：" prefix). Field errors come back in row, then column, order.
 */
export function splitFieldErrors(errors: readonly FieldError[] | undefined, rowCount: number): SplitFieldErrors {
  const fields: FieldErrorOnRow[] = [];
  const table: string[] = [];
  for (const e of errors ?? []) {
    const m = ROW_PATH.exec(e.path);
    const index = m ? Number(m[1]) : -1;
    const field = m?.[2];
    if (m && index < rowCount && field !== undefined && isRowField(field)) {
      fields.push({ path: `rows.${index}.${field}`, index, field, message: e.message });
    } else if (m && index < rowCount) {
      table.push(`第${index + 1}行：${e.message}`);
    } else {
      table.push(e.message);
    }
  }
  fields.sort((a, b) => a.index - b.index || ROW_FIELDS.indexOf(a.field) - ROW_FIELDS.indexOf(b.field));
  return { fields, table: [...new Set(table)] };
}

/** Messages of one row's errors, by field (what a row component shows). */
export type RowErrors = Partial<Record<RowField, string>>;

/** Reads one row's messages out of react-hook-form's `errors.rows[index]` (which may be an array or an object). */
export function rowErrorMessages(rowError: unknown): RowErrors | undefined {
  if (!rowError || typeof rowError !== "object") return undefined;
  let out: RowErrors | undefined;
  for (const f of ROW_FIELDS) {
    const e = (rowError as Record<string, unknown>)[f];
    const message = e && typeof e === "object" ? (e as { message?: unknown }).message : undefined;
    if (typeof message === "string" && message) (out ??= {})[f] = message;
  }
  return out;
}

export function sameRowErrors(a: RowErrors | undefined, b: RowErrors | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return ROW_FIELDS.every((f) => a[f] === b[f]);
}

/** Table-level messages held by react-hook-form at `errors.rows` (root / own message, all criteria). */
export function tableLevelMessages(errors: FieldErrors<EditorFormValues>): string[] {
  const rowsError = errors.rows as unknown;
  if (!rowsError || typeof rowsError !== "object") return [];
  const out: string[] = [];
  const collect = (e: unknown) => {
    if (!e || typeof e !== "object") return;
    const { message, types } = e as { message?: unknown; types?: Record<string, unknown> };
    if (typeof message === "string" && message) out.push(message);
    for (const v of Object.values(types ?? {})) {
      for (const m of Array.isArray(v) ? v : [v]) if (typeof m === "string" && m) out.push(m);
    }
  };
  collect((rowsError as { root?: unknown }).root);
  if (!Array.isArray(rowsError)) collect(rowsError);
  return [...new Set(out)];
}

/** Row indexes that hold at least one error, ascending. */
export function rowsWithErrors(errors: FieldErrors<EditorFormValues>): number[] {
  const rowsError = errors.rows as unknown;
  if (!rowsError || typeof rowsError !== "object") return [];
  return Object.keys(rowsError)
    .filter((k) => /^\d+$/.test(k) && rowErrorMessages((rowsError as Record<string, unknown>)[k]))
    .map(Number)
    .sort((a, b) => a - b);
}

/** The first field (in column order) holding an error on a row. */
export function firstErrorField(rowErrors: RowErrors | undefined): RowField | undefined {
  return rowErrors ? ROW_FIELDS.find((f) => rowErrors[f]) : undefined;
}

// ───────────────────────────── validation ─────────────────────────────

/** "rows.3.unit" → 3 when `names` is exactly one field of one row (a blur), else null. */
export function singleRowIndex(names: readonly string[] | undefined): number | null {
  if (!names || names.length !== 1) return null;
  const m = /^rows\.(\d+)\.[A-Za-z]+$/.exec(names[0] ?? "");
  return m ? Number(m[1]) : null;
}

/**
 * `zodResolver(indicatorTableSchema(framework))`, except that validating a single field on
 * blur checks only that field's row (as a one-row table, so every row rule of the schema
 * applies exactly) instead of the whole table: with a thousand rows the whole table takes
 * ~100 ms to check, which would make every Tab stutter. Saving always checks the whole table
 * (weights adding up, "请填写分值" once any weight is set, …).
 */
export function indicatorResolver(framework: FrameworkShape): Resolver<EditorFormValues, unknown, EditorFormOutput> {
  const full = zodResolver(indicatorTableSchema(framework), undefined, { mode: "sync" }) as unknown as Resolver<EditorFormValues, unknown, EditorFormOutput>;
  return async (values, context, options) => {
    const index = singleRowIndex(options.names);
    const row = index === null ? undefined : values.rows[index];
    if (index === null || !row || values.rows.length < 2) return full(values, context, options);
    const field = options.names![0]!.split(".")[2]!;
    const result = await full({ rows: [row] }, context, { ...options, fields: {}, names: [`rows.0.${field}`] });
    const rowError = (result.errors.rows as unknown as Record<string, unknown> | undefined)?.[0];
    if (!rowError) return { values: values as unknown as EditorFormOutput, errors: {} };
    const rows: unknown[] = [];
    rows[index] = rowError;
    return { values: {}, errors: { rows } as unknown as FieldErrors<EditorFormValues> };
  };
}

// ───────────────────────────── scoring ─────────────────────────────

/** Mirrors the schema's number transform (trim, drop thousands separators) before scoring. */
export function normaliseNumber(s: string | null | undefined): string {
  return (s ?? "").trim().replace(/,/g, "");
}

export function toScoreIndicator(row: IndicatorRowInput, id: string): IndicatorInput {
  const orNull = (s: string) => (s === "" ? null : s);
  return {
    id,
    name: row.name?.trim() || `第${Number(id) + 1}行`,
    groupId: row.level1Id ?? "",
    nature: row.nature,
    target: orNull(normaliseNumber(row.targetValue)),
    actual: orNull(normaliseNumber(row.actualValue)),
    weight: orNull((row.weight ?? "").trim()),
    manualScore: orNull((row.manualScore ?? "").trim()),
    applicable: row.applicable !== false,
    deviationReason: row.deviationReason ?? "",
  };
}

export type Budget = { initial: string; annual: string; executed: string };

/** The scoring input for the whole table; indicator ids are row indexes ("0", "1", …). */
export function buildScoreInput(framework: FrameworkShape, budget: Budget, rows: readonly IndicatorRowInput[]): ScoreInput {
  return {
    budget: { initial: normaliseNumber(budget.initial), annual: normaliseNumber(budget.annual), executed: normaliseNumber(budget.executed) },
    budgetExecutionPoints: framework.budgetExecutionPoints,
    groups: framework.groups.map(({ id, name, category, points }) => ({ id, name, category, points })),
    indicators: rows.map((r, i) => toScoreIndicator(r, String(i))),
  };
}

export function scoreTable(framework: FrameworkShape, budget: Budget, rows: readonly IndicatorRowInput[]): ScoreResult {
  return computeSelfEvaluationScore(buildScoreInput(framework, budget, rows));
}

/** What one row shows that depends on its own values: its live 得分 and whether a deviation reason is required. */
export type RowView = {
  level1Id: string;
  nature: Nature;
  applicable: boolean;
  /** Computed 得分 of a quantitative row ("8.50"); null when not applicable, qualitative or incomplete. */
  score: string | null;
  /** An applicable quantitative row without its 指标值, 实际完成值 or 分值 (no score shown yet). */
  incomplete: boolean;
  /** A shortfall: 偏差原因分析及改进措施 is required (same rule as the schema). */
  reasonRequired: boolean;
  reasonMissing: boolean;
};

const NO_BUDGET = { initial: "0", annual: "0", executed: "0" };
const ROW_GROUP = [{ id: "g", name: "", category: "OUTPUT" as const, points: "0" }];

/**
 * What a row shows depends only on these values (a row's score does not depend on other rows),
 * so views are memoised by them: the editor scores all initial rows in one call
 * (`primeRowViews`) and each keystroke scores only the row typed in.
 */
function rowViewKey(r: IndicatorRowInput): string {
  return [
    r.level1Id ?? "",
    r.nature ?? "",
    r.targetValue ?? "",
    r.actualValue ?? "",
    r.weight ?? "",
    r.manualScore ?? "",
    r.applicable === false ? "0" : "1",
    (r.deviationReason ?? "").trim() ? "1" : "0",
  ].join("\u0001");
}

const VIEW_CACHE_LIMIT = 50_000;
const viewCache = new Map<string, RowView>();

/** Views of many rows from one scoring call (exported for tests; use `rowView` / `primeRowViews`). */
export function computeRowViews(rows: readonly IndicatorRowInput[]): RowView[] {
  const result = computeSelfEvaluationScore({
    budget: NO_BUDGET,
    budgetExecutionPoints: "0",
    groups: ROW_GROUP,
    indicators: rows.map((r, i) => ({ ...toScoreIndicator(r, String(i)), groupId: "g" })),
  });
  return rows.map((r, i) => {
    const ind = result.indicators[i]!;
    const nature: Nature = r.nature ?? "GTE";
    const applicable = r.applicable !== false;
    const quantitative = nature !== "QUALITATIVE";
    const incomplete = applicable && quantitative && (ind.missingTarget || ind.missingActual || ind.missingWeight);
    const reasonRequired = ind.needsDeviationReason && !ind.missingActual && !ind.missingScore && !ind.missingWeight;
    return {
      level1Id: r.level1Id ?? "",
      nature,
      applicable,
      score: applicable && quantitative && !incomplete ? ind.score : null,
      incomplete,
      reasonRequired,
      reasonMissing: reasonRequired && ind.deviationReasonMissing,
    };
  });
}

function rememberViews(rows: readonly IndicatorRowInput[], keys: readonly string[]): RowView[] {
  const views = computeRowViews(rows);
  if (viewCache.size + keys.length > VIEW_CACHE_LIMIT) viewCache.clear();
  keys.forEach((k, i) => viewCache.set(k, views[i]!));
  return views;
}

/** A row's live 得分 and deviation-reason state (memoised by the values it depends on). */
export function rowView(row: IndicatorRowInput | undefined): RowView {
  const r = row ?? emptyIndicatorRow();
  const key = rowViewKey(r);
  return viewCache.get(key) ?? rememberViews([r], [key])[0]!;
}

/** Scores many rows in one call so that the rows' first `rowView` are cache hits. */
export function primeRowViews(rows: readonly IndicatorRowInput[]): void {
  const missing: IndicatorRowInput[] = [];
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    const key = rowViewKey(r);
    if (viewCache.has(key) || seen.has(key)) continue;
    seen.add(key);
    missing.push(r);
    keys.push(key);
  }
  if (missing.length) rememberViews(missing, keys);
}

// ───────────────────────────── 指标库 ─────────────────────────────

export type LibraryEntry = {
  item: LibraryItem;
  level1Id: string;
  level1Name: string;
  level2Id: string;
  level2Name: string;
  /** Lower-cased text searched by the dialog. */
  haystack: string;
};

export function flattenLibrary(framework: EditorFramework): LibraryEntry[] {
  const out: LibraryEntry[] = [];
  for (const g of framework.groups) {
    for (const l of g.level2) {
      for (const item of l.library) {
        out.push({
          item,
          level1Id: g.id,
          level1Name: g.name,
          level2Id: l.id,
          level2Name: l.name,
          haystack: [item.name, item.description, item.targetText ?? "", item.unit ?? "", g.name, l.name].join("\n").toLowerCase(),
        });
      }
    }
  }
  return out;
}

/** Entries matching every whitespace-separated word of `query`, optionally only under one 二级指标. */
export function filterLibrary(entries: readonly LibraryEntry[], query: string, level2Id?: string | null): LibraryEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return entries.filter((e) => (!level2Id || e.level2Id === level2Id) && words.every((w) => e.haystack.includes(w)));
}

/** A new row prefilled from a library item. */
export function rowFromLibraryItem(level1Id: string, level2Id: string, item: LibraryItem): IndicatorRowInput {
  return {
    ...emptyIndicatorRow(level1Id, level2Id),
    name: item.name,
    nature: item.nature,
    unit: item.nature === "QUALITATIVE" ? "" : (item.unit ?? ""),
    targetText: item.targetText ?? "",
  };
}

// ───────────────────────────── read-only views ─────────────────────────────

function targetDisplay(r: IndicatorRowInput): string {
  if (r.nature === "QUALITATIVE") return r.targetText ?? "";
  const value = (r.targetValue ?? "").trim();
  const text = (r.targetText ?? "").trim();
  return value && text ? `${value}（${text}）` : value || text;
}

function actualDisplay(r: IndicatorRowInput): string {
  if (r.nature === "QUALITATIVE") return r.actualText ?? "";
  const value = (r.actualValue ?? "").trim();
  const text = (r.actualText ?? "").trim();
  return value && text ? `${value}（${text}）` : value || text;
}

/** The rows of the read-only `IndicatorTable` (names resolved, scores computed). */
export function toIndicatorTableRows(framework: EditorFramework, rows: readonly IndicatorRowInput[], scored?: ScoreResult): IndicatorTableRow[] {
  const names = frameworkNames(framework);
  const result = scored ?? scoreTable(toFrameworkShape(framework), NO_BUDGET, rows);
  return rows.map((r, i) => {
    const ind = result.indicators[i];
    let score = "";
    if (r.applicable === false) score = "不适用";
    else if (!ind || ind.missingWeight) score = "";
    else if (r.nature === "QUALITATIVE") score = (r.manualScore ?? "").trim() ? (ind.score ?? "") : "";
    else if (!ind.missingActual && !ind.missingTarget) score = ind.score ?? "";
    return {
      id: r.id ?? `new-${i}`,
      level1: names.level1.get(r.level1Id) ?? "",
      level2: names.level2.get(r.level2Id) ?? "",
      name: r.name ?? "",
      nature: r.nature,
      target: targetDisplay(r),
      unit: r.nature === "QUALITATIVE" ? "" : (r.unit ?? ""),
      actual: actualDisplay(r),
      weight: r.weight ?? "",
      score,
      deviationReason: r.deviationReason ?? "",
    };
  });
}

const TSV_HEADERS = ["序号", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "计量单位", "实际完成值", "分值", "得分", "适用", "偏差原因分析及改进措施"];

/** The table as tab-separated text (pastes into a spreadsheet), so unsaved input can be kept before reloading. */
export function rowsToTsv(framework: EditorFramework, rows: readonly IndicatorRowInput[]): string {
  const cell = (s: string) => s.replace(/[\t\r\n]+/g, " ").trim();
  const table = toIndicatorTableRows(framework, rows);
  const lines = table.map((t, i) => {
    const r = rows[i]!;
    const score = r.nature === "QUALITATIVE" ? (r.manualScore ?? "") : t.score === "不适用" ? "" : t.score;
    return [String(i + 1), t.level1, t.level2, t.name, natureLabel(t.nature), t.target, t.unit, t.actual, t.weight, score, r.applicable === false ? "否" : "是", t.deviationReason]
      .map(cell)
      .join("\t");
  });
  return [TSV_HEADERS.join("\t"), ...lines].join("\n");
}
