/**
 * Live scoring of the indicator editor: the table's score and each row's view (score, completion),
 * cached by row content. No React, no DOM.
 */
import { computeSelfEvaluationScore } from "@/features/scoring/score";
import type { IndicatorInput, ScoreInput, ScoreResult } from "@/features/scoring/types";
import { type FrameworkShape, type IndicatorRowInput, type Nature, emptyIndicatorRow } from "../schema";

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

export const NO_BUDGET = { initial: "0", annual: "0", executed: "0" };
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
