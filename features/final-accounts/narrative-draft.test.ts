import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkRequiredSections } from "@/features/reports/check-report";
import { FILL_IN } from "@/lib/report-sections";
import { finalAccountsSections } from "./template";
import { guangyuan2020 } from "@/prisma/seed/guangyuan-2020";
import { computeFinalAccounts } from "./computed";
import { draftFinalAccountsNarrative, type FinalAccountsDraft } from "./narrative-draft";
import { INCOME_SOURCES, PRIOR_KEYS, THREE_PUBLIC_KINDS, type FinalAccountsInput } from "./schema";
import { SEED_2020_CODES, SEED_2020_VALUES } from "./seed-2020-values.fixture";

const draftOf = (values: FinalAccountsInput, year = 2020, shortName = "市委编办", codes = SEED_2020_CODES): FinalAccountsDraft =>
  draftFinalAccountsNarrative({ year, shortName, values, computed: computeFinalAccounts(values, codes), codes });

const clone = (v: FinalAccountsInput): FinalAccountsInput => structuredClone(v);
const fa = guangyuan2020.finalAccounts;

/** An empty year: what toFormValues gives for a department-year with nothing entered. */
function emptyValues(): FinalAccountsInput {
  return {
    staffing: {
      authorizedTotal: "",
      authorizedAdministrative: "",
      authorizedInstitution: "",
      authorizedLogistics: "",
      actualTotal: "",
      actualAdministrative: "",
      actualInstitution: "",
      actualLogistics: "",
      retired: "",
    },
    balances: { opening: "", closing: "" },
    income: Object.fromEntries(INCOME_SOURCES.map((s) => [s, ""])) as FinalAccountsInput["income"],
    lines: [],
    basic: { personnel: "", publicUse: "", personnelItems: "", publicUseItems: "" },
    threePublic: Object.fromEntries(THREE_PUBLIC_KINDS.map((k) => [k, { budget: "", amount: "", batches: "", persons: "", description: "", reason: "" }])) as FinalAccountsInput["threePublic"],
    threePublicBudget: "",
    other: {
      govFund: "",
      soeCapital: "",
      operatingExpenses: "",
      procurementGoods: "",
      procurementWorks: "",
      procurementServices: "",
      procurementSme: "",
      vehicles: "",
      vehiclesText: "",
      generalEquipmentOver50Wan: "",
      specialEquipmentOver100Wan: "",
      projectsWithGoals: "",
    },
    prior: Object.fromEntries(PRIOR_KEYS.map((k) => [k, ""])) as FinalAccountsInput["prior"],
    glossary: [],
    explanations: {},
  };
}

describe("draftFinalAccountsNarrative: the seed's 2020 accounts", () => {
  const draft = draftOf(SEED_2020_VALUES);

  it("says every section the way the seed's document does, with the figures computed from the data", () => {
    expect(draft).toEqual({
      // 0.49 + 426.32 = 426.81; 2019: 470.26 → −43.45, 43.45 / 470.26 = 9.2396% → 9.24. No reason in the data.
      "finalAccounts.overview": `2020年度收、支总计426.81万元。与2019年相比，收、支总计各减少43.45万元，下降9.24%。主要变动原因是${FILL_IN}。`,
      "finalAccounts.income": "2020年本年收入合计426.32万元，其中：一般公共预算财政拨款收入426.32万元，占100.00%。",
      // 284.31 + 25.97 + 12.97 + 26.07 = 349.32 basic, 72.51 project, 421.83 in all: 82.81% / 17.19%.
      "finalAccounts.expenditure": "2020年本年支出合计421.83万元，其中：基本支出349.32万元，占82.81%；项目支出72.51万元，占17.19%。",
      // 2019: 459.48 → −33.16, 33.16 / 459.48 = 7.2169% → 7.22.
      "finalAccounts.fiscalAppropriation": `2020年财政拨款收、支总计426.32万元。与2019年相比，收、支总计各减少33.16万元，下降7.22%。主要变动原因是${FILL_IN}。`,
      // 2019: 451.93 → 421.83 − 451.93 = −30.10, 30.10 / 451.93 = 6.6603% → 6.66.
      "finalAccounts.generalBudget.overall": `2020年一般公共预算财政拨款支出421.83万元，占本年支出合计的100.00%。与2019年相比，一般公共预算财政拨款减少30.10万元，下降6.66%。主要变动原因是${FILL_IN}。`,
      // 356.82 / 421.83 = 84.5885%, 25.97 / 421.83 = 6.1565%, 12.97 / 421.83 = 3.0747%, 26.07 / 421.83 = 6.1802%.
      "finalAccounts.generalBudget.structure":
        "2020年一般公共预算财政拨款支出421.83万元，主要用于以下方面：一般公共服务（类）支出356.82万元，占84.59%；社会保障和就业（类）支出25.97万元，占6.16%；卫生健康（类）支出12.97万元，占3.07%；住房保障（类）支出26.07万元，占6.18%。",
      // Budgets 288.14 + 73.17 + 25.97 + 12.97 + 26.07 = 426.32; 421.83 / 426.32 = 98.9468% → 98.95;
      // 284.31 / 288.14 = 98.6708% → 98.67; 72.51 / 73.17 = 99.0980% → 99.10.
      "finalAccounts.generalBudget.detail": [
        "2020年一般公共预算支出决算数为421.83万元，完成预算98.95%。其中：",
        "1.一般公共服务（类）人力资源事务（款）行政运行（项）：支出决算为284.31万元，完成预算98.67%，决算数小于预算数的主要原因是各项保险未清算支付。",
        "2.一般公共服务（类）人力资源事务（款）一般行政管理事务（项）：支出决算为72.51万元，完成预算99.10%，预算与决算基本持平。",
        "3.社会保障和就业（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）：支出决算为25.97万元，完成预算100.00%。",
        "4.卫生健康（类）行政事业单位医疗（款）行政单位医疗（项）：支出决算为12.97万元，完成预算100.00%。",
        "5.住房保障（类）住房改革支出（款）住房公积金（项）：支出决算为26.07万元，完成预算100.00%。",
      ].join("\n"),
      // The total is the lines' basic spending (as the table's 基本支出合计); the split is as entered (319.19 + 30.14 = 349.33: the BASIC_SPLIT check's business).
      "finalAccounts.basicExpenditure": [
        "2020年一般公共预算财政拨款基本支出349.32万元，其中：",
        `人员经费319.19万元，主要包括：${fa.basicExpenditure.personnel.items.join("、")}等。`,
        `日常公用经费30.14万元，主要包括：${fa.basicExpenditure.publicOperating.items.join("、")}等。`,
      ].join("\n"),
      // 0 + 0 + 2.92 + 0.26 + 0 = 3.18; no 三公 budget stored, so no completion.
      "finalAccounts.threePublicExpenses.overall": "2020年“三公”经费财政拨款支出决算为3.18万元。",
      // 2.92 / 3.18 = 91.8239% → 91.82; 0.26 / 3.18 = 8.1761% → 8.18.
      "finalAccounts.threePublicExpenses.detail":
        "2020年“三公”经费财政拨款支出决算中，因公出国（境）费支出决算0.00万元；公务用车购置及运行维护费支出决算2.92万元，占91.82%；公务接待费支出决算0.26万元，占8.18%。具体情况如下：",
      // The zero line's stored description (the printed sentence) is not repeated.
      "finalAccounts.threePublicExpenses.detail.outboundTravel": "1.因公出国（境）经费支出0.00万元。",
      // 2019: 3.90 → −0.98, 0.98 / 3.90 = 25.1282% → 25.13; the reason is the lines'.
      "finalAccounts.threePublicExpenses.detail.vehicles": [
        "2.公务用车购置及运行维护费支出2.92万元。公务用车购置及运行维护费支出决算比2019年减少0.98万元，下降25.13%。主要原因是厉行节约，压减三公经费支出。",
        "其中：公务用车购置支出0.00万元。截至2020年12月底，单位共有公务用车1辆，其中：其他用车1辆。",
        `公务用车运行维护费支出2.92万元。${fa.threePublicExpenses.detail.vehicles.operation.usage}`,
      ].join("\n"),
      // Budget 1.00: 0.26 / 1 = 26.00%; 2019: 0.43 → −0.17, 0.17 / 0.43 = 39.5349% → 39.53.
      "finalAccounts.threePublicExpenses.detail.reception": [
        "3.公务接待费支出0.26万元，完成预算26.00%。公务接待费支出决算比2019年减少0.17万元，下降39.53%。主要原因是厉行节约，压减三公经费支出。",
        `其中：国内公务接待支出0.26万元，${fa.threePublicExpenses.detail.reception.domestic.usage}，共3批次、24人次。`,
        "外事接待支出0.00万元。",
      ].join("\n"),
      "finalAccounts.governmentFund": "2020年政府性基金预算拨款支出0.00万元。2020年本单位未在政府性基金预算拨款安排“三公”经费支出。",
      "finalAccounts.stateCapital": "2020年国有资本经营预算拨款支出0.00万元。",
      // 2019: 39.29 → −9.15, 9.15 / 39.29 = 23.2884% → 23.29. No reason in the data.
      "finalAccounts.otherMatters.operatingExpenses": `2020年，市委编办机关运行经费支出30.14万元，比2019年减少9.15万元，下降23.29%。主要原因是${FILL_IN}。`,
      // 0.45 / 0.45 = 100.00%.
      "finalAccounts.otherMatters.procurement":
        "2020年，市委编办政府采购支出总额0.45万元，其中：政府采购货物支出0.45万元、政府采购工程支出0.00万元、政府采购服务支出0.00万元。授予中小企业合同金额0.45万元，占政府采购支出总额的100.00%。",
      "finalAccounts.otherMatters.stateAssets": "截至2020年12月31日，市委编办共有车辆1辆，其中：其他用车1辆。单价50万元以上通用设备0台（套），单价100万元以上专用设备0台（套）。",
    });
  });

  /** The document prints whole percentages short ("100%", "99.1%"); the draft prints two decimals. */
  const twoDecimals = (s: string) => s.replace(/(\d+(?:\.\d+)?)%/g, (_, p: string) => `${Number(p).toFixed(2)}%`);

  it("二、收入: the seed's printed sentence, but for the share's two decimals", () => {
    const printed = fa.income.text;
    const comparison = { printed, normalised: twoDecimals(printed), drafted: draft["finalAccounts.income"] };
    expect(comparison).toEqual({
      printed: "2020年本年收入合计426.32万元，其中：一般公共预算财政拨款收入426.32万元，占100%。",
      normalised: "2020年本年收入合计426.32万元，其中：一般公共预算财政拨款收入426.32万元，占100.00%。",
      drafted: "2020年本年收入合计426.32万元，其中：一般公共预算财政拨款收入426.32万元，占100.00%。",
    });
  });

  it("五（三）具体情况: every printed line's figures and reasons, under the code table's names", () => {
    const printed = fa.generalBudget.detail.text.split("\n");
    const drafted = draft["finalAccounts.generalBudget.detail"].split("\n");
    expect(drafted).toHaveLength(printed.length);
    // Line by line: [what the seed printed, what the draft says]. The differences are
    // (a) the total: the printed 421.84 is not the sum of the printed lines, 421.83 (knownDiscrepancies
    //     "general-budget-class-sum"); the completion 98.95% agrees;
    // (b) the 类/款 names: the seed prints its own (人力资源（款）, 医疗卫生与计划生育（类）, 住房保障支出（类）,
    //     机关事业单位离退休（款）), the draft uses the code table's; the 项 names agree;
    // (c) "：" for the seed's ASCII ":" and percentages to two decimals.
    const comparison = printed.map((p, i) => [p, drafted[i]]);
    expect(comparison).toEqual([
      ["2020年一般公共预算支出决算数为421.84万元，完成预算98.95%。其中：", "2020年一般公共预算支出决算数为421.83万元，完成预算98.95%。其中："],
      [
        "1.一般公共服务（类）人力资源（款）行政运行（项）:支出决算为284.31万元，完成预算98.67%，决算数小于预算数的主要原因是各项保险未清算支付。",
        "1.一般公共服务（类）人力资源事务（款）行政运行（项）：支出决算为284.31万元，完成预算98.67%，决算数小于预算数的主要原因是各项保险未清算支付。",
      ],
      [
        "2.一般公共服务（类）人力资源（款）一般行政管理事务（项）:支出决算为72.51万元，完成预算99.1%，预算与决算基本持平。",
        "2.一般公共服务（类）人力资源事务（款）一般行政管理事务（项）：支出决算为72.51万元，完成预算99.10%，预算与决算基本持平。",
      ],
      [
        "3.社会保障和就业（类）机关事业单位离退休（款）机关事业单位基本养老保险缴费支出（项）:支出决算为25.97万元，完成预算100%。",
        "3.社会保障和就业（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）：支出决算为25.97万元，完成预算100.00%。",
      ],
      [
        "4.医疗卫生与计划生育（类）行政事业单位医疗（款）行政单位医疗（项）:支出决算为12.97万元，完成预算100%。",
        "4.卫生健康（类）行政事业单位医疗（款）行政单位医疗（项）：支出决算为12.97万元，完成预算100.00%。",
      ],
      [
        "5.住房保障支出（类）住房改革支出（款）住房公积金（项）:支出决算为26.07万元，完成预算100%。",
        "5.住房保障（类）住房改革支出（款）住房公积金（项）：支出决算为26.07万元，完成预算100.00%。",
      ],
    ]);
    // Where the figures agree (every item line), the text after the name is the printed text exactly, up to (c).
    const afterName = (line: string) => twoDecimals(line.slice(line.indexOf("（项）") + 4));
    fa.generalBudget.detail.items.forEach((item, i) => {
      expect(afterName(drafted[i + 1]!), item.code).toBe(afterName(printed[i + 1]!));
      expect(drafted[i + 1]).toContain(item.itemName);
    });
    // The head differs by the documented 0.01 only.
    expect(drafted[0]).toBe(printed[0]!.replace("421.84", "421.83"));
  });
});

describe("draftFinalAccountsNarrative: reasons the data does not hold", () => {
  it("a line whose 决算数 differs from its 预算数 without a reason gets the placeholder, with the direction", () => {
    const v = clone(SEED_2020_VALUES);
    v.lines[0]!.reason = "";
    v.lines[2] = { ...v.lines[2]!, budget: "25", reason: "" }; // 25.97 over 25: 103.88%
    const lines = draftOf(v)["finalAccounts.generalBudget.detail"].split("\n");
    expect(lines[1]).toBe(`1.一般公共服务（类）人力资源事务（款）行政运行（项）：支出决算为284.31万元，完成预算98.67%，决算数小于预算数的主要原因是${FILL_IN}。`);
    expect(lines[3]).toBe(`3.社会保障和就业（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）：支出决算为25.97万元，完成预算103.88%，决算数大于预算数的主要原因是${FILL_IN}。`);
  });

  it("a bare reason gets the document's lead-in; one written as the document writes it stays as it is", () => {
    const v = clone(SEED_2020_VALUES);
    v.lines[0]!.reason = "各项保险未清算支付";
    v.lines[1]!.reason = "主要原因是项目结余，";
    const lines = draftOf(v)["finalAccounts.generalBudget.detail"].split("\n");
    expect(lines[1]).toContain("完成预算98.67%，决算数小于预算数的主要原因是各项保险未清算支付。");
    expect(lines[2]).toContain("完成预算99.10%，主要原因是项目结余。");
  });

  it("an increase reads 增加 / 增长; no change reads 持平 and needs no reason; a zero prior has no percentage", () => {
    const v = clone(SEED_2020_VALUES);
    v.prior.incomeExpenditure = "400"; // 426.81 − 400 = 26.81, 6.7025% → 6.70
    v.prior.operatingExpenses = "30.14";
    v.prior.fiscal = "0";
    v.threePublic.VEHICLE_OPERATION.reason = "";
    const d = draftOf(v);
    expect(d["finalAccounts.overview"]).toBe(`2020年度收、支总计426.81万元。与2019年相比，收、支总计各增加26.81万元，增长6.70%。主要变动原因是${FILL_IN}。`);
    expect(d["finalAccounts.otherMatters.operatingExpenses"]).toBe("2020年，市委编办机关运行经费支出30.14万元，与2019年持平。");
    expect(d["finalAccounts.fiscalAppropriation"]).toBe(`2020年财政拨款收、支总计426.32万元。与2019年相比，收、支总计各增加426.32万元。主要变动原因是${FILL_IN}。`);
    expect(d["finalAccounts.threePublicExpenses.detail.vehicles"].split("\n")[0]).toBe(
      `2.公务用车购置及运行维护费支出2.92万元。公务用车购置及运行维护费支出决算比2019年减少0.98万元，下降25.13%。主要原因是${FILL_IN}。`,
    );
  });

  it("a 三公 budget gives the completion, and a gap between them needs a reason", () => {
    const v = clone(SEED_2020_VALUES);
    v.threePublicBudget = "4";
    v.threePublic.VEHICLE_OPERATION.budget = "3";
    const d = draftOf(v);
    // 3.18 / 4 = 79.50%; 2.92 / 3 = 97.3333% → 97.33.
    expect(d["finalAccounts.threePublicExpenses.overall"]).toBe(`2020年“三公”经费财政拨款支出决算为3.18万元，完成预算79.50%，决算数小于预算数的主要原因是${FILL_IN}。`);
    expect(d["finalAccounts.threePublicExpenses.detail.vehicles"]).toMatch(/^2\.公务用车购置及运行维护费支出2\.92万元，完成预算97\.33%。/);
  });

  it("the pre-submission check refuses a section that still holds the placeholder, required or not", () => {
    const d = draftOf(SEED_2020_VALUES);
    const template = finalAccountsSections(2020);
    const sections = template.filter((s) => !s.group).map((s) => ({ key: s.key, body: (d as Record<string, string>)[s.key] || `${s.heading}已填写。` }));
    const blocked = checkRequiredSections(template, sections).blocking;
    expect(blocked.map((b) => [b.code, b.sectionKey])).toEqual([
      ["SECTION_PLACEHOLDER", "finalAccounts.overview"],
      ["SECTION_PLACEHOLDER", "finalAccounts.fiscalAppropriation"],
      ["SECTION_PLACEHOLDER", "finalAccounts.generalBudget.overall"],
      ["SECTION_PLACEHOLDER", "finalAccounts.otherMatters.operatingExpenses"],
    ]);
    expect(blocked[0]!.message).toBe("“一、收入支出决算总体情况说明”中还有待填写的内容（【请填写】），请补充后再提交");
    // A non-required section too, and a hand-typed variant of the marker.
    const typed = sections.map((s) => (s.key === "finalAccounts.threePublicExpenses.detail.reception" ? { ...s, body: "3.公务接待费支出0.26万元。【请填写原因】" } : s.key.startsWith("finalAccounts.") && s.body.includes(FILL_IN) ? { ...s, body: s.body.replace(FILL_IN, "压减一般性支出") } : s));
    expect(checkRequiredSections(template, typed).blocking.map((b) => b.sectionKey)).toEqual(["finalAccounts.threePublicExpenses.detail.reception"]);
  });
});

describe("draftFinalAccountsNarrative: missing and partial data", () => {
  it("says nothing where nothing is entered", () => {
    const d = draftOf(emptyValues(), 2021, "市某局", []);
    expect(Object.values(d).every((t) => t === "")).toBe(true);
    expect(Object.keys(d)).toHaveLength(18);
  });

  it("a department with part of its accounts: only the sections its figures support, nothing invented", () => {
    const v = emptyValues();
    v.income.GENERAL_BUDGET = "100";
    v.income.OTHER = "0";
    v.lines = [
      { functionCode: "2011001", budget: "", basic: "60", project: "0", reason: "" },
      // Not in the code table given: named by its code.
      { functionCode: "2130101", budget: "", basic: "0", project: "30", reason: "" },
    ];
    v.other.operatingExpenses = "12.5";
    v.other.specialEquipmentOver100Wan = "2";
    const codes = SEED_2020_CODES.slice(0, 1);
    const d = draftOf(v, 2021, "市某局", codes);
    expect(d).toEqual({
      // No opening balance entered: 收支总计 is the income; no 2020 figure: no comparison, no placeholder.
      "finalAccounts.overview": "2021年度收、支总计100.00万元。",
      "finalAccounts.income": "2021年本年收入合计100.00万元，其中：一般公共预算财政拨款收入100.00万元，占100.00%。",
      "finalAccounts.expenditure": "2021年本年支出合计90.00万元，其中：基本支出60.00万元，占66.67%；项目支出30.00万元，占33.33%。",
      "finalAccounts.fiscalAppropriation": "2021年财政拨款收、支总计100.00万元。",
      "finalAccounts.generalBudget.overall": "2021年一般公共预算财政拨款支出90.00万元，占本年支出合计的100.00%。",
      "finalAccounts.generalBudget.structure": "2021年一般公共预算财政拨款支出90.00万元，主要用于以下方面：一般公共服务（类）支出60.00万元，占66.67%；213（类）支出30.00万元，占33.33%。",
      // No budgets: no completion anywhere.
      "finalAccounts.generalBudget.detail": [
        "2021年一般公共预算支出决算数为90.00万元。其中：",
        "1.一般公共服务（类）人力资源事务（款）行政运行（项）：支出决算为60.00万元。",
        "2.科目2130101：支出决算为30.00万元。",
      ].join("\n"),
      // No 人员经费 / 日常公用经费 entered: the total only.
      "finalAccounts.basicExpenditure": "2021年一般公共预算财政拨款基本支出60.00万元。",
      "finalAccounts.threePublicExpenses.overall": "",
      "finalAccounts.threePublicExpenses.detail": "",
      "finalAccounts.threePublicExpenses.detail.outboundTravel": "",
      "finalAccounts.threePublicExpenses.detail.vehicles": "",
      "finalAccounts.threePublicExpenses.detail.reception": "",
      "finalAccounts.governmentFund": "",
      "finalAccounts.stateCapital": "",
      "finalAccounts.otherMatters.operatingExpenses": "2021年，市某局机关运行经费支出12.50万元。",
      "finalAccounts.otherMatters.procurement": "",
      "finalAccounts.otherMatters.stateAssets": "截至2021年12月31日，市某局单价100万元以上专用设备2台（套）。",
    });
  });

  it("some budgets missing: the lines that have one show their completion, the total none", () => {
    const v = clone(SEED_2020_VALUES);
    v.lines[1]!.budget = "";
    const lines = draftOf(v)["finalAccounts.generalBudget.detail"].split("\n");
    expect(lines[0]).toBe("2020年一般公共预算支出决算数为421.83万元。其中：");
    expect(lines[1]).toContain("完成预算98.67%");
    expect(lines[2]).toBe("2.一般公共服务（类）人力资源事务（款）一般行政管理事务（项）：支出决算为72.51万元，预算与决算基本持平。");
  });

  it("zero totals give the totals only, never a share of nothing", () => {
    const v = emptyValues();
    v.income.GENERAL_BUDGET = "0";
    v.lines = [{ functionCode: "2011001", budget: "0", basic: "0", project: "0", reason: "" }];
    for (const k of THREE_PUBLIC_KINDS) v.threePublic[k].amount = "0";
    v.other.procurementGoods = "0";
    v.other.procurementSme = "0";
    const d = draftOf(v, 2021, "市某局");
    expect(d["finalAccounts.income"]).toBe("2021年本年收入合计0.00万元。");
    expect(d["finalAccounts.expenditure"]).toBe("2021年本年支出合计0.00万元。");
    expect(d["finalAccounts.generalBudget.structure"]).toBe("2021年一般公共预算财政拨款支出0.00万元。");
    expect(d["finalAccounts.generalBudget.detail"]).toBe("2021年一般公共预算支出决算数为0.00万元。其中：\n1.一般公共服务（类）人力资源事务（款）行政运行（项）：支出决算为0.00万元。");
    expect(d["finalAccounts.threePublicExpenses.detail"]).toBe(
      "2021年“三公”经费财政拨款支出决算中，因公出国（境）费支出决算0.00万元；公务用车购置及运行维护费支出决算0.00万元；公务接待费支出决算0.00万元。具体情况如下：",
    );
    expect(d["finalAccounts.otherMatters.procurement"]).toBe("2021年，市某局政府采购支出总额0.00万元。");
  });

  it("never prints null, undefined, NaN, Infinity or a dash for a number, whatever is missing", () => {
    const wanText = fc.oneof(fc.constant(""), fc.constant("0"), fc.integer({ min: 0, max: 10 ** 8 }).map((n) => (n / 100).toString()));
    const countText = fc.oneof(fc.constant(""), fc.nat(50).map(String));
    const words = fc.constantFrom("", "压减一般性支出", "主要用于调研。", "其他用车1辆");
    const values = fc.record({
      income: fc.record(Object.fromEntries(INCOME_SOURCES.map((s) => [s, wanText])) as Record<(typeof INCOME_SOURCES)[number], typeof wanText>),
      opening: wanText,
      lines: fc.array(fc.record({ functionCode: fc.constantFrom("2011001", "2080505", "2999999"), budget: wanText, basic: wanText, project: wanText, reason: words }), { maxLength: 3 }),
      personnel: wanText,
      threePublic: fc.record(
        Object.fromEntries(THREE_PUBLIC_KINDS.map((k) => [k, fc.record({ budget: wanText, amount: wanText, batches: countText, persons: countText, description: words, reason: words })])) as Record<
          (typeof THREE_PUBLIC_KINDS)[number],
          fc.Arbitrary<FinalAccountsInput["threePublic"]["ABROAD"]>
        >,
      ),
      threePublicBudget: wanText,
      other: fc.record({ govFund: wanText, operatingExpenses: wanText, procurementGoods: wanText, procurementSme: wanText, vehicles: countText, vehiclesText: words, generalEquipmentOver50Wan: countText }),
      prior: fc.record(Object.fromEntries(PRIOR_KEYS.map((k) => [k, wanText])) as Record<(typeof PRIOR_KEYS)[number], typeof wanText>),
    });
    fc.assert(
      fc.property(values, (x) => {
        const v = emptyValues();
        Object.assign(v.income, x.income);
        v.balances.opening = x.opening;
        v.lines = x.lines.map((l) => ({ ...l, basic: l.basic || "0", project: l.project || "0" }));
        v.basic.personnel = x.personnel;
        v.threePublic = x.threePublic;
        v.threePublicBudget = x.threePublicBudget;
        Object.assign(v.other, x.other);
        v.prior = x.prior;
        for (const text of Object.values(draftOf(v, 2021, "市某局"))) expect(text).not.toMatch(/null|undefined|NaN|Infinity|—|（）|，，|。。|：。/);
      }),
    );
  });
});
