import { describe, expect, it } from "vitest";
import { computeSelfEvaluationScore } from "./score";
import { normalProject, scoreOne, codes } from "./score.fixtures";

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
