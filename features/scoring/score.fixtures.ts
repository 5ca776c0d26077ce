/** Fixtures shared by score.test.ts and score-rules.test.ts. */
import { Decimal } from "@/lib/money";
import { computeSelfEvaluationScore } from "./score";
import type { GroupInput, IndicatorInput, ScoreInput } from "./types";

// ───────────────────────────── fixtures ─────────────────────────────

export const OUTPUT: GroupInput = { id: "g-out", name: "产出指标", category: "OUTPUT", points: "50" };
export const OUTCOME: GroupInput = { id: "g-eff", name: "效益指标", category: "OUTCOME", points: "30" };
export const SATISFACTION: GroupInput = { id: "g-sat", name: "满意度指标", category: "SATISFACTION", points: "10" };

export function ind(p: Partial<IndicatorInput> & Pick<IndicatorInput, "id" | "groupId" | "nature">): IndicatorInput {
  return {
    target: null,
    actual: null,
    weight: null,
    manualScore: null,
    applicable: true,
    deviationReason: "",
    ...p,
  };
}

/**
 * A normal project (万元):
 *   预算: 年初 20, 全年 18, 执行 16.2 → 执行率 16.2 / 18 = 90.00 %, 得分 0.9 × 10 = 9.00
 *
 *   产出指标 (50)
 *     o1 培训人次        ≥ 200, actual 180, 分值 20 → 180 / 200 × 20 = 18.00   (shortfall, reason given)
 *     o2 资料印发合格率  ≥ 100, actual 100, 分值 15 → 15.00
 *     o3 完成时限(月)    ≤ 12,  actual 11,  分值 15 → 12 / 11 × 15 = 16.36… → capped 15.00
 *                                                               group 48.00 / 50
 *   效益指标 (30)
 *     e1 社会效益 (定性) evaluator 18, 分值 20 → 18.00                          (shortfall, reason given)
 *     e2 可持续影响      ≥ 3, actual 2, 分值 10 → 2 / 3 × 10 = 6.666… → 6.67   (shortfall, reason given)
 *                                                               group 24.67 / 30
 *   满意度指标 (10)
 *     s1 服务对象满意度  ≥ 90, actual 95.5, 分值 10 → 10.61… → capped 10.00
 *                                                               group 10.00 / 10
 *
 *   rawTotal = 9.00 + 48.00 + 24.67 + 10.00 = 91.67; maxTotal = 100; total 91.67 → 优
 */
export function normalProject(): ScoreInput {
  return {
    budget: { initial: "20", annual: "18", executed: "16.2" },
    budgetExecutionPoints: "10",
    groups: [OUTPUT, OUTCOME, SATISFACTION],
    indicators: [
      ind({ id: "o1", name: "培训人次", groupId: "g-out", nature: "GTE", target: "200", actual: "180", weight: "20", deviationReason: "部分学员因疫情未能参训" }),
      ind({ id: "o2", name: "资料印发合格率", groupId: "g-out", nature: "GTE", target: "100", actual: "100", weight: "15" }),
      ind({ id: "o3", name: "完成时限", groupId: "g-out", nature: "LTE", target: "12", actual: "11", weight: "15" }),
      ind({ id: "e1", name: "社会效益", groupId: "g-eff", nature: "QUALITATIVE", actual: null, manualScore: "18", weight: "20", deviationReason: "宣传覆盖面不足" }),
      ind({ id: "e2", name: "可持续影响", groupId: "g-eff", nature: "GTE", target: "3", actual: "2", weight: "10", deviationReason: "一项制度尚在审议" }),
      ind({ id: "s1", name: "服务对象满意度", groupId: "g-sat", nature: "GTE", target: "90", actual: "95.5", weight: "10" }),
    ],
  };
}

/**
 * Scores one indicator alone (分值 10 unless given) in a group whose points equal its 分值, with a
 * fully executed budget item taking the rest of the 100 points: no framework or weight issue.
 */
export function scoreOne(p: Partial<IndicatorInput> & Pick<IndicatorInput, "nature">) {
  const indicator = ind({ id: "x", name: "测试指标", groupId: "g", weight: "10", ...p });
  const points = indicator.weight ?? "10";
  const result = computeSelfEvaluationScore({
    budget: { initial: "1", annual: "1", executed: "1" },
    budgetExecutionPoints: new Decimal(100).minus(points).toString(),
    groups: [{ id: "g", name: "产出指标", category: "OUTPUT", points }],
    indicators: [indicator],
  });
  return { result, indicator: result.indicators[0]! };
}

export function codes(r: { issues: { code: string }[] }): string[] {
  return r.issues.map((i) => i.code);
}

// ───────────────────────────── tests ─────────────────────────────
