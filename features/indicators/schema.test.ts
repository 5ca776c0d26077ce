import { describe, expect, it } from "vitest";
import { emptyIndicatorRow, indicatorRowSchema } from "./schema";

const row = (o: Record<string, unknown>) => ({ ...emptyIndicatorRow("g", "l"), name: "指标", nature: "GTE", targetValue: "95", actualValue: "96", weight: "10", ...o });
const unitErrors = (o: Record<string, unknown>) => {
  const r = indicatorRowSchema.safeParse(row(o));
  return r.success ? [] : r.error.issues.filter((i) => i.path[0] === "unit").map((i) => i.message);
};

describe("the unit of a quantitative indicator (issue #13: only where the target is written with one)", () => {
  it("a bare number needs no unit", () => {
    expect(unitErrors({ unit: "", targetText: "" })).toEqual([]);
    expect(unitErrors({ unit: "", targetText: "≥95" })).toEqual([]);
  });

  it("a target printed with a unit needs it, and the message says which", () => {
    expect(unitErrors({ unit: "", targetText: "≥95%" })).toEqual(["指标值说明“≥95%”带有计量单位“%”，请在计量单位中填写"]);
    expect(unitErrors({ unit: "", targetText: "≤90万元" })).toEqual(["指标值说明“≤90万元”带有计量单位“万元”，请在计量单位中填写"]);
    expect(unitErrors({ unit: "%", targetText: "≥95%" })).toEqual([]);
  });

  it("qualitative and not-applicable rows need none; words in the 说明 are not a unit", () => {
    expect(unitErrors({ nature: "QUALITATIVE", targetValue: "", unit: "", targetText: "明显提升" })).toEqual([]);
    expect(unitErrors({ applicable: false, unit: "", targetText: "≥50个" })).toEqual([]);
    expect(unitErrors({ unit: "", targetText: "全年培训不少于200人次" })).toEqual([]);
  });
});
