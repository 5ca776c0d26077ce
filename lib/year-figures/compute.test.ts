import { describe, expect, it } from "vitest";
import { fmt2, sum } from "@/lib/money";
import { change, computeYearFigures, fiscalSummary, functionRows, groupBudget, type FunctionLine } from "./compute";

// The seed's 2020 year (万元), as the published document prints it.
const input = {
  income: [
    { source: "GENERAL_BUDGET", amount: "426.32" },
    { source: "BUSINESS", amount: null },
  ],
  lines: [
    { code: "2011001", classCode: "201", className: "一般公共服务支出", basic: "284.31", project: "0", budget: "288.14" },
    { code: "2011002", classCode: "201", className: "一般公共服务支出", basic: "0", project: "72.51", budget: "73.17" },
    { code: "2080505", classCode: "208", className: "社会保障和就业支出", basic: "25.97", project: "0", budget: "25.97" },
    { code: "2101101", classCode: "210", className: "卫生健康支出", basic: "12.97", project: "0", budget: null },
  ],
  openingBalance: "43.94",
  threePublic: [
    { kind: "VEHICLE_OPERATION", amount: "3.5" },
    { kind: "RECEPTION_DOMESTIC", amount: "0.26" },
  ],
  threePublicBudget: "5",
  operatingExpenses: "30",
  prior: { incomeExpenditure: "500", fiscal: "400", generalBudget: "", vehicles: "4", operatingExpenses: null },
};

describe("computeYearFigures", () => {
  const f = computeYearFigures(input);

  it("totals, shares and the completion rate", () => {
    expect(fmt2(f.income.total)).toBe("426.32");
    expect(f.income.bySource).toEqual([
      expect.objectContaining({ source: "GENERAL_BUDGET", share: "100.00" }),
      { source: "BUSINESS", amount: null, share: null },
    ]);
    expect(fmt2(f.fiscalIncome)).toBe("426.32");
    expect(fmt2(f.incomeExpenditure!)).toBe("470.26");
    expect(fmt2(f.expenditure.total)).toBe("395.76");
    expect(fmt2(f.expenditure.basic)).toBe("323.25");
    expect(f.expenditure.basicShare).toBe("81.68");
    expect(f.expenditure.projectShare).toBe("18.32");
    // Lines without a budget count as 0 in the year's budget …
    expect(fmt2(f.expenditure.budget)).toBe("387.28");
    expect(f.expenditure.completion).toBe("102.19");
    // … and are left out of the budgeted lines' own rate.
    expect(f.budgeted.count).toBe(3);
    expect(fmt2(f.budgeted.budget)).toBe("387.28");
    expect(fmt2(f.budgeted.spent)).toBe("382.79");
    expect(f.budgeted.completion).toBe("98.84");
  });

  it("each line's completion, and whether it differs from its budget", () => {
    expect(f.lines.map((l) => [l.completion, l.differs])).toEqual([
      ["98.67", true],
      ["99.10", true],
      ["100.00", false],
      [null, false],
    ]);
  });

  it("expenditure by 类 in the order of the lines, with shares", () => {
    expect(f.byClass.map((c) => [c.code, c.name, fmt2(c.amount), c.share])).toEqual([
      ["201", "一般公共服务支出", "356.82", "90.16"],
      ["208", "社会保障和就业支出", "25.97", "6.56"],
      ["210", "卫生健康支出", "12.97", "3.28"],
    ]);
  });

  it("“三公” groups and the changes against the previous year (none when either side is unknown)", () => {
    expect(fmt2(f.threePublic.total)).toBe("3.76");
    expect(f.threePublic.completion).toBe("75.20");
    expect(f.threePublic.vehicles.share).toBe("93.09");
    expect(f.changes.vehicles && [fmt2(f.changes.vehicles.previous), fmt2(f.changes.vehicles.change), f.changes.vehicles.percent]).toEqual(["4.00", "-0.50", "-12.50"]);
    expect(f.changes.incomeExpenditure?.percent).toBe("-5.95");
    expect(f.changes.generalBudget).toBeNull();
    expect(f.changes.operatingExpenses).toBeNull();
    expect(f.changes.reception).toBeNull();
  });

  it("no opening balance: the 收支总计 is unknown; a zero whole gives no share", () => {
    const g = computeYearFigures({ income: [], lines: [], openingBalance: null, threePublic: [] });
    expect(g.incomeExpenditure).toBeNull();
    expect(g.expenditure.basicShare).toBeNull();
    expect(g.expenditure.completion).toBeNull();
  });

  it("rounds half up as the official tables print, from exact values in 元 or 万元 alike", () => {
    const yuan = computeYearFigures({ income: [], lines: [{ code: "2011001", classCode: "201", className: "", basic: "1", project: "2", budget: "3" }], openingBalance: null, threePublic: [] });
    expect(yuan.lines[0]!.completion).toBe("100.00");
    expect(change("1.005", "1")?.percent).toBe("0.50");
    expect(change("2", "3")?.percent).toBe("-33.33");
  });
});

describe("functionRows", () => {
  const line = (code: string, itemName: string, budget: string | null, basic: string, project: string, reason = ""): FunctionLine => ({
    code,
    className: "一般公共服务支出",
    subclassName: code.startsWith("20110") ? "人力资源事务" : "其他",
    itemName,
    budget,
    basic,
    project,
    amount: fmt2(sum([basic, project])),
    reason,
  });
  const { rows, total } = functionRows([line("2011001", "行政运行", "288.14", "284.31", "0", "保险未清算"), line("2011002", "一般行政管理事务", "73.17", "0", "72.51"), line("2019901", "其他", null, "1", "0")]);

  it("类 and 款 rows with subtotals before their first line, then each 项", () => {
    expect(rows.map((r) => [r.level, r.code, fmt2(r.amount), r.budget == null ? null : fmt2(r.budget), r.completion, r.reason])).toEqual([
      [0, "201", "357.82", null, null, null],
      [1, "20110", "356.82", "361.31", "98.76", null],
      [2, "2011001", "284.31", "288.14", "98.67", "保险未清算"],
      [2, "2011002", "72.51", "73.17", "99.10", null],
      [1, "20199", "1.00", null, null, null],
      [2, "2019901", "1.00", null, null, null],
    ]);
    expect([fmt2(total.amount), fmt2(total.basic), fmt2(total.project), total.budget]).toEqual(["357.82", "285.31", "72.51", null]);
  });
});

describe("groupBudget and fiscalSummary", () => {
  it("a group's budget is known only when every line that spent something has one", () => {
    expect(fmt2(groupBudget([{ amount: "0.26", budget: "1" }, { amount: "0", budget: null }])!)).toBe("1.00");
    expect(groupBudget([{ amount: "0.26", budget: "1" }, { amount: "3.5", budget: null }])).toBeNull();
    expect(groupBudget([{ amount: "0", budget: null }])).toBeNull();
  });

  it("derives the opening and closing balances from the 收支总计", () => {
    const f = fiscalSummary({ income: ["426.32", null, "0"], spending: ["421.85", "0"], total: "470.26" });
    expect([f.income, f.spending, f.opening, f.closing].map((d) => fmt2(d!))).toEqual(["426.32", "421.85", "43.94", "48.41"]);
    expect(fiscalSummary({ income: [], spending: [], total: null }).opening).toBeNull();
  });
});
