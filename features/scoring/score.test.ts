import { describe, expect, it } from "vitest";
import { Decimal } from "@/lib/money";
import { computeSelfEvaluationScore, gradeOf } from "./score";
import type { GroupInput, IndicatorInput, ScoreInput } from "./types";

// ───────────────────────────── fixtures ─────────────────────────────

const OUTPUT: GroupInput = { id: "g-out", name: "产出指标", category: "OUTPUT", points: "50" };
const OUTCOME: GroupInput = { id: "g-eff", name: "效益指标", category: "OUTCOME", points: "30" };
const SATISFACTION: GroupInput = { id: "g-sat", name: "满意度指标", category: "SATISFACTION", points: "10" };

function ind(p: Partial<IndicatorInput> & Pick<IndicatorInput, "id" | "groupId" | "nature">): IndicatorInput {
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
function normalProject(): ScoreInput {
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
function scoreOne(p: Partial<IndicatorInput> & Pick<IndicatorInput, "nature">) {
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

function codes(r: { issues: { code: string }[] }): string[] {
  return r.issues.map((i) => i.code);
}

// ───────────────────────────── tests ─────────────────────────────

describe("computeSelfEvaluationScore — a full normal project", () => {
  const r = computeSelfEvaluationScore(normalProject());

  it("scores 预算执行率 on 全年预算数: 16.2 / 18 = 90.00 % → 9.00 of 10", () => {
    expect(r.budgetExecution).toEqual({
      denominator: "annual",
      rate: "90.00",
      score: "9.00",
      max: "10.00",
      applicable: true,
      shortfall: true,
    });
  });

  it("scores every indicator as computed by hand", () => {
    expect(r.indicators.map((i) => [i.id, i.score, i.max])).toEqual([
      ["o1", "18.00", "20.00"],
      ["o2", "15.00", "15.00"],
      ["o3", "15.00", "15.00"],
      ["e1", "18.00", "20.00"],
      ["e2", "6.67", "10.00"],
      ["s1", "10.00", "10.00"],
    ]);
    expect(r.indicators.map((i) => i.needsDeviationReason)).toEqual([true, false, false, true, true, false]);
    expect(r.indicators.every((i) => !i.missingActual && !i.missingTarget && !i.missingScore && i.counted)).toBe(true);
  });

  it("sums the groups", () => {
    expect(r.groups).toEqual([
      { id: "g-out", name: "产出指标", category: "OUTPUT", points: "50.00", score: "48.00", max: "50.00", weightSum: "50.00", weightsMatch: true, applicable: true },
      { id: "g-eff", name: "效益指标", category: "OUTCOME", points: "30.00", score: "24.67", max: "30.00", weightSum: "30.00", weightsMatch: true, applicable: true },
      { id: "g-sat", name: "满意度指标", category: "SATISFACTION", points: "10.00", score: "10.00", max: "10.00", weightSum: "10.00", weightsMatch: true, applicable: true },
    ]);
  });

  it("totals 9.00 + 48.00 + 24.67 + 10.00 = 91.67 of 100 → 优, with no issues", () => {
    expect(r.rawTotal).toBe("91.67");
    expect(r.maxTotal).toBe("100.00");
    expect(r.total).toBe("91.67");
    expect(r.grade).toBe("优");
    expect(r.issues).toEqual([]);
    expect(r.weightIssues).toEqual([]);
    expect(r.missingDeviationReasons).toEqual([]);
  });

  it("does not mutate its input", () => {
    const input = normalProject();
    const copy = structuredClone(input);
    computeSelfEvaluationScore(input);
    expect(input).toEqual(copy);
  });
});

describe("预算执行率", () => {
  it("uses 年初预算数 when asked: 16.2 / 20 = 81.00 % → 8.10", () => {
    const r = computeSelfEvaluationScore({ ...normalProject(), denominator: "initial" });
    expect(r.budgetExecution).toMatchObject({ denominator: "initial", rate: "81.00", score: "8.10", max: "10.00" });
    // 8.10 + 48.00 + 24.67 + 10.00 = 90.77
    expect(r.total).toBe("90.77");
  });

  it("rounds half-up: 2 / 3 = 66.666… % → rate 66.67, score 6.666… → 6.67", () => {
    const r = computeSelfEvaluationScore({ ...normalProject(), budget: { initial: "3", annual: "3", executed: "2" } });
    expect(r.budgetExecution).toMatchObject({ rate: "66.67", score: "6.67" });
  });

  it("caps over-execution at 100 %: 20 / 18 = 111.11 % → 10.00, with a warning", () => {
    const r = computeSelfEvaluationScore({ ...normalProject(), budget: { initial: "18", annual: "18", executed: "20" } });
    expect(r.budgetExecution).toMatchObject({ rate: "111.11", score: "10.00", applicable: true, shortfall: false });
    expect(r.budgetExecution.warning).toContain("111.11%");
    expect(codes(r)).toEqual(["BUDGET_OVER_EXECUTED"]);
    // 10.00 + 48.00 + 24.67 + 10.00 = 92.67
    expect(r.total).toBe("92.67");
  });

  it("exactly 100 % gives full points and no warning", () => {
    const r = computeSelfEvaluationScore({ ...normalProject(), budget: { initial: "18", annual: "18", executed: "18.00" } });
    expect(r.budgetExecution).toEqual({ denominator: "annual", rate: "100.00", score: "10.00", max: "10.00", applicable: true, shortfall: false });
  });

  it("zero budget and zero execution: not applicable, the rest rescaled", () => {
    // rawTotal = 48.00 + 24.67 + 10.00 = 82.67; maxTotal = 90;
    // total = 82.67 / 90 × 100 = 91.8555… → 91.86 → 优
    const r = computeSelfEvaluationScore({ ...normalProject(), budget: { initial: "0", annual: "0", executed: "0" } });
    expect(r.budgetExecution).toEqual({ denominator: "annual", rate: null, score: null, max: "10.00", applicable: false, shortfall: false });
    expect(r.rawTotal).toBe("82.67");
    expect(r.maxTotal).toBe("90.00");
    expect(r.total).toBe("91.86");
    expect(r.grade).toBe("优");
    expect(r.issues).toEqual([
      expect.objectContaining({ code: "BUDGET_NOT_APPLICABLE", severity: "info" }),
    ]);
  });

  it("zero budget but money executed: rate undefined, 0 points, warning", () => {
    // rawTotal = 0 + 82.67 = 82.67 of 100 → 82.67 → 良
    const r = computeSelfEvaluationScore({ ...normalProject(), budget: { initial: "0", annual: "0", executed: "5" } });
    expect(r.budgetExecution).toMatchObject({ rate: null, score: "0.00", max: "10.00", applicable: true, shortfall: true });
    expect(r.budgetExecution.warning).toBe("全年预算数为0而全年执行数为5，预算执行率无法计算，得0分");
    expect(r.maxTotal).toBe("100.00");
    expect(r.total).toBe("82.67");
    expect(r.grade).toBe("良");
    expect(r.issues).toEqual([expect.objectContaining({ code: "BUDGET_ZERO_WITH_EXECUTION", severity: "warning" })]);
  });

  it("zero 年初预算数 matters only when it is the denominator", () => {
    const input = { ...normalProject(), budget: { initial: "0", annual: "18", executed: "16.2" } };
    expect(computeSelfEvaluationScore(input).budgetExecution.score).toBe("9.00");
    const r = computeSelfEvaluationScore({ ...input, denominator: "initial" });
    expect(r.budgetExecution).toMatchObject({ rate: null, score: "0.00" });
    expect(r.budgetExecution.warning).toContain("年初预算数为0");
  });

  it("invalid, blank or negative figures: 0 points and an error", () => {
    for (const budget of [
      { initial: "", annual: "abc", executed: "1" },
      { initial: "", annual: "10", executed: "" },
      { initial: "", annual: "-10", executed: "1" },
      { initial: "", annual: "1,000", executed: "1" },
    ]) {
      const r = computeSelfEvaluationScore({ ...normalProject(), budget });
      expect(r.budgetExecution).toMatchObject({ rate: null, score: "0.00", applicable: true });
      expect(codes(r)).toEqual(["INVALID_NUMBER"]);
    }
    const r = computeSelfEvaluationScore({ ...normalProject(), budget: { initial: "", annual: "abc", executed: "-1" } });
    expect(r.issues[0]!.message).toBe("全年预算数“abc”不是有效数字；全年执行数不能为负数，预算执行率无法计算，得0分");
  });

  it("budgetExecutionPoints: blank means the national 10; other points are honoured", () => {
    expect(computeSelfEvaluationScore({ ...normalProject(), budgetExecutionPoints: "" }).budgetExecution.max).toBe("10.00");
    // 15 points: 0.9 × 15 = 13.50; framework = 15 + 90 = 105 ≠ 100 → warning
    const r = computeSelfEvaluationScore({ ...normalProject(), budgetExecutionPoints: "15" });
    expect(r.budgetExecution).toMatchObject({ score: "13.50", max: "15.00" });
    expect(r.issues).toEqual([
      { code: "FRAMEWORK_POINTS_NOT_100", severity: "warning", message: "预算执行率与各一级指标的分值合计为105，应为100" },
    ]);
    // rawTotal = 13.50 + 82.67 = 96.17 of 105 → 91.590… → 91.59
    expect(r.total).toBe("91.59");
  });
});

describe("quantitative indicators", () => {
  it("GTE with actual 0 scores 0; LTE with actual 0 scores full", () => {
    expect(scoreOne({ nature: "GTE", target: "100", actual: "0" }).indicator.score).toBe("0.00");
    expect(scoreOne({ nature: "LTE", target: "5", actual: "0" }).indicator.score).toBe("10.00");
    // LTE, target 0 and actual 0: full (0 ≤ 0)
    expect(scoreOne({ nature: "LTE", target: "0", actual: "0" }).indicator.score).toBe("10.00");
  });

  it("GTE with target 0: full when actual ≥ 0, 0 when negative", () => {
    expect(scoreOne({ nature: "GTE", target: "0", actual: "0" }).indicator.score).toBe("10.00");
    expect(scoreOne({ nature: "GTE", target: "0", actual: "7" }).indicator.score).toBe("10.00");
    expect(scoreOne({ nature: "GTE", target: "0", actual: "-1" }).indicator.score).toBe("0.00");
  });

  it("GTE proportional: 180 / 200 × 20 = 18.00; 1 / 8 × 1 = 0.125 → 0.13 (half-up, not banker's)", () => {
    expect(scoreOne({ nature: "GTE", target: "200", actual: "180", weight: "20" }).indicator.score).toBe("18.00");
    expect(scoreOne({ nature: "GTE", target: "8", actual: "1", weight: "1" }).indicator.score).toBe("0.13");
  });

  it("GTE floors at 0 for a negative actual: −5 / 10 × 10 = −5 → 0.00", () => {
    expect(scoreOne({ nature: "GTE", target: "10", actual: "-5" }).indicator.score).toBe("0.00");
  });

  it("over-achievement is capped at 分值: 150 / 100 × 10 = 15 → 10.00; LTE 12 / 11 × 15 → 15.00", () => {
    expect(scoreOne({ nature: "GTE", target: "100", actual: "150" }).indicator).toMatchObject({ score: "10.00", max: "10.00", needsDeviationReason: false });
    expect(scoreOne({ nature: "LTE", target: "12", actual: "11", weight: "15" }).indicator.score).toBe("15.00");
  });

  it("reverse (LTE) indicators: target / actual × 分值", () => {
    // cost ≤ 50 万元, actually 80: 50 / 80 × 10 = 6.25
    expect(scoreOne({ nature: "LTE", target: "50", actual: "80" }).indicator.score).toBe("6.25");
    // ≤ 3 complaints, actually 7: 3 / 7 × 10 = 4.2857… → 4.29
    expect(scoreOne({ nature: "LTE", target: "3", actual: "7" }).indicator.score).toBe("4.29");
    // exactly on target: 3 / 3 × 10 = 10.00
    expect(scoreOne({ nature: "LTE", target: "3", actual: "3" }).indicator.score).toBe("10.00");
    // target 0, actual 3: 0 / 3 × 10 = 0.00
    expect(scoreOne({ nature: "LTE", target: "0", actual: "3" }).indicator.score).toBe("0.00");
    // actual below 0 with a non-negative target: better than target → full
    expect(scoreOne({ nature: "LTE", target: "2", actual: "-1" }).indicator.score).toBe("10.00");
  });

  it("negative targets are all-or-nothing with a warning", () => {
    // GTE −10: −5 ≥ −10 → full (a ratio would give −5 / −10 = 50 %)
    const a = scoreOne({ nature: "GTE", target: "-10", actual: "-5" });
    expect(a.indicator.score).toBe("10.00");
    expect(codes(a.result)).toEqual(["NEGATIVE_TARGET"]);
    expect(scoreOne({ nature: "GTE", target: "-10", actual: "-11" }).indicator.score).toBe("0.00");
    expect(scoreOne({ nature: "LTE", target: "-10", actual: "-11" }).indicator.score).toBe("10.00");
    expect(scoreOne({ nature: "LTE", target: "-10", actual: "-5" }).indicator.score).toBe("0.00");
  });

  describe("EQ (=), linear deviation rule 分值 × (1 − |actual − target| / |target|)", () => {
    it.each([
      // target, actual, weight, expected — by hand
      ["100", "100", "10", "10.00"], // exact match
      ["100", "100.00", "10", "10.00"], // same number, different text
      ["100", "95", "10", "9.50"], // 10 × (1 − 5/100)
      ["100", "105", "10", "9.50"], // symmetric above the target
      ["100", "250", "10", "0.00"], // 10 × (1 − 150/100) = −5 → floored
      ["3", "2", "5", "3.33"], // 5 × (1 − 1/3) = 3.333…
      ["-10", "-12", "10", "8.00"], // 10 × (1 − 2/10)
      ["0", "0", "10", "10.00"], // target 0, exact
      ["0", "1", "10", "0.00"], // target 0, relative deviation undefined → 0
    ])("target %s, actual %s, 分值 %s → %s", (target, actual, weight, expected) => {
      expect(scoreOne({ nature: "EQ", target, actual, weight }).indicator.score).toBe(expected);
    });
  });

  it("missing actual: 0 points, missingActual, MISSING_ACTUAL (and a deviation reason is due)", () => {
    const { result, indicator } = scoreOne({ nature: "GTE", target: "100", actual: null });
    expect(indicator).toMatchObject({ score: "0.00", missingActual: true, missingTarget: false, needsDeviationReason: true });
    expect(codes(result)).toEqual(["MISSING_ACTUAL", "DEVIATION_REASON_MISSING"]);
    expect(result.issues[0]!.message).toBe("指标“测试指标”未填写实际完成值，按0分计");
    // blank text counts as missing too
    expect(scoreOne({ nature: "LTE", target: "5", actual: "  " }).indicator.missingActual).toBe(true);
  });

  it("missing target: 0 points, missingTarget", () => {
    const { result, indicator } = scoreOne({ nature: "GTE", target: null, actual: "100" });
    expect(indicator).toMatchObject({ score: "0.00", missingTarget: true, missingActual: false });
    expect(codes(result)).toContain("MISSING_TARGET");
  });

  it("an actual that is not a plain number (\"85%\") is treated as missing, with INVALID_NUMBER", () => {
    const { result, indicator } = scoreOne({ nature: "GTE", target: "90", actual: "85%" });
    expect(indicator).toMatchObject({ score: "0.00", missingActual: true });
    expect(result.issues[0]).toEqual({
      code: "INVALID_NUMBER",
      severity: "error",
      message: "指标“测试指标”的实际完成值“85%”不是有效数字，按0分计",
      indicatorId: "x",
    });
  });

  it("accepts exponent notation as Prisma's Decimal#toString may print it", () => {
    // 1e2 = 100 ≥ 100 → full
    expect(scoreOne({ nature: "GTE", target: "1e2", actual: "100" }).indicator.score).toBe("10.00");
  });

  it("quantitative rows ignore manualScore", () => {
    expect(scoreOne({ nature: "GTE", target: "100", actual: "50", manualScore: "10" }).indicator.score).toBe("5.00");
  });

  it("missing weight: scored against 0, error", () => {
    const { result, indicator } = scoreOne({ nature: "GTE", target: "100", actual: "50", weight: null });
    expect(indicator).toMatchObject({ score: "0.00", max: "0.00", missingWeight: true, needsDeviationReason: false });
    expect(codes(result)).toContain("MISSING_WEIGHT");
  });
});

describe("qualitative indicators", () => {
  it("uses the evaluator's score: 7.5 of 10 → 7.50", () => {
    const { result, indicator } = scoreOne({ nature: "QUALITATIVE", manualScore: "7.5", actual: "基本达成预期" });
    expect(indicator).toMatchObject({ score: "7.50", clamped: false, missingScore: false, missingActual: false });
    expect(codes(result)).toEqual(["DEVIATION_REASON_MISSING"]);
  });

  it("clamps above 分值: 12 of 10 → 10.00 with SCORE_CLAMPED", () => {
    const { result, indicator } = scoreOne({ nature: "QUALITATIVE", manualScore: "12" });
    expect(indicator).toMatchObject({ score: "10.00", clamped: true, needsDeviationReason: false });
    expect(result.issues).toEqual([
      {
        code: "SCORE_CLAMPED",
        severity: "warning",
        message: "定性指标“测试指标”的得分12超出0至10的范围，按10计",
        indicatorId: "x",
      },
    ]);
  });

  it("clamps below 0: −3 → 0.00", () => {
    expect(scoreOne({ nature: "QUALITATIVE", manualScore: "-3" }).indicator).toMatchObject({ score: "0.00", clamped: true });
  });

  it("rounds the evaluator's score half-up: 8.125 → 8.13", () => {
    expect(scoreOne({ nature: "QUALITATIVE", manualScore: "8.125" }).indicator.score).toBe("8.13");
  });

  it("missing score → 0, missingScore and missingActual", () => {
    const { result, indicator } = scoreOne({ nature: "QUALITATIVE", manualScore: null, actual: "达成预期指标" });
    expect(indicator).toMatchObject({ score: "0.00", missingScore: true, missingActual: true });
    expect(result.issues[0]).toMatchObject({ code: "MISSING_SCORE", message: "定性指标“测试指标”尚未评分，按0分计" });
  });

  it("a grade word instead of a number is INVALID_NUMBER", () => {
    const { result, indicator } = scoreOne({ nature: "QUALITATIVE", manualScore: "优" });
    expect(indicator).toMatchObject({ score: "0.00", missingScore: true });
    expect(result.issues[0]!.code).toBe("INVALID_NUMBER");
  });
});

describe("not applicable", () => {
  it("drops a not-applicable indicator and rescales to 100", () => {
    // normal project with o3 (15.00 of 15) not applicable:
    //   rawTotal = 91.67 − 15.00 = 76.67; maxTotal = 100 − 15 = 85; total = 76.67 / 85 × 100 = 90.20 → 优
    const input = normalProject();
    input.indicators[2] = { ...input.indicators[2]!, applicable: false };
    const r = computeSelfEvaluationScore(input);
    expect(r.indicators[2]).toMatchObject({ id: "o3", applicable: false, score: null, max: "15.00", needsDeviationReason: false });
    expect(r.groups[0]).toMatchObject({ score: "33.00", max: "35.00", weightSum: "50.00", weightsMatch: true, applicable: true });
    expect(r.rawTotal).toBe("76.67");
    expect(r.maxTotal).toBe("85.00");
    expect(r.total).toBe("90.20");
    expect(r.grade).toBe("优");
    expect(r.issues).toEqual([]);
  });

  it("rescaling can change the grade", () => {
    // normal project with e2 (6.67 of 10) not applicable:
    //   rawTotal = 91.67 − 6.67 = 85.00; maxTotal = 90; total = 85 / 90 × 100 = 94.444… → 94.44
    const input = normalProject();
    input.indicators[4] = { ...input.indicators[4]!, applicable: false };
    expect(computeSelfEvaluationScore(input).total).toBe("94.44");
    // normal project with e2 and s1 at actual 0 (0 of 10 each):
    //   rawTotal = 9.00 + 48.00 + 18.00 + 0 + 0 = 75.00 of 100 → 75.00 → 中
    // then e2 not applicable: 75.00 / 90 × 100 = 83.333… → 83.33 → 良
    const low = normalProject();
    low.indicators[4] = { ...low.indicators[4]!, actual: "0" };
    low.indicators[5] = { ...low.indicators[5]!, actual: "0", deviationReason: "调查未开展" };
    const a = computeSelfEvaluationScore(low);
    expect([a.rawTotal, a.maxTotal, a.total, a.grade]).toEqual(["75.00", "100.00", "75.00", "中"]);
    low.indicators[4] = { ...low.indicators[4]!, applicable: false };
    const b = computeSelfEvaluationScore(low);
    expect([b.rawTotal, b.maxTotal, b.total, b.grade]).toEqual(["75.00", "90.00", "83.33", "良"]);
  });

  it("a not-applicable row needs no data: no MISSING_* issue", () => {
    const input = normalProject();
    input.indicators[2] = ind({ id: "o3", groupId: "g-out", nature: "LTE", weight: "15", applicable: false });
    const r = computeSelfEvaluationScore(input);
    expect(r.issues).toEqual([]);
    expect(r.indicators[2]).toMatchObject({ missingActual: false, missingTarget: false, score: null });
  });

  it("a whole group not applicable contributes neither points nor maximum", () => {
    // 效益指标 (e1, e2) not applicable:
    //   rawTotal = 9.00 + 48.00 + 10.00 = 67.00; maxTotal = 10 + 50 + 10 = 70
    //   total = 67 / 70 × 100 = 95.714… → 95.71 → 优
    const input = normalProject();
    input.indicators[3] = { ...input.indicators[3]!, applicable: false };
    input.indicators[4] = { ...input.indicators[4]!, applicable: false };
    const r = computeSelfEvaluationScore(input);
    expect(r.groups[1]).toEqual({
      id: "g-eff", name: "效益指标", category: "OUTCOME", points: "30.00",
      score: "0.00", max: "0.00", weightSum: "30.00", weightsMatch: true, applicable: false,
    });
    expect([r.rawTotal, r.maxTotal, r.total, r.grade]).toEqual(["67.00", "70.00", "95.71", "优"]);
  });

  it("a 成本 group with 0 points and no indicators is harmless", () => {
    const input = normalProject();
    input.groups = [{ id: "g-cost", name: "成本指标", category: "COST", points: "0" }, ...input.groups];
    const r = computeSelfEvaluationScore(input);
    expect(r.groups[0]).toMatchObject({ points: "0.00", score: "0.00", max: "0.00", weightSum: "0.00", weightsMatch: true, applicable: false });
    expect(r.total).toBe("91.67");
    expect(r.issues).toEqual([]);
  });

  it("a 成本 group with points is scored like the others", () => {
    // framework 10 + 成本 10 + 产出 40 + 效益 30 + 满意度 10 = 100
    // c1 cost ≤ 18 万元, actual 20: 18 / 20 × 10 = 9.00; o1 weight reduced to 10: 180 / 200 × 10 = 9.00
    //   rawTotal = 9.00 + 9.00 + (9.00 + 15 + 15) + 24.67 + 10 = 91.67 → 91.67
    const input = normalProject();
    input.groups = [{ id: "g-cost", name: "成本指标", category: "COST", points: "10" }, { ...OUTPUT, points: "40" }, OUTCOME, SATISFACTION];
    input.indicators[0] = { ...input.indicators[0]!, weight: "10" };
    input.indicators.push(ind({ id: "c1", name: "项目成本", groupId: "g-cost", nature: "LTE", target: "18", actual: "20", weight: "10", deviationReason: "物价上涨" }));
    const r = computeSelfEvaluationScore(input);
    expect(r.groups.map((g) => [g.id, g.score, g.max])).toEqual([
      ["g-cost", "9.00", "10.00"],
      ["g-out", "39.00", "40.00"],
      ["g-eff", "24.67", "30.00"],
      ["g-sat", "10.00", "10.00"],
    ]);
    expect([r.rawTotal, r.maxTotal, r.total]).toEqual(["91.67", "100.00", "91.67"]);
    expect(r.issues).toEqual([]);
  });

  it("nothing applicable at all: total and grade are null", () => {
    const input = normalProject();
    input.budget = { initial: "0", annual: "0", executed: "0" };
    input.indicators = input.indicators.map((i) => ({ ...i, applicable: false }));
    const r = computeSelfEvaluationScore(input);
    expect([r.rawTotal, r.maxTotal, r.total, r.grade]).toEqual(["0.00", "0.00", null, null]);
    expect(codes(r)).toEqual(["BUDGET_NOT_APPLICABLE", "NOTHING_TO_SCORE"]);
  });
});

describe("weights that do not add up", () => {
  it("reports the group and scores with the weights as given", () => {
    // o3 weight 10 instead of 15: 产出 20 + 15 + 10 = 45 ≠ 50; o3 12 / 11 × 10 capped → 10.00
    //   rawTotal = 9.00 + (18 + 15 + 10) + 24.67 + 10 = 86.67; maxTotal = 95
    //   total = 86.67 / 95 × 100 = 91.2315… → 91.23
    const input = normalProject();
    input.indicators[2] = { ...input.indicators[2]!, weight: "10" };
    const r = computeSelfEvaluationScore(input);
    expect(r.weightIssues).toEqual([{ groupId: "g-out", groupName: "产出指标", expected: "50.00", actual: "45.00" }]);
    expect(r.groups[0]).toMatchObject({ score: "43.00", max: "45.00", weightSum: "45.00", weightsMatch: false });
    expect(r.issues).toEqual([
      { code: "WEIGHT_SUM_MISMATCH", severity: "error", message: "“产出指标”各指标分值之和为45，应为50", groupId: "g-out" },
    ]);
    expect([r.rawTotal, r.maxTotal, r.total]).toEqual(["86.67", "95.00", "91.23"]);
  });

  it("reports sums above the points, with decimals printed shortly", () => {
    // 效益 20 + 17.5 = 37.5 ≠ 30
    const input = normalProject();
    input.indicators[4] = { ...input.indicators[4]!, weight: "17.5" };
    const r = computeSelfEvaluationScore(input);
    expect(r.weightIssues).toEqual([{ groupId: "g-eff", groupName: "效益指标", expected: "30.00", actual: "37.50" }]);
    expect(r.issues.find((i) => i.code === "WEIGHT_SUM_MISMATCH")!.message).toBe("“效益指标”各指标分值之和为37.5，应为30");
  });

  it("counts not-applicable rows in the weight sum, and a group without indicators as 0", () => {
    const input = normalProject();
    input.indicators = input.indicators.filter((i) => i.groupId !== "g-sat");
    input.indicators[0] = { ...input.indicators[0]!, applicable: false };
    const r = computeSelfEvaluationScore(input);
    expect(r.weightIssues).toEqual([{ groupId: "g-sat", groupName: "满意度指标", expected: "10.00", actual: "0.00" }]);
  });

  it("adds decimal weights exactly: 0.1 + 0.2 = 0.3", () => {
    const r = computeSelfEvaluationScore({
      budget: { initial: "1", annual: "1", executed: "1" },
      budgetExecutionPoints: "99.7",
      groups: [{ id: "g", name: "产出指标", category: "OUTPUT", points: "0.3" }],
      indicators: [
        ind({ id: "a", groupId: "g", nature: "GTE", target: "1", actual: "1", weight: "0.1" }),
        ind({ id: "b", groupId: "g", nature: "GTE", target: "1", actual: "1", weight: "0.2" }),
      ],
    });
    expect(r.weightIssues).toEqual([]);
    expect(r.issues).toEqual([]);
    expect([r.rawTotal, r.maxTotal, r.total]).toEqual(["100.00", "100.00", "100.00"]);
  });
});

describe("grades", () => {
  it.each([
    ["100", "优"],
    ["90", "优"],
    ["90.00", "优"],
    ["89.99", "良"],
    ["89.995", "优"], // rounds half-up to 90.00 first
    ["89.994", "良"],
    ["80", "良"],
    ["79.99", "中"],
    ["60", "中"],
    ["60.00", "中"],
    ["59.99", "差"],
    ["0", "差"],
  ] as const)("gradeOf(%s) = %s", (total, grade) => {
    expect(gradeOf(total)).toBe(grade);
  });

  it("throws on a non-number", () => {
    expect(() => gradeOf("abc")).toThrow(RangeError);
    expect(() => gradeOf("")).toThrow(RangeError);
  });

  /**
   * One 90-point group with one ≥ 10000 indicator; budget 9 of 10 → 9.00.
   *   actual 8999: 8999 × 90 / 10000 = 80.991 → 80.99; total 89.99 → 良
   *   actual 9000: 81.00;                             total 90.00 → 优
   *   actual 5666: 50.994 → 50.99;                    total 59.99 → 差
   *   actual 5667: 51.003 → 51.00;                    total 60.00 → 中
   */
  it.each([
    ["8999", "89.99", "良"],
    ["9000", "90.00", "优"],
    ["5666", "59.99", "差"],
    ["5667", "60.00", "中"],
  ])("a project with actual %s totals %s → %s", (actual, total, grade) => {
    const r = computeSelfEvaluationScore({
      budget: { initial: "10", annual: "10", executed: "9" },
      budgetExecutionPoints: "10",
      groups: [{ id: "g", name: "产出指标", category: "OUTPUT", points: "90" }],
      indicators: [ind({ id: "x", groupId: "g", nature: "GTE", target: "10000", actual, weight: "90", deviationReason: "原因" })],
    });
    expect(r.total).toBe(total);
    expect(r.grade).toBe(grade);
  });
});

describe("deviation reasons", () => {
  it("lists the indicators with a shortfall and a blank reason, in order", () => {
    const input = normalProject();
    input.indicators[0] = { ...input.indicators[0]!, deviationReason: "" }; // o1 18 < 20
    input.indicators[4] = { ...input.indicators[4]!, deviationReason: "  \n\t" }; // e2 6.67 < 10, whitespace only
    input.indicators[1] = { ...input.indicators[1]!, deviationReason: "" }; // o2 met: no reason needed
    const r = computeSelfEvaluationScore(input);
    expect(r.missingDeviationReasons).toEqual(["o1", "e2"]);
    expect(r.indicators.map((i) => i.deviationReasonMissing)).toEqual([true, false, false, false, true, false]);
    expect(r.issues).toEqual([
      { code: "DEVIATION_REASON_MISSING", severity: "error", message: "指标“培训人次”未达到目标值，请填写偏差原因分析及改进措施", indicatorId: "o1" },
      { code: "DEVIATION_REASON_MISSING", severity: "error", message: "指标“可持续影响”未达到目标值，请填写偏差原因分析及改进措施", indicatorId: "e2" },
    ]);
    // the score itself is unaffected
    expect(r.total).toBe("91.67");
  });

  it("names the indicator by id when it has no name", () => {
    const { result } = scoreOne({ nature: "GTE", target: "10", actual: "5", name: undefined });
    expect(result.issues[0]!.message).toBe("指标“x”未达到目标值，请填写偏差原因分析及改进措施");
  });

  it("a not-applicable indicator needs no reason", () => {
    const { result, indicator } = scoreOne({ nature: "GTE", target: "10", actual: "5", applicable: false });
    expect(indicator).toMatchObject({ needsDeviationReason: false, deviationReasonMissing: false });
    expect(result.missingDeviationReasons).toEqual([]);
  });

  it("the shortfall is judged on the printed score", () => {
    // 9999 / 10000 × 10 = 9.999 → 10.00: printed as full marks, no reason needed
    // 9990 / 10000 × 10 = 9.99 (< 10): a shortfall
    expect(scoreOne({ nature: "GTE", target: "10000", actual: "9999" }).indicator).toMatchObject({ score: "10.00", needsDeviationReason: false });
    expect(scoreOne({ nature: "GTE", target: "10000", actual: "9990" }).indicator).toMatchObject({ score: "9.99", needsDeviationReason: true });
  });
});

describe("rounding and consistency", () => {
  it("groups sum the printed (rounded) indicator scores", () => {
    // three indicators 2 / 3 × 10 = 6.666… → 6.67 each; the group prints 6.67 × 3 = 20.01 (not 20.00)
    const r = computeSelfEvaluationScore({
      budget: { initial: "1", annual: "1", executed: "1" },
      budgetExecutionPoints: "10",
      groups: [{ id: "g", name: "产出指标", category: "OUTPUT", points: "30" }, { ...SATISFACTION, points: "60" }],
      indicators: ["a", "b", "c"].map((id) => ind({ id, groupId: "g", nature: "GTE", target: "3", actual: "2", weight: "10", deviationReason: "r" })),
    });
    expect(r.indicators.map((i) => i.score)).toEqual(["6.67", "6.67", "6.67"]);
    expect(r.groups[0]!.score).toBe("20.01");
    // 满意度 60 points but no indicators → weight issue; max = 10 + 30 = 40; 30.01 / 40 = 75.025 → 75.03
    expect([r.rawTotal, r.maxTotal, r.total]).toEqual(["30.01", "40.00", "75.03"]);
  });

  it("rawTotal always equals 预算执行率 + Σ group scores", () => {
    const r = computeSelfEvaluationScore(normalProject());
    const sum = r.groups.reduce((acc, g) => acc.plus(g.score), new Decimal(r.budgetExecution.score!));
    expect(sum.toFixed(2)).toBe(r.rawTotal);
  });
});

describe("structural problems", () => {
  it("an indicator of an unknown group is listed but left out of the totals", () => {
    const input = normalProject();
    input.indicators.push(ind({ id: "z", name: "孤立指标", groupId: "nope", nature: "GTE", target: "1", actual: "1", weight: "10" }));
    const r = computeSelfEvaluationScore(input);
    expect(r.indicators[6]).toMatchObject({ id: "z", score: "10.00", counted: false });
    expect(r.issues).toEqual([
      { code: "UNKNOWN_GROUP", severity: "error", message: "指标“孤立指标”所属的一级指标不存在，未计入得分", indicatorId: "z" },
    ]);
    expect([r.rawTotal, r.maxTotal, r.total]).toEqual(["91.67", "100.00", "91.67"]);
  });

  it("a duplicated group id is reported and ignored", () => {
    const input = normalProject();
    input.groups.push({ ...OUTPUT, points: "999" });
    const r = computeSelfEvaluationScore(input);
    expect(r.groups).toHaveLength(3);
    expect(codes(r)).toEqual(["DUPLICATE_GROUP"]);
    expect(r.total).toBe("91.67");
  });

  it("framework points not totalling 100 are a warning", () => {
    const input = normalProject();
    input.groups[2] = { ...SATISFACTION, points: "5" };
    const r = computeSelfEvaluationScore(input);
    expect(r.issues).toEqual([
      { code: "FRAMEWORK_POINTS_NOT_100", severity: "warning", message: "预算执行率与各一级指标的分值合计为95，应为100" },
      { code: "WEIGHT_SUM_MISMATCH", severity: "error", message: "“满意度指标”各指标分值之和为10，应为5", groupId: "g-sat" },
    ]);
  });

  it("an invalid group points value counts as 0", () => {
    const input = normalProject();
    input.groups[2] = { ...SATISFACTION, points: "十" };
    const r = computeSelfEvaluationScore(input);
    expect(r.groups[2]!.points).toBe("0.00");
    expect(codes(r)).toEqual(["INVALID_NUMBER", "FRAMEWORK_POINTS_NOT_100", "WEIGHT_SUM_MISMATCH"]);
  });
});
