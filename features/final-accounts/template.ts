import { readSectionTemplate, type SectionDef } from "@/lib/report-sections";
import template from "./template.json";

const TEMPLATE = readSectionTemplate(template);

/**
 * The narrative of the published year document (部门决算公开), in the seed's
 * structure and with its keys (prisma/seed/load-department-year.ts): 第一部分 部门概况,
 * 第二部分 决算情况说明 (each table's explanation), 名词解释. The tables themselves come
 * from the final-accounts data (features/final-accounts), not from this text. The sections are
 * template.json; "{year}" in a heading stands for the year ("2020年", or "本年" without one).
 */
export function finalAccountsSections(year?: number): SectionDef[] {
  const y = year ? `${year}年` : "本年";
  return TEMPLATE.map((s) => ({ ...s, heading: s.heading.replace("{year}", y) }));
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
