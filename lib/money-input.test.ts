import { describe, expect, it } from "vitest";
import { z } from "@/lib/zod";
import { AMOUNT_MESSAGE, NEGATIVE_MESSAGE, YUAN_MESSAGE, amountField, amountsValid, parseAmount } from "./money-input";

describe("parseAmount: amounts as offices type and print them", () => {
  it.each([
    ["880", "880"],
    ["12.34", "12.34"],
    [" 12.340 ", "12.34"],
    ["８８０", "880"],
    ["８８０．５", "880.5"],
    ["1,234.5", "1234.5"],
    ["1，234．5", "1234.5"],
    ["12,345,678", "12345678"],
    ["880万", "880"],
    ["880万元", "880"],
    ["880 万元", "880"],
    ["1,234.5万元", "1234.5"],
    ["0.000001", "0.000001"],
    ["+5", "5"],
  ])("%j → %s 万元", (text, value) => {
    expect(parseAmount(text)).toEqual({ ok: true, value, empty: false });
  });

  it.each(["", "   ", "-", "—", "－", "/", "／", "——", "--", null, undefined])("%j is blank (0 or not applicable)", (text) => {
    expect(parseAmount(text)).toEqual({ ok: true, value: "0", empty: true });
  });

  it.each(["880元", "８８０元", "1,234元"])("%j is refused as 元", (text) => {
    expect(parseAmount(text)).toEqual({ ok: false, message: YUAN_MESSAGE });
  });

  it.each(["-1", "-0.5", "－５", "-1,234"])("%j is refused as negative", (text) => {
    expect(parseAmount(text)).toEqual({ ok: false, message: NEGATIVE_MESSAGE });
  });

  it.each(["abc", "5O", "1,2", "12.3.4", "1e5", "Infinity", "NaN", "0x10", "12%", "1234567890123", "1.1234567", "十二", "万元", "12 34"])(
    "%j gets the one message",
    (text) => {
      expect(parseAmount(text)).toEqual({ ok: false, message: AMOUNT_MESSAGE });
    },
  );

  it("reads number cells (Excel)", () => {
    expect(parseAmount(18)).toEqual({ ok: true, value: "18", empty: false });
    expect(parseAmount(Number.NaN)).toEqual({ ok: false, message: AMOUNT_MESSAGE });
  });
});

describe("amountField", () => {
  const schema = z
    .object({ a: amountField(), b: amountField() })
    .superRefine((v, ctx) => {
      if (!amountsValid([v.a, v.b])) return;
      if (v.a === v.b) ctx.addIssue({ code: "custom", path: ["b"], message: "same" });
    });

  it("normalises what it accepts", () => {
    expect(schema.parse({ a: "８８０", b: "-" })).toEqual({ a: "880", b: "0" });
  });

  it("gives each bad cell its message and never lets a refinement see the bad text", () => {
    const r = schema.safeParse({ a: "abc", b: "880元" });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["a", AMOUNT_MESSAGE],
      ["b", YUAN_MESSAGE],
    ]);
  });
});
