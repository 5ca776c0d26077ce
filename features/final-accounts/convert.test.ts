import { describe, expect, it } from "vitest";
import { Decimal } from "@/lib/money";
import { printedTotals } from "./convert";

describe("printed totals beside the editor's computed ones", () => {
  it("are in 万元 with two decimals, as the computed totals print (the figures are stored in 元)", () => {
    const figures = [
      { key: "total.income", amount: new Decimal("4263200") },
      { key: "total.expenditure", amount: new Decimal("4218500") },
      { key: "threePublic.total", amount: new Decimal("180000") },
      { key: "fiscal.total", amount: null },
      { key: "procurement.total", amount: new Decimal("1000") },
    ];
    // The editor used to show the 元 figure ("原公开数 4263200") beside 426.32 万元, and flagged every
    // total as differing from what was printed.
    expect(printedTotals(figures)).toEqual({ "total.income": "426.32", "total.expenditure": "421.85", "threePublic.total": "18.00" });
  });
});
