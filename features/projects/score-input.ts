/** Builds the scoring module's input from a stored project (amounts in 万元). */
import { Decimal } from "@/lib/money";
import type { ScoreInput, ScoreResult } from "@/features/scoring/types";
import { decimalText, yuanToWanText } from "@/lib/money";

type D = { toString(): string };
type Stored = {
  funding: { initialBudget: D; annualBudget: D; executed: D }[];
  indicators: {
    id: string;
    name: string;
    level1Id: string;
    nature: "EQ" | "GTE" | "LTE" | "QUALITATIVE";
    targetValue: D | null;
    actualValue: D | null;
    weight: D | null;
    manualScore: D | null;
    applicable: boolean;
    deviationReason: string;
  }[];
  framework: {
    budgetExecutionPoints: D;
    level1: { id: string; name: string; category: "COST" | "OUTPUT" | "OUTCOME" | "SATISFACTION"; points: D }[];
  };
};

function totalWan(lines: Stored["funding"], key: "initialBudget" | "annualBudget" | "executed"): string {
  const yuan = lines.reduce((sum, l) => sum.plus(l[key].toString()), new Decimal(0));
  return yuanToWanText(yuan);
}

export function toScoreInput(p: Stored): ScoreInput {
  return {
    budget: { initial: totalWan(p.funding, "initialBudget"), annual: totalWan(p.funding, "annualBudget"), executed: totalWan(p.funding, "executed") },
    budgetExecutionPoints: decimalText(p.framework.budgetExecutionPoints),
    groups: p.framework.level1.map((g) => ({ id: g.id, name: g.name, category: g.category, points: decimalText(g.points) })),
    indicators: p.indicators.map((i) => ({
      id: i.id,
      name: i.name,
      groupId: i.level1Id,
      nature: i.nature,
      target: i.targetValue == null ? null : decimalText(i.targetValue),
      actual: i.actualValue == null ? null : decimalText(i.actualValue),
      weight: i.weight == null ? null : decimalText(i.weight),
      manualScore: i.manualScore == null ? null : decimalText(i.manualScore),
      applicable: i.applicable,
      deviationReason: i.deviationReason,
    })),
  };
}

/**
 * A score is shown only when the table is complete enough to give one: with weights
 * missing or scores not entered, the rescaled total would be misleading (a table
 * without weights would "score" 100 on budget execution alone).
 *
 * A table that was approved or published without any 分值 (the seed's 2020 tables were
 * printed that way) is not "to be completed": nobody can complete a closed report, so it
 * says that the published table printed no scores (`unscored`).
 */
export function displayedScore(
  result: ScoreResult,
  context: { reportStatus?: string | null; weights?: readonly unknown[] } = {},
): { total: string | null; totalExact?: string; grade: string | null; pending: number; unscored: boolean } {
  const pending = result.issues.filter((i) => i.severity === "error").length;
  if (pending === 0) return { total: result.total, ...(result.totalExact ? { totalExact: result.totalExact } : {}), grade: result.grade, pending: 0, unscored: false };
  const closed = context.reportStatus === "APPROVED" || context.reportStatus === "PUBLISHED";
  const noWeights = (context.weights?.length ?? 0) > 0 && context.weights!.every((w) => w == null);
  return { total: null, grade: null, pending, unscored: closed && noWeights };
}
