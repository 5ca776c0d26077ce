import { describe, expect, it } from "vitest";
import { MONITORING_LIGHT_LABELS, executionMonitoring } from "./monitoring";

describe("executionMonitoring (双监控)", () => {
  describe("month 12: progress = executed / budget", () => {
    it.each([
      // budget 100, executed → progress, light (by hand: executed / 100 ÷ 12/12)
      ["59.99", "59.99", "red"],
      ["60", "60.00", "yellow"],
      ["79.99", "79.99", "yellow"],
      ["80", "80.00", "green"],
      ["0", "0.00", "red"],
      ["100", "100.00", "green"],
    ])("executed %s of 100 → %s %% %s", (executed, progress, light) => {
      const r = executionMonitoring("100", executed, 12);
      expect(r.progress).toBe(progress);
      expect(r.executionRate).toBe(progress);
      expect(r.timeElapsed).toBe("100.00");
      expect(r.light).toBe(light);
    });
  });

  describe("month 6: progress = (executed / budget) ÷ 50 %", () => {
    it.each([
      // budget 100: 29.995 / 100 = 29.995 % ÷ 50 % = 59.99 %, etc.
      ["29.995", "29.995", "59.99", "red"],
      ["30", "30.00", "60.00", "yellow"],
      ["39.995", "39.995", "79.99", "yellow"],
      ["40", "40.00", "80.00", "green"],
    ])("executed %s of 100 (rate %s %%) → %s %% %s", (executed, _rate, progress, light) => {
      const r = executionMonitoring("100", executed, 6);
      expect(r.progress).toBe(progress);
      expect(r.timeElapsed).toBe("50.00");
      expect(r.light).toBe(light);
    });

    it("prints the execution rate half-up: 29.995 → 30.00 (progress is computed from the exact figures)", () => {
      expect(executionMonitoring("100", "29.995", 6)).toEqual({
        light: "red",
        label: "红灯",
        progress: "59.99",
        executionRate: "30.00",
        timeElapsed: "50.00",
      });
    });
  });

  it("classifies on the displayed (rounded) progress: 59.995 % prints 60.00 and is yellow, 59.994 % is red", () => {
    expect(executionMonitoring("100", "59.995", 12)).toMatchObject({ progress: "60.00", light: "yellow" });
    expect(executionMonitoring("100", "59.994", 12)).toMatchObject({ progress: "59.99", light: "red" });
  });

  it("works with real amounts and other months", () => {
    // 1 200 万元 budget, 50 spent by January: 50 / 1200 = 4.17 %; ÷ 1/12 = 50.00 % → red
    expect(executionMonitoring("1200", "50", 1)).toMatchObject({ executionRate: "4.17", progress: "50.00", timeElapsed: "8.33", light: "red" });
    // 120, 50 by July: 50 × 12 × 100 / (120 × 7) = 60000 / 840 = 71.428… → 71.43 → yellow
    expect(executionMonitoring("120", "50", 7)).toMatchObject({ executionRate: "41.67", progress: "71.43", timeElapsed: "58.33", light: "yellow" });
    // ahead of schedule: 50 of 100 by March: 50 % ÷ 25 % = 200.00 % → green
    expect(executionMonitoring("100", "50", 3)).toMatchObject({ progress: "200.00", light: "green" });
    // 426.81 budget (the seed's 收支总计), 213.405 by June: exactly on schedule → 100.00 → green
    expect(executionMonitoring("426.81", "213.405", 6)).toMatchObject({ executionRate: "50.00", progress: "100.00", light: "green" });
  });

  it("zero budget → none", () => {
    expect(executionMonitoring("0", "0", 6)).toEqual({
      light: "none",
      label: "无",
      progress: null,
      executionRate: null,
      timeElapsed: "50.00",
      reason: "ZERO_BUDGET",
    });
    expect(executionMonitoring("0.00", "12", 6)).toMatchObject({ light: "none", reason: "ZERO_BUDGET" });
  });

  it("bad figures → none with INVALID_INPUT (no throw)", () => {
    for (const [b, e] of [
      ["", "1"],
      ["100", "abc"],
      ["-100", "1"],
      ["100", "-1"],
      ["1,000", "1"],
    ] as const) {
      expect(executionMonitoring(b, e, 6)).toMatchObject({ light: "none", progress: null, reason: "INVALID_INPUT" });
    }
  });

  it("rejects a month outside 1–12", () => {
    for (const m of [0, 13, 6.5, -1, Number.NaN]) {
      expect(() => executionMonitoring("100", "50", m)).toThrow(RangeError);
    }
  });

  it("labels the lights in Chinese", () => {
    expect(MONITORING_LIGHT_LABELS).toEqual({ red: "红灯", yellow: "黄灯", green: "绿灯", none: "无" });
    expect(executionMonitoring("100", "80", 12).label).toBe("绿灯");
    expect(executionMonitoring("100", "70", 12).label).toBe("黄灯");
  });
});
