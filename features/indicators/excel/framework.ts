/**
 * The project and framework as the Excel import and export need them, and the conversions from what
 * `getProject` loads. No exceljs here: the editor's form values use `storedIndicatorRow` too.
 */
import { decimalText } from "@/lib/money";
import type { IndicatorCategory } from "@/features/scoring/types";
import type { FrameworkShape, IndicatorRowInput, Nature } from "../schema";

type DecimalLike = { toString(): string };

/** The framework as import and export need it: names and ids, points when the table rules are checked. */
export type ExcelFramework = {
  /** Needed (with every group's category and points) for the table rules. */
  budgetExecutionPoints?: string;
  groups: {
    id: string;
    name: string;
    category?: IndicatorCategory;
    points?: string;
    level2: { id: string; name: string }[];
  }[];
};


export type SelfEvaluationProject = {
  name: string;
  year: number;
  competentDepartment: string;
  implementingUnit: string;
  goalExpected: string;
  goalActual: string;
  funding: { source: "FISCAL" | "CARRYOVER" | "OTHER"; initialBudget: DecimalLike; annualBudget: DecimalLike; executed: DecimalLike }[];
  indicators: {
    id: string;
    level1Id: string;
    level2Id: string;
    name: string;
    nature: Nature;
    targetValue: DecimalLike | null;
    targetText: string;
    unit: string | null;
    actualValue: DecimalLike | null;
    actualText: string;
    weight: DecimalLike | null;
    manualScore: DecimalLike | null;
    applicable: boolean;
    deviationReason: string;
  }[];
  framework: {
    budgetExecutionPoints: DecimalLike;
    level1: { id: string; name: string; category: IndicatorCategory; points: DecimalLike; level2: { id: string; name: string }[] }[];
  };
};

/** The Prisma framework (as `getProject` loads it) → the shape import and export use. */
export function excelFrameworkOf(framework: SelfEvaluationProject["framework"]): ExcelFramework {
  return {
    budgetExecutionPoints: decimalText(framework.budgetExecutionPoints),
    groups: framework.level1.map((g) => ({
      id: g.id,
      name: g.name,
      category: g.category,
      points: decimalText(g.points),
      level2: g.level2.map((l) => ({ id: l.id, name: l.name })),
    })),
  };
}

/** The table schema's framework shape, when the framework carries points and categories. */
export function tableShapeOf(framework: ExcelFramework): FrameworkShape | null {
  if (framework.budgetExecutionPoints === undefined) return null;
  const groups: FrameworkShape["groups"] = [];
  for (const g of framework.groups) {
    if (!g.category || g.points === undefined) return null;
    groups.push({ id: g.id, name: g.name, category: g.category, points: g.points, level2Ids: g.level2.map((l) => l.id) });
  }
  return { budgetExecutionPoints: framework.budgetExecutionPoints, groups };
}


/** A stored indicator as a form row (decimal strings, "" for none), keeping its id. */
export function storedIndicatorRow(i: SelfEvaluationProject["indicators"][number]): IndicatorRowInput {
  return {
    id: i.id,
    level1Id: i.level1Id,
    level2Id: i.level2Id,
    name: i.name,
    nature: i.nature,
    targetValue: decimalText(i.targetValue),
    unit: i.unit ?? "",
    targetText: i.targetText,
    actualValue: decimalText(i.actualValue),
    actualText: i.actualText,
    weight: decimalText(i.weight),
    manualScore: decimalText(i.manualScore),
    applicable: i.applicable,
    deviationReason: i.deviationReason,
  };
}
