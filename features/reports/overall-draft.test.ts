import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { guangyuan2020 } from "@/prisma/seed/guangyuan-2020";
import { draftOverallSections, type OverallDraftInput } from "./overall-draft";

const seedSection = (key: string) => guangyuan2020.overallReport.sections.find((s) => s.key === key)!.body;

/** The seed department's 2020 data as the loader reads it from the demo database (amounts in 元). */
const seed2020: OverallDraftInput = {
  year: 2020,
  shortName: "市委编办",
  subUnits: [
    { name: "市事业单位登记服务中心", unitKind: "CIVIL_SERVANT_MANAGED", isBudgetUnit: false },
    { name: "市机构编制信息中心", unitKind: "PUBLIC_INSTITUTION", isBudgetUnit: false },
  ],
  staffing: {
    authorized: { total: 27, administrative: 15, institution: 10, logistics: 2 },
    actual: { total: 24, administrative: 14, institution: 8, logistics: 2 },
    retired: 1,
  },
  income: [{ source: "GENERAL_BUDGET", amount: "4263200" }],
  // Budgets as the seed loader derives them (决算数 ÷ printed 完成预算 %): 288.14 and 73.17 万元.
  expenditure: [
    { classCode: "201", className: "一般公共服务支出", budget: "2881400", basic: "2843100", project: "0" },
    { classCode: "201", className: "一般公共服务支出", budget: "731700", basic: "0", project: "725100" },
    { classCode: "208", className: "社会保障和就业支出", budget: "259700", basic: "259700", project: "0" },
    { classCode: "210", className: "卫生健康支出", budget: "129700", basic: "129700", project: "0" },
    { classCode: "221", className: "住房保障支出", budget: "260700", basic: "260700", project: "0" },
  ],
  projects: ["180000", "180000", "92000", "90000", "146500"].map((y) => ({ budget: y, executed: y })),
};

const empty: OverallDraftInput = {
  year: 2021,
  shortName: "市某局",
  subUnits: [],
  staffing: {
    authorized: { total: null, administrative: null, institution: null, logistics: null },
    actual: { total: null, administrative: null, institution: null, logistics: null },
    retired: null,
  },
  income: [],
  expenditure: [],
  projects: [],
};

describe("draftOverallSections: the seed's 2020 data", () => {
  const draft = draftOverallSections(seed2020);

  it("1.1 机构组成 says what 附件1 says, and that there is no 二级预算单位 (as 机构设置 prints)", () => {
    expect(draft["1.1"]).toBe(`${seedSection("1.1")}无二级预算单位。`);
    expect(guangyuan2020.profile.organizationText).toContain("无二级预算单位");
  });

  it("1.3 人员概况 has 附件1's figures; the 事业 category is named generically", () => {
    expect(draft["1.3"]).toBe("市委编办总编制27名，其中行政编制15名，事业编制10名，工勤编制2名。在职人员总数24人，其中行政人员14人，事业人员8人，工勤人员2人；退休人员1人。");
    // 附件1 names this department's 事业 posts 其他事业 (its units are not all 参公).
    expect(seedSection("1.3").replaceAll("其他事业", "事业")).toBe(draft["1.3"]);
  });

  it("2.1 收入 is 附件1's sentence, with the share printed to two decimals", () => {
    expect(draft["2.1"]).toBe("2020年本年收入合计426.32万元，其中：一般公共预算财政拨款收入426.32万元，占100.00%。");
    expect(`${seedSection("2.1").replace("占100%", "占100.00%")}。`).toBe(draft["2.1"]);
  });

  it("2.2 支出 is computed from the lines: 附件1's shares, the documented 0.02 difference in the totals", () => {
    const [summary, byClass, budget, projects] = draft["2.2"].split("\n");
    // The lines add up to 421.83 / 349.32, printed as 421.85 / 349.34 (knownDiscrepancies); 72.51 and both shares agree.
    expect(summary).toBe("2020年本年支出合计421.83万元，其中：基本支出349.32万元，占82.81%；项目支出72.51万元，占17.19%。");
    expect(seedSection("2.2").replace("421.85", "421.83").replace("349.34", "349.32")).toBe(summary);
    expect(byClass).toBe("按支出功能分类：一般公共服务（类）支出356.82万元，占84.59%；社会保障和就业（类）支出25.97万元，占6.16%；卫生健康（类）支出12.97万元，占3.07%；住房保障（类）支出26.07万元，占6.18%。");
    // …the shares the document prints in its 支出决算结构 section.
    for (const c of guangyuan2020.finalAccounts.generalBudget.structure.byClass) expect(byClass).toContain(`${c.amount}万元，占${c.share}%`);
    // 288.14 + 73.17 + 25.97 + 12.97 + 26.07 = 426.32; 421.83 / 426.32 = 98.95% (the printed 完成预算).
    expect(budget).toBe("全年预算数426.32万元，支出决算数421.83万元，完成预算98.95%。");
    expect(budget).toContain(`完成预算${guangyuan2020.finalAccounts.generalBudget.detail.completionRate}%`);
    // 18 + 18 + 9.2 + 9 + 14.65 = 68.85.
    expect(projects).toBe("本年度实施项目5个，全年预算数合计68.85万元，全年执行数合计68.85万元，预算执行率100.00%。");
  });
});

describe("draftOverallSections: missing and partial data", () => {
  it("says nothing where nothing is recorded", () => {
    expect(draftOverallSections(empty)).toEqual({ "1.1": "", "1.3": "", "2.1": "", "2.2": "" });
  });

  it("a department with part of its data: only what is recorded, nothing invented", () => {
    const draft = draftOverallSections({
      ...empty,
      subUnits: [
        { name: "市甲中心", unitKind: "PUBLIC_INSTITUTION", isBudgetUnit: true },
        { name: "市乙执法队", unitKind: "ADMINISTRATIVE", isBudgetUnit: false },
      ],
      staffing: { ...empty.staffing, actual: { total: null, administrative: 5, institution: null, logistics: 1 } },
      expenditure: [
        { classCode: "201", className: "一般公共服务支出", budget: "1000000", basic: "600000", project: "300000" },
        { classCode: "208", className: "社会保障和就业支出", budget: null, basic: "100000", project: "0" },
      ],
    });
    expect(draft["1.1"]).toBe("市某局下属单位2个，其中市甲中心为其他事业单位，市乙执法队为行政单位。二级预算单位1个：市甲中心。");
    expect(draft["1.3"]).toBe("市某局在职行政人员5人，工勤人员1人。");
    expect(draft["2.1"]).toBe("");
    // 70 + 30 of 100; only the 201 line has a budget: 90 of 100 = 90.00%.
    expect(draft["2.2"]).toBe(
      [
        "2021年本年支出合计100.00万元，其中：基本支出70.00万元，占70.00%；项目支出30.00万元，占30.00%。",
        "按支出功能分类：一般公共服务（类）支出90.00万元，占90.00%；社会保障和就业（类）支出10.00万元，占10.00%。",
        "已填报预算数的支出科目1个，预算数合计100.00万元，支出决算数90.00万元，完成预算90.00%。",
      ].join("\n"),
    );
  });

  it("one sub-unit, staffing totals without breakdown, sources in the standard order without zero lines", () => {
    const draft = draftOverallSections({
      ...empty,
      subUnits: [{ name: "市丙中心", unitKind: "CIVIL_SERVANT_MANAGED", isBudgetUnit: true }],
      staffing: { ...empty.staffing, authorized: { total: 10, administrative: null, institution: null, logistics: null }, retired: 0 },
      income: [
        { source: "OTHER", amount: "12345.67" },
        { source: "GENERAL_BUDGET", amount: "987654.33" },
        { source: "BUSINESS", amount: "0" },
      ],
      projects: [{ budget: "0", executed: "0" }],
    });
    expect(draft["1.1"]).toBe("市某局下属事业单位1个，市丙中心为参照公务员法管理的事业单位。二级预算单位1个：市丙中心。");
    expect(draft["1.3"]).toBe("市某局总编制10名。退休人员0人。");
    // 987654.33 + 12345.67 = 1000000.00 元; 98.765433 → 98.77, 1.234567 → 1.23.
    expect(draft["2.1"]).toBe("2021年本年收入合计100.00万元，其中：一般公共预算财政拨款收入98.77万元，占98.77%；其他收入1.23万元，占1.23%。");
    // No budget to divide by: no execution rate.
    expect(draft["2.2"]).toBe("本年度实施项目1个，全年预算数合计0.00万元，全年执行数合计0.00万元。");
  });

  it("zero totals give the total only, never a share of nothing", () => {
    const draft = draftOverallSections({
      ...empty,
      income: [{ source: "GENERAL_BUDGET", amount: "0" }],
      expenditure: [{ classCode: "201", className: "一般公共服务支出", budget: null, basic: "0", project: "0" }],
    });
    expect(draft["2.1"]).toBe("2021年本年收入合计0.00万元。");
    expect(draft["2.2"]).toBe("2021年本年支出合计0.00万元。");
  });

  it("never prints null, undefined, NaN or a dash for a number, whatever is missing", () => {
    const count = fc.option(fc.nat(200), { nil: null });
    const group = fc.record({ total: count, administrative: count, institution: count, logistics: count });
    const yuan = fc.bigInt({ min: 0n, max: 10n ** 12n }).map((n) => (Number(n) / 100).toFixed(2));
    const input = fc.record({
      year: fc.constant(2021),
      shortName: fc.constant("市某局"),
      subUnits: fc.array(
        fc.record({ name: fc.constantFrom("甲", "乙"), unitKind: fc.constantFrom("ADMINISTRATIVE" as const, "CIVIL_SERVANT_MANAGED" as const, "PUBLIC_INSTITUTION" as const), isBudgetUnit: fc.boolean() }),
        { maxLength: 3 },
      ),
      staffing: fc.record({ authorized: group, actual: group, retired: count }),
      income: fc.uniqueArray(fc.record({ source: fc.constantFrom("GENERAL_BUDGET" as const, "BUSINESS" as const, "OTHER" as const), amount: yuan }), { selector: (l) => l.source, maxLength: 3 }),
      expenditure: fc.array(
        fc.record({ classCode: fc.constantFrom("201", "208"), className: fc.constantFrom("一般公共服务支出", "社会保障和就业支出"), budget: fc.option(yuan, { nil: null }), basic: yuan, project: yuan }),
        { maxLength: 4 },
      ),
      projects: fc.array(fc.record({ budget: yuan, executed: yuan }), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(input, (i) => {
        for (const text of Object.values(draftOverallSections(i))) expect(text).not.toMatch(/null|undefined|NaN|—|Infinity/);
      }),
    );
  });
});
