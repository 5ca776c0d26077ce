/**
 * Pure helpers of the read-only indicator table: precomputed sort keys so that sorting
 * thousands of rows only compares numbers (tested in table-helpers.test.ts).
 */
import { NATURE_LABELS } from "../schema";
import type { IndicatorTableRow } from "./editor-types";

/** "GTE" → "≥" etc.; any other text is shown as is. */
export function natureLabel(nature: string): string {
  return (NATURE_LABELS as Record<string, string>)[nature] ?? nature;
}

/** Chinese-aware order (pinyin for Han characters), numbers inside strings compared numerically. */
const collator = new Intl.Collator("zh-Hans-CN", { numeric: true, sensitivity: "base" });

/** Rank of every distinct non-blank string in collation order (equal strings share a rank). */
export function collationRanks(values: Iterable<string>): Map<string, number> {
  const distinct = [...new Set(values)].filter((v) => v.trim() !== "");
  distinct.sort(collator.compare);
  const ranks = new Map<string, number>();
  let rank = 0;
  distinct.forEach((v, i) => {
    if (i > 0 && collator.compare(distinct[i - 1]!, v) !== 0) rank = i;
    ranks.set(v, rank);
  });
  return ranks;
}

/**
 * The number a cell starts with ("1,200" → 1200, "95（说明）" → 95, "8.50" → 8.5); undefined
 * when it has none (blank, "不适用", text), so such cells sort last.
 */
export function sortNumber(s: string): number | undefined {
  const m = /^[+-]?(\d+(\.\d*)?|\.\d+)/.exec(s.trim().replace(/,/g, ""));
  if (!m) return undefined;
  const n = Number(m[0]);
  return Number.isFinite(n) ? n : undefined;
}

export const TEXT_COLUMNS = ["level1", "level2", "name", "nature", "unit", "deviationReason"] as const;
export type TextColumn = (typeof TEXT_COLUMNS)[number];
export const NUMBER_COLUMNS = ["target", "actual", "weight", "score"] as const;
export type NumberColumn = (typeof NUMBER_COLUMNS)[number];

export type PreparedRow = IndicatorTableRow & {
  /** 1-based position in the table as given (the 序号 column). */
  seq: number;
  natureText: string;
  numbers: Record<NumberColumn, number | undefined>;
  /** Lower-cased text the search box matches. */
  search: string;
};

export function prepareTableRows(rows: readonly IndicatorTableRow[]): PreparedRow[] {
  return rows.map((r, i) => {
    const natureText = natureLabel(r.nature);
    return {
      ...r,
      seq: i + 1,
      natureText,
      numbers: { target: sortNumber(r.target), actual: sortNumber(r.actual), weight: sortNumber(r.weight), score: sortNumber(r.score) },
      search: [r.level1, r.level2, r.name, natureText, r.target, r.unit, r.actual, r.weight, r.score, r.deviationReason].join("\n").toLowerCase(),
    };
  });
}

export function textOf(row: PreparedRow, column: TextColumn): string {
  return column === "nature" ? row.natureText : row[column];
}

/**
 * Lazily computed collation ranks per text column, so the first sort by a column pays for
 * collation once and every later comparison is an integer subtraction.
 */
export function makeRanker(rows: readonly PreparedRow[]) {
  const cache = new Map<TextColumn, Map<string, number>>();
  const ranksOf = (column: TextColumn) => {
    let ranks = cache.get(column);
    if (!ranks) {
      ranks = collationRanks(rows.map((r) => textOf(r, column)));
      cache.set(column, ranks);
    }
    return ranks;
  };
  return {
    ranksOf,
    /** The sort key of a text cell; undefined when blank (sorted last). */
    rank(column: TextColumn, value: string): number | undefined {
      return ranksOf(column).get(value);
    },
  };
}

/** Every word of the query occurs in the row's text. */
export function matchesSearch(row: PreparedRow, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return words.every((w) => row.search.includes(w));
}
