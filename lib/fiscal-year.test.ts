import { describe, expect, it } from "vitest";
import { fiscalYearSchema, isFiscalYear, parseFiscalYear } from "./fiscal-year";

describe("fiscal year", () => {
  it("accepts whole years in range", () => {
    expect(isFiscalYear(2000)).toBe(true);
    expect(isFiscalYear(2024)).toBe(true);
    expect(isFiscalYear(2100)).toBe(true);
  });
  it("refuses what would overflow or make no sense, with a Chinese message", () => {
    for (const v of [1e30, 2147483648, -1, 0, 1999, 2101, 2024.5, NaN, Infinity, "2024", null, undefined]) {
      expect(isFiscalYear(v)).toBe(false);
    }
    const r = fiscalYearSchema.safeParse(1e30);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/年度无效/);
  });
  it("parses route parameters", () => {
    expect(parseFiscalYear("2020")).toBe(2020);
    expect(parseFiscalYear("1999")).toBeUndefined();
    expect(parseFiscalYear("2020 ")).toBeUndefined();
    expect(parseFiscalYear("02020")).toBeUndefined();
    expect(parseFiscalYear("2147483648")).toBeUndefined();
    expect(parseFiscalYear(undefined)).toBeUndefined();
  });
});
