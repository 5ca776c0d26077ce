/**
 * Errors and validation of the indicator editor's form: which field a message belongs to, the
 * messages react-hook-form holds per row and for the table, and the resolver. No React, no DOM.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldErrors, Resolver } from "react-hook-form";
import type { FieldError } from "@/lib/action-result";
import { type FrameworkShape, type IndicatorRowInput, indicatorTableSchema } from "../schema";
import type { EditorFormOutput, EditorFormValues } from "./editor-types";

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
  const full = zodResolver(indicatorTableSchema(framework), undefined, { mode: "sync" });
  return async (values, context, options) => {
    const index = singleRowIndex(options.names);
    const row = index === null ? undefined : values.rows[index];
    if (index === null || !row || values.rows.length < 2) return full(values, context, options);
    const field = options.names![0]!.split(".")[2]!;
    const result = await full({ rows: [row] }, context, { ...options, fields: {}, names: [`rows.0.${field}`] });
    const rowError = result.errors.rows?.[0];
    // react-hook-form reads only `errors` from a check of named fields; `values` (the parsed
    // table) come from the whole-table check that every submit runs.
    if (!rowError) return { values: {}, errors: {} };
    const rows: (typeof rowError | undefined)[] = [];
    rows[index] = rowError;
    return { values: {}, errors: { rows } };
  };
}
