import { describe, expect, it } from "vitest";
import { parseIndicatorValue } from "./value";

describe("indicator value cells as offices print them", () => {
  it.each([
    ["≥50个", { kind: "number", value: "50", unit: "个", symbol: "GTE" }],
    ["≤90万元", { kind: "number", value: "90", unit: "万元", symbol: "LTE" }],
    ["95%", { kind: "number", value: "95", unit: "%", symbol: null }],
    ["９５％", { kind: "number", value: "95", unit: "%", symbol: null }],
    ["≥ 1,200 人次", { kind: "number", value: "1200", unit: "人次", symbol: "GTE" }],
    ["95%以上", { kind: "number", value: "95", unit: "%", symbol: "GTE" }],
    ["不超过3个工作日", { kind: "number", value: "3", unit: "个工作日", symbol: "LTE" }],
    ["=100%", { kind: "number", value: "100", unit: "%", symbol: "EQ" }],
    ["12", { kind: "number", value: "12", unit: "", symbol: null }],
    ["3km", { kind: "number", value: "3", unit: "km", symbol: null }],
  ])("%s is a number", (raw, expected) => {
    expect(parseIndicatorValue(raw)).toEqual(expected);
  });

  it.each(["12个月内完成", "2020年1月底完成", "按时完成", "效果明显", "≥良好", "100%完成"])("%s is words (a qualitative value)", (raw) => {
    expect(parseIndicatorValue(raw)).toEqual({ kind: "text", text: raw });
  });

  it.each([
    ["5O", "含有字母“O”（字母“O”应为数字“0”？）"],
    ["1O0%", "含有字母“O”（字母“O”应为数字“0”？）"],
    ["≥5O个", "含有字母“O”（字母“O”应为数字“0”？）"],
    ["O5", "含有字母“O”（字母“O”应为数字“0”？）"],
    ["9l", "含有字母“l”（字母“l/I”应为数字“1”？）"],
  ])("%s is not a number, with the reason", (raw, reason) => {
    expect(parseIndicatorValue(raw)).toEqual({ kind: "not_a_number", reason });
  });

  it("blank and '/' cells", () => {
    expect(parseIndicatorValue("")).toEqual({ kind: "empty" });
    expect(parseIndicatorValue("  ")).toEqual({ kind: "empty" });
    expect(parseIndicatorValue("/")).toEqual({ kind: "not_applicable" });
    expect(parseIndicatorValue("／")).toEqual({ kind: "not_applicable" });
  });
});
