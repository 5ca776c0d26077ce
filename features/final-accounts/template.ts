import type { SectionDef } from "@/lib/report-sections";

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
