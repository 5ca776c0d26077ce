import { describe, expect, it } from "vitest";
import { formatPercent, formatWan, sum, wanToYuan } from "./money";

describe("money", () => {
  it("converts 万元 to 元 exactly", () => {
    expect(wanToYuan("14.65").toFixed(2)).toBe("146500.00");
    expect(wanToYuan("0.1").plus(wanToYuan("0.2")).toFixed(2)).toBe("3000.00");
  });

  it("prints 万元 with two decimals, rounding half up", () => {
    expect(formatWan("180000")).toBe("18.00");
    expect(formatWan("4268100")).toBe("426.81");
    expect(formatWan("12345")).toBe("1.23");
    expect(formatWan("12350")).toBe("1.24");
  });

  it("computes shares as the seed prints them", () => {
    // 基本支出 349.34 of 本年支出 421.85 = 82.81 %
    expect(formatPercent(wanToYuan("349.34"), wanToYuan("421.85"))).toBe("82.81");
    // 收支总计 fell by 43.45 from 470.26 = 9.24 %
    expect(formatPercent(wanToYuan("43.45"), wanToYuan("470.26"))).toBe("9.24");
    expect(formatPercent(1, 0)).toBe("—");
  });

  it("sums without floating-point error", () => {
    expect(sum(["18", "18", "9.2", "9", "14.65"]).toFixed(2)).toBe("68.85");
  });
});
