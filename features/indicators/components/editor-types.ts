/**
 * Props and shared types of the indicator (绩效指标) editor and table.
 * Kept free of React so pure helpers and tests can import them.
 */
import type { IndicatorRow, IndicatorRowInput, Nature } from "../schema";

/** One entry of the 指标库 (indicator library) under a 二级指标. */
export type LibraryItem = {
  id: string;
  name: string;
  nature: Nature;
  unit: string | null;
  targetText: string | null;
  description: string;
};

/** The project's framework as the editor needs it (ids, names, points and the library). */
export type EditorFramework = {
  budgetExecutionPoints: string;
  groups: {
    id: string;
    name: string;
    category: "COST" | "OUTPUT" | "OUTCOME" | "SATISFACTION";
    points: string;
    level2: { id: string; name: string; library: LibraryItem[] }[];
  }[];
};

export type IndicatorEditorProps = {
  projectId: string;
  /** The project's version the rows were read at (optimistic locking). */
  version: number;
  framework: EditorFramework;
  /** Rows in table order (sortOrder ascending). */
  initialRows: (IndicatorRowInput & { id: string })[];
  /** 项目资金 in 万元, as decimal strings. */
  budget: { initial: string; annual: string; executed: string };
  readOnly: boolean;
  /** Shown in a banner when readOnly (e.g. "报告已提交，不能修改"). */
  readOnlyReason?: string;
};

/** The form's values: `id` is present on rows already saved. */
export type EditorFormValues = { rows: IndicatorRowInput[] };
/** The form's values once parsed by the table schema (trimmed, thousands separators removed). */
export type EditorFormOutput = { rows: IndicatorRow[] };

/** One row of the read-only `IndicatorTable`: display strings. */
export type IndicatorTableRow = {
  id: string;
  level1: string;
  level2: string;
  name: string;
  /** "GTE" | "LTE" | "EQ" | "QUALITATIVE" (shown as ≥ ≤ ＝ 定性) or an already formatted label. */
  nature: string;
  target: string;
  unit: string;
  actual: string;
  weight: string;
  score: string;
  deviationReason: string;
};
