import { describe, expect, it } from "vitest";
import { checkFinalAccounts } from "./check";
import { computeFinalAccounts } from "./computed";
import { INCOME_SOURCES, PRIOR_KEYS, THREE_PUBLIC_KINDS, finalAccountsSchema, type FinalAccountsInput } from "./schema";

/** A small department whose parts add up: 100 income + 5 opening = 98 spent + 7 closing. */
function sample(): FinalAccountsInput {
  return {
    staffing: { authorizedTotal: "10", authorizedAdministrative: "8", authorizedInstitution: "2", authorizedLogistics: "", actualTotal: "9", actualAdministrative: "7", actualInstitution: "2", actualLogistics: "", retired: "3" },
    balances: { opening: "5", closing: "7" },
    income: { ...Object.fromEntries(INCOME_SOURCES.map((s) => [s, ""])), GENERAL_BUDGET: "100" } as FinalAccountsInput["income"],
    lines: [
      { functionCode: "2011001", budget: "80", basic: "70", project: "0", reason: "人员减少" },
      { functionCode: "2011002", budget: "28", basic: "0", project: "28", reason: "" },
    ],
    basic: { personnel: "60", publicUse: "10", personnelItems: "基本工资、津贴补贴", publicUseItems: "办公费" },
    threePublic: Object.fromEntries(THREE_PUBLIC_KINDS.map((k) => [k, { budget: "", amount: "", batches: "", persons: "", description: "", reason: "" }])) as FinalAccountsInput["threePublic"],
    threePublicBudget: "",
    other: { govFund: "", soeCapital: "", operatingExpenses: "10", procurementGoods: "3", procurementWorks: "", procurementServices: "1", procurementSme: "2", vehicles: "1", vehiclesText: "其他用车1辆", generalEquipmentOver50Wan: "0", specialEquipmentOver100Wan: "0", projectsWithGoals: "2" },
    prior: { ...Object.fromEntries(PRIOR_KEYS.map((k) => [k, ""])), generalBudget: "120", operatingExpenses: "8" } as FinalAccountsInput["prior"],
    glossary: [{ term: "基本支出", definition: "保障机构正常运转的支出" }],
    explanations: {},
  };
}

describe("computeFinalAccounts", () => {
  it("computes totals, shares, completion and year-on-year changes, rounded half-up to 2 decimals", () => {
    const c = computeFinalAccounts(sample());
    expect(c.income).toBe("100.00");
    expect(c.incomeExpenditure.amount).toBe("105.00");
    expect(c.expenditure).toBe("98.00");
    expect(c.basic).toEqual({ amount: "70.00", share: "71.43" }); // 70/98 = 71.428…
    expect(c.project).toEqual({ amount: "28.00", share: "28.57" });
    expect(c.completion).toBe("90.74"); // 98/108 = 90.740…
    expect(c.lines.map((l) => l.completion)).toEqual(["87.50", "100.00"]);
    expect(c.generalBudgetChange).toEqual({ prior: "120.00", change: "-22.00", percent: "-18.33" });
    expect(c.operatingExpenses.change).toEqual({ prior: "8.00", change: "2.00", percent: "25.00" });
    expect(c.procurement).toEqual({ total: "4.00", smeShare: "50.00" });
    expect(c.byClass).toEqual([{ code: "201", name: "", amount: "98.00", share: "100.00" }]);
  });

  it("has no shares when nothing was spent", () => {
    const v = sample();
    v.lines = [];
    const c = computeFinalAccounts(v);
    expect(c.basic.share).toBeNull();
    expect(c.completion).toBeNull();
  });
});

describe("checkFinalAccounts", () => {
  it("passes when the parts add up", () => {
    expect(checkFinalAccounts(sample(), { projectsFiscalExecuted: "28" })).toEqual({ blocking: [], warnings: [] });
  });

  it("names each part that does not add up", () => {
    const v = sample();
    v.balances.closing = "6.99";
    v.basic.publicUse = "10.01";
    v.lines[1]!.budget = "30";
    v.other.procurementSme = "5";
    v.staffing.actualTotal = "10";
    v.threePublic.RECEPTION_DOMESTIC.amount = "1";
    v.threePublicBudget = "0.5";
    const codes = checkFinalAccounts(v, { projectsFiscalExecuted: "27.5" }).blocking.map((b) => b.code);
    expect(codes).toEqual(["LINE_REASON", "BALANCE", "BASIC_SPLIT", "PROJECTS", "SME_OVER_TOTAL", "STAFF_ACTUAL", "THREE_PUBLIC_BUDGET"]);
    const balance = checkFinalAccounts(v).blocking.find((b) => b.code === "BALANCE");
    expect(balance?.message).toBe("收支不平衡：年初结转和结余 + 本年收入 = 105.00万元，本年支出 + 年末结转和结余 = 104.99万元，相差0.01万元");
  });

  it("a 核实说明 turns a verifiable failure into a warning, never a hard one", () => {
    const v = sample();
    v.balances.closing = "6.99";
    v.other.procurementSme = "5";
    v.explanations = { BALANCE: "按已公开数列示", SME_OVER_TOTAL: "无效" };
    const r = checkFinalAccounts(v);
    expect(r.blocking.map((b) => b.code)).toEqual(["SME_OVER_TOTAL"]);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]!.message).toContain("（核实说明：按已公开数列示）");
  });

  it("asks for the expenditure lines of an empty year", () => {
    const v = sample();
    v.lines = [];
    v.basic = { personnel: "", publicUse: "", personnelItems: "", publicUseItems: "" };
    v.balances = { opening: "", closing: "" };
    v.income.GENERAL_BUDGET = "";
    expect(checkFinalAccounts(v).blocking.map((b) => b.code)).toEqual(["NO_LINES"]);
  });
});

describe("finalAccountsSchema", () => {
  it("accepts the sample and refuses bad amounts, counts and duplicate codes with Chinese messages", () => {
    expect(finalAccountsSchema.safeParse(sample()).success).toBe(true);
    const v = sample();
    v.lines[0]!.basic = "-1";
    v.lines[1]!.functionCode = "2011001";
    v.staffing.retired = "1.5";
    v.other.vehicles = "两辆";
    const r = finalAccountsSchema.safeParse(v);
    expect(r.success).toBe(false);
    const issues = Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
    expect(issues).toEqual({
      "lines.0.basic": "金额不能为负数",
      "lines.1.functionCode": "与第1行的科目重复",
      "staffing.retired": "请输入不小于0的整数，未知可留空",
      "other.vehicles": "请输入不小于0的整数，未知可留空",
    });
  });
});
