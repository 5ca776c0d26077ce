/** computeSelfEvaluationScore (continued from score.test.ts): not applicable, weights, grades, deviation reasons, rounding, structural problems. */
import { describe, expect, it } from "vitest";
import { Decimal } from "@/lib/money";
import { computeSelfEvaluationScore, gradeOf } from "./score";
import { OUTPUT, OUTCOME, SATISFACTION, ind, normalProject, scoreOne, codes } from "./score.fixtures";

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
