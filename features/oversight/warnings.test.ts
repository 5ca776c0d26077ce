import { describe, expect, it } from "vitest";
import { allFullMarks, costAsGte, deviationReasonMissing, executionRate, missedTargetFullPoints, missesTarget, projectWarnings, type WarningIndicator, type WarningInput } from "./warnings";

function row(over: Partial<WarningIndicator> = {}): WarningIndicator {
  return {
    id: "i1",
    name: "培训人数",
    category: "OUTPUT",
    nature: "GTE",
    targetValue: "100",
    actualValue: "100",
    targetText: "≥100人",
    actualText: "100人",
    applicable: true,
    score: "10.00",
    max: "10.00",
    deviationReasonMissing: false,
    ...over,
  };
}
const input = (indicators: WarningIndicator[], rate: string | null = "95.00"): WarningInput => ({ executionRate: rate, indicators });

describe("all full marks", () => {
  it("trips when every weighted row has its full 分值", () => {
    expect(allFullMarks(input([row(), row({ id: "i2", score: "5.00", max: "5.00" })])).map((w) => w.rule)).toEqual(["ALL_FULL_MARKS"]);
  });
  it("does not trip when one row lost points", () => {
    expect(allFullMarks(input([row(), row({ id: "i2", score: "4.50", max: "5.00" })]))).toEqual([]);
  });
  it("does not trip on a table without weights", () => {
    expect(allFullMarks(input([row({ score: "0.00", max: "0.00" })]))).toEqual([]);
  });
});

describe("missed target but full points", () => {
  it("trips on a qualitative row scored full whose actual is below its ≥ target", () => {
    const w = missedTargetFullPoints(input([row({ nature: "QUALITATIVE", targetValue: null, actualValue: null, targetText: "≥95%", actualText: "90%" })]));
    expect(w).toHaveLength(1);
    expect(w[0]!.rule).toBe("MISSED_TARGET_FULL_POINTS");
    expect(w[0]!.text).toContain("培训人数");
  });
  it("trips on an ≤ row above its cap", () => {
    expect(missedTargetFullPoints(input([row({ nature: "LTE", targetValue: "50", actualValue: "60", targetText: "≤50万元", actualText: "60万元" })]))).toHaveLength(1);
  });
  it("does not trip when the target is met, or when points were lost", () => {
    expect(missedTargetFullPoints(input([row({ actualValue: "120", actualText: "120人" })]))).toEqual([]);
    expect(missedTargetFullPoints(input([row({ actualValue: "90", actualText: "90人", score: "9.00" })]))).toEqual([]);
  });
  it("cannot tell for words", () => {
    expect(missesTarget({ nature: "QUALITATIVE", targetValue: null, actualValue: null, targetText: "按时完成", actualText: "已完成" })).toBeNull();
  });
});

describe("deviation reason missing", () => {
  it("trips when scoring says a shortfall has no reason", () => {
    expect(deviationReasonMissing(input([row({ score: "8.00", deviationReasonMissing: true })])).map((w) => w.rule)).toEqual(["DEVIATION_REASON_MISSING"]);
  });
  it("does not trip when a reason is given", () => {
    expect(deviationReasonMissing(input([row({ score: "8.00", deviationReasonMissing: false })]))).toEqual([]);
  });
});

describe("cost indicator written as ≥", () => {
  it("trips on a 成本 row with nature ≥", () => {
    expect(costAsGte(input([row({ category: "COST", nature: "GTE", targetText: "≥18万元" })])).map((w) => w.rule)).toEqual(["COST_AS_GTE"]);
  });
  it("trips on a qualitative 成本 row whose text says ≥", () => {
    expect(costAsGte(input([row({ category: "COST", nature: "QUALITATIVE", targetValue: null, targetText: "不低于18万元" })]))).toHaveLength(1);
  });
  it("does not trip on a ≤ cost or on a ≥ output", () => {
    expect(costAsGte(input([row({ category: "COST", nature: "LTE", targetText: "≤18万元" }), row({ category: "OUTPUT", nature: "GTE" })]))).toEqual([]);
  });
});

describe("execution rate", () => {
  it("is red below 60 %, yellow below 80 %", () => {
    expect(executionRate(input([], "59.99"))[0]).toMatchObject({ rule: "EXECUTION_LOW", level: "red" });
    expect(executionRate(input([], "79.99"))[0]).toMatchObject({ rule: "EXECUTION_LOW", level: "yellow" });
  });
  it("trips over 100 %", () => {
    expect(executionRate(input([], "100.01"))[0]).toMatchObject({ rule: "EXECUTION_OVER" });
  });
  it("does not trip at 80 % to 100 % or when undefined", () => {
    expect(executionRate(input([], "80.00"))).toEqual([]);
    expect(executionRate(input([], "100.00"))).toEqual([]);
    expect(executionRate(input([], null))).toEqual([]);
  });
});

describe("project warnings", () => {
  it("lists red warnings first", () => {
    const w = projectWarnings(input([row({ score: "8.00", deviationReasonMissing: true })], "50.00"));
    expect(w.map((x) => x.level)).toEqual(["red", "yellow"]);
  });
  it("is empty for a clean project", () => {
    expect(projectWarnings(input([row(), row({ id: "i2", score: "4.00", max: "5.00" })]))).toEqual([]);
  });
});
