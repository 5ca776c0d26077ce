import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal, fixed2, fmt2, formatPercent, formatWan, formatWanText, formatPercentText, minus2, percent, round2, scoreDisplay, signed, sum, sum2, wanTextToYuan, wanToYuanExact, yiToWan, yuanToWan, yuanToWanText } from "./money";

describe("money", () => {
  it("converts 万元 to 元 and back exactly", () => {
    expect(wanTextToYuan("14.65").toFixed(2)).toBe("146500.00");
    expect(wanTextToYuan("0.1").plus(wanTextToYuan("0.2")).toFixed(2)).toBe("3000.00");
    expect(wanTextToYuan("")).toEqual(new Decimal(0));
    expect(yuanToWanText("180000")).toBe("18");
    expect(yuanToWanText(null)).toBe("");
  });

  it("prints 万元 with two decimals, rounding half up", () => {
    expect(formatWan("180000")).toBe("18.00");
    expect(formatWan("4268100")).toBe("426.81");
    expect(formatWan("12345")).toBe("1.23");
    expect(formatWan("12350")).toBe("1.24");
    expect(formatWanText("18")).toBe("18.00");
    expect(formatWanText("")).toBe("—");
    expect(formatPercentText("99.995")).toBe("100.00%");
    expect(fixed2(null)).toBeNull();
    expect(fmt2("-0.001")).toBe("0.00");
  });

  it("computes shares as the seed prints them", () => {
    // 基本支出 349.34 of 本年支出 421.85 = 82.81 %
    expect(formatPercent(wanTextToYuan("349.34"), wanTextToYuan("421.85"))).toBe("82.81");
    // 收支总计 fell by 43.45 from 470.26 = 9.24 %
    expect(percent("43.45", "470.26")).toBe("9.24");
    expect(formatPercent(1, 0)).toBe("—");
    expect(percent("1", "0")).toBeNull();
  });

  it("signs changes", () => {
    expect(signed("9.15")).toBe("+9.15");
    expect(signed("-43.45")).toBe("-43.45");
    expect(signed("0")).toBe("0.00");
    expect(signed("1.5", "%")).toBe("+1.50%");
    expect(signed(null)).toBe("—");
    expect(minus2("426.81", "470.26")).toBe("-43.45");
  });

  it("sums without floating-point error", () => {
    expect(sum(["18", "18", "9.2", "9", "14.65"]).toFixed(2)).toBe("68.85");
    expect(sum2(["0.1", "0.2", null, ""])).toBe("0.30");
  });

  it("shows the exact score only where rounding changed it", () => {
    expect(scoreDisplay("9.997")).toEqual({ text: "10.00", exact: "9.997" });
    expect(scoreDisplay("10")).toEqual({ text: "10.00", exact: null });
    expect(scoreDisplay("88.5")).toEqual({ text: "88.50", exact: null });
    expect(scoreDisplay(new Decimal(29).dividedBy(3))).toEqual({ text: "9.67", exact: "9.66666666667" });
  });
});

describe("元 ↔ 万元 ↔ 亿元, exact", () => {
  it("converts without rounding", () => {
    expect(yuanToWan("146500").toString()).toBe("14.65");
    expect(yuanToWan("1").toString()).toBe("0.0001");
    expect(wanToYuanExact("14.65").toString()).toBe("146500");
    expect(yiToWan("1.2").toString()).toBe("12000");
  });
});

describe("money properties", () => {
  const cents = fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n });
  const milli = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n });
  const text = (n: bigint, dp: number) => {
    const neg = n < 0n;
    const a = (neg ? -n : n).toString().padStart(dp + 1, "0");
    return `${neg ? "-" : ""}${a.slice(0, -dp)}.${a.slice(-dp)}`;
  };

  it("round2 is half-up on thousandths, computed in integers", () => {
    fc.assert(
      fc.property(milli, (m) => {
        const abs = m < 0n ? -m : m;
        let c = abs / 10n;
        if (abs % 10n >= 5n) c += 1n;
        const expected = c === 0n ? "0.00" : text(m < 0n ? -c : c, 2);
        expect(fmt2(text(m, 3))).toBe(expected);
      }),
    );
  });

  it("a sum of two-decimal amounts equals the integer sum of their cents", () => {
    fc.assert(
      fc.property(fc.array(cents, { maxLength: 30 }), (xs) => {
        const total = xs.reduce((a, b) => a + b, 0n);
        expect(sum(xs.map((x) => text(x, 2))).equals(new Decimal(text(total, 2)))).toBe(true);
      }),
    );
  });

  it("rounding is idempotent and never moves by more than half a cent", () => {
    fc.assert(
      fc.property(milli, (m) => {
        const d = new Decimal(text(m, 3));
        const r = round2(d);
        expect(round2(r).equals(r)).toBe(true);
        expect(r.minus(d).abs().lessThanOrEqualTo("0.005")).toBe(true);
      }),
    );
  });
});
