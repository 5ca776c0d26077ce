/**
 * The five standard sections of a 项目支出绩效自评报告 and their sub-headings, with
 * the stable keys the seed's reports use (prisma/seed/fixture-types.ts). Group
 * headings (level 1 and 1.1 / 2.2) hold no text of their own.
 */
export type SectionDef = { key: string; heading: string; level: 1 | 2 | 3; required: boolean; group?: boolean; hint?: string };

export const SELF_EVALUATION_SECTIONS: SectionDef[] = [
  { key: "1", heading: "一、项目概况", level: 1, required: false, group: true },
  { key: "1.1", heading: "（一）项目基本情况", level: 2, required: false, group: true },
  { key: "1.1.1", heading: "1、项目主管部门在该项目管理中的职能", level: 3, required: true },
  { key: "1.1.2", heading: "2、项目立项、资金申报的依据", level: 3, required: true },
  { key: "1.1.3", heading: "3、资金管理办法制定情况，资金支持具体项目的条件、范围与支持方式概况", level: 3, required: true },
  { key: "1.1.4", heading: "4、资金分配原则及考虑因素", level: 3, required: true, hint: "写明分配标准，如：会务费3万元，培训费2万元……共计18万元" },
  { key: "1.2", heading: "（二）项目绩效目标", level: 2, required: true },
  { key: "1.3", heading: "（三）项目自评步骤及方法", level: 2, required: true },
  { key: "2", heading: "二、项目资金申报及使用情况", level: 1, required: false, group: true },
  { key: "2.1", heading: "（一）项目资金申报及批复情况", level: 2, required: true },
  { key: "2.2", heading: "（二）资金计划、到位及使用情况", level: 2, required: false, group: true },
  { key: "2.2.1", heading: "1．资金计划", level: 3, required: true },
  { key: "2.2.2", heading: "2．资金到位", level: 3, required: true },
  { key: "2.2.3", heading: "3．资金使用", level: 3, required: true },
  { key: "2.3", heading: "（三）项目财务管理情况", level: 2, required: true },
  { key: "3", heading: "三、项目实施及管理情况", level: 1, required: false, group: true },
  { key: "3.1", heading: "（一）项目组织架构及实施流程", level: 2, required: true },
  { key: "3.2", heading: "（二）项目管理情况", level: 2, required: true },
  { key: "3.3", heading: "（三）项目监管情况", level: 2, required: true },
  { key: "4", heading: "四、项目绩效情况", level: 1, required: false, group: true },
  { key: "4.1", heading: "（一）项目完成情况", level: 2, required: true },
  { key: "4.2", heading: "（二）项目效益情况", level: 2, required: true },
  { key: "5", heading: "五、评价结论及建议", level: 1, required: false, group: true },
  { key: "5.1", heading: "（一）评价结论", level: 2, required: true },
  { key: "5.2", heading: "（二）存在的问题", level: 2, required: true },
  { key: "5.3", heading: "（三）相关建议", level: 2, required: true },
];

/** 部门整体支出绩效评价报告 (the seed's 附件1). */
export const DEPARTMENT_OVERALL_SECTIONS: SectionDef[] = [
  { key: "1", heading: "一、部门（单位）概况", level: 1, required: false, group: true },
  { key: "1.1", heading: "（一）机构组成", level: 2, required: true },
  { key: "1.2", heading: "（二）机构职能", level: 2, required: true },
  { key: "1.3", heading: "（三）人员概况", level: 2, required: true },
  { key: "2", heading: "二、部门财政资金收支情况", level: 1, required: false, group: true },
  { key: "2.1", heading: "（一）部门财政资金收入情况", level: 2, required: true },
  { key: "2.2", heading: "（二）部门财政资金支出情况", level: 2, required: true },
  { key: "3", heading: "三、部门整体预算绩效管理情况", level: 1, required: false, group: true },
  { key: "3.1", heading: "（一）部门预算管理", level: 2, required: true },
  { key: "3.2", heading: "（二）结果应用情况", level: 2, required: true },
  { key: "4", heading: "四、评价结论及建议", level: 1, required: false, group: true },
  { key: "4.1", heading: "（一）评价结论", level: 2, required: true },
  { key: "4.2", heading: "（二）存在问题", level: 2, required: true },
  { key: "4.3", heading: "（三）改进建议", level: 2, required: true },
];

/**
 * The narrative of the published year document (部门决算公开), in the seed's
 * structure and with its keys (prisma/seed/load-department-year.ts): 第一部分 部门概况,
 * 第二部分 决算情况说明 (each table's explanation), 名词解释. The tables themselves come
 * from the final-accounts data (features/final-accounts), not from this text.
 */
export function finalAccountsSections(year?: number): SectionDef[] {
  const y = year ? `${year}年` : "本年";
  const s = (key: string, heading: string, level: 1 | 2 | 3, required: boolean, group = false, hint?: string): SectionDef => ({ key, heading, level, required, group, hint });
  return [
    s("profile.part", "第一部分 部门概况", 1, false, true),
    s("profile.section", "一、基本职能及主要工作", 2, false, true),
    s("profile.duties", "（一）主要职能。", 3, true),
    s("profile.keyWork", `（二）${y}重点工作完成情况。`, 3, true),
    s("profile.organization", "二、机构设置", 2, true, false, "写明内设机构和下属单位（二级预算单位）的设置情况"),
    s("finalAccounts.part", `第二部分 ${y}度部门决算情况说明`, 1, false, true),
    s("finalAccounts.overview", "一、收入支出决算总体情况说明", 2, true, false, "写明收、支总计及与上年相比的增减变动和主要原因"),
    s("finalAccounts.income", "二、收入决算情况说明", 2, true),
    s("finalAccounts.expenditure", "三、支出决算情况说明", 2, true),
    s("finalAccounts.fiscalAppropriation", "四、财政拨款收入支出决算总体情况说明", 2, true),
    s("finalAccounts.generalBudget", "五、一般公共预算财政拨款支出决算情况说明", 2, false, true),
    s("finalAccounts.generalBudget.overall", "（一）一般公共预算财政拨款支出决算总体情况", 3, true),
    s("finalAccounts.generalBudget.structure", "（二）一般公共预算财政拨款支出决算结构情况", 3, true),
    s("finalAccounts.generalBudget.detail", "（三）一般公共预算财政拨款支出决算具体情况", 3, true, false, "逐项说明决算数与预算数的差异原因"),
    s("finalAccounts.basicExpenditure", "六、一般公共预算财政拨款基本支出决算情况说明", 2, true),
    s("finalAccounts.threePublicExpenses", "七、“三公”经费财政拨款支出决算情况说明", 2, false, true),
    s("finalAccounts.threePublicExpenses.overall", "（一）“三公”经费财政拨款支出决算总体情况说明", 3, true),
    s("finalAccounts.threePublicExpenses.detail", "（二）“三公”经费财政拨款支出决算具体情况说明", 3, true),
    s("finalAccounts.threePublicExpenses.detail.outboundTravel", "因公出国（境）费", 3, false),
    s("finalAccounts.threePublicExpenses.detail.vehicles", "公务用车购置及运行维护费", 3, false),
    s("finalAccounts.threePublicExpenses.detail.reception", "公务接待费", 3, false),
    s("finalAccounts.governmentFund", "八、政府性基金预算支出决算情况说明", 2, true),
    s("finalAccounts.stateCapital", "九、国有资本经营预算支出决算情况说明", 2, true),
    s("finalAccounts.otherMatters", "十、其他重要事项的情况说明", 2, false, true),
    s("finalAccounts.otherMatters.operatingExpenses", "（一）机关运行经费支出情况", 3, true),
    s("finalAccounts.otherMatters.procurement", "（二）政府采购支出情况", 3, true),
    s("finalAccounts.otherMatters.stateAssets", "（三）国有资产占有使用情况", 3, true),
    s("finalAccounts.otherMatters.performanceManagement", "（四）预算绩效管理情况。", 3, true),
    s("finalAccounts.otherMatters.performanceManagement.projectGoals", "1.项目绩效目标完成情况。", 3, false),
    s("finalAccounts.otherMatters.performanceManagement.evaluationResult", "2.部门绩效评价结果。", 3, false),
    s("glossary", "名词解释", 1, false, true),
  ];
}

export const FINAL_ACCOUNTS_SECTIONS = finalAccountsSections();

/**
 * The overall report's sections the department-year's data can say (overall-draft.ts
 * drafts them; the editor offers to regenerate them). The others are narrative.
 */
export const OVERALL_DATA_SECTION_KEYS = ["1.1", "1.3", "2.1", "2.2"] as const;
export type OverallDataSectionKey = (typeof OVERALL_DATA_SECTION_KEYS)[number];

export function isOverallDataSection(key: string): key is OverallDataSectionKey {
  return (OVERALL_DATA_SECTION_KEYS as readonly string[]).includes(key);
}

/**
 * The year document's 第二部分 sections the final accounts can say
 * (features/final-accounts/narrative-draft.ts drafts them). 第一部分, 预算绩效管理情况
 * and 名词解释 are the department's to write.
 */
export const FINAL_ACCOUNTS_DATA_SECTION_KEYS = [
  "finalAccounts.overview",
  "finalAccounts.income",
  "finalAccounts.expenditure",
  "finalAccounts.fiscalAppropriation",
  "finalAccounts.generalBudget.overall",
  "finalAccounts.generalBudget.structure",
  "finalAccounts.generalBudget.detail",
  "finalAccounts.basicExpenditure",
  "finalAccounts.threePublicExpenses.overall",
  "finalAccounts.threePublicExpenses.detail",
  "finalAccounts.threePublicExpenses.detail.outboundTravel",
  "finalAccounts.threePublicExpenses.detail.vehicles",
  "finalAccounts.threePublicExpenses.detail.reception",
  "finalAccounts.governmentFund",
  "finalAccounts.stateCapital",
  "finalAccounts.otherMatters.operatingExpenses",
  "finalAccounts.otherMatters.procurement",
  "finalAccounts.otherMatters.stateAssets",
] as const;
export type FinalAccountsDataSectionKey = (typeof FINAL_ACCOUNTS_DATA_SECTION_KEYS)[number];

export type TemplateKind = "PROJECT_SELF_EVALUATION" | "DEPARTMENT_OVERALL" | "FINAL_ACCOUNTS";

/** The sections of a report kind that are drafted from data (and can be regenerated); none for a self-evaluation. */
export function dataSectionKeys(kind: TemplateKind): readonly string[] {
  return kind === "DEPARTMENT_OVERALL" ? OVERALL_DATA_SECTION_KEYS : kind === "FINAL_ACCOUNTS" ? FINAL_ACCOUNTS_DATA_SECTION_KEYS : [];
}

export function isDataSection(kind: TemplateKind, key: string): boolean {
  return dataSectionKeys(kind).includes(key);
}

/**
 * What a draft writes where the document needs words the data does not hold (a
 * 主要变动原因 without a recorded reason). It makes the section non-empty, so the
 * pre-submission check looks for it explicitly (check-report.ts): a section still
 * containing it blocks submission, so it can never be published.
 */
export const FILL_IN = "【请填写】";

/** Whether a text still has a placeholder to fill in (also a hand-typed 【请填写…】 variant). */
export function hasFillIn(text: string): boolean {
  return /【请填写[^】]*】/.test(text);
}

/** The section template of a report kind. */
export function sectionsFor(kind: TemplateKind): SectionDef[] {
  return kind === "DEPARTMENT_OVERALL" ? DEPARTMENT_OVERALL_SECTIONS : kind === "PROJECT_SELF_EVALUATION" ? SELF_EVALUATION_SECTIONS : FINAL_ACCOUNTS_SECTIONS;
}

export const SECTION_KEYS = SELF_EVALUATION_SECTIONS.map((s) => s.key);
/** Every key any template knows (for input validation; the kind's template decides). */
export const ALL_SECTION_KEYS = [...new Set([...SECTION_KEYS, ...DEPARTMENT_OVERALL_SECTIONS.map((s) => s.key), ...FINAL_ACCOUNTS_SECTIONS.map((s) => s.key)])];
