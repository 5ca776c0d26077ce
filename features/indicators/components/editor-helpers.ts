/**
 * Pure helpers of the indicator editor: no React, no DOM. Everything here is unit-tested
 * (editor-helpers.test.ts) and safe to import from client components.
 */
import { type FrameworkShape, type IndicatorRowInput, emptyIndicatorRow } from "../schema";
import type { EditorFramework, IndicatorTableRow, LibraryItem } from "./editor-types";
import type { ScoreResult } from "@/features/scoring/types";
import { NO_BUDGET, scoreTable } from "./editor-scoring";
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
