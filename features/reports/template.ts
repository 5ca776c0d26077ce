/**
 * The five standard sections of a 项目支出绩效自评报告 and their sub-headings, with
 * the stable keys the seed's reports use (prisma/seed/fixture-types.ts). Group
 * headings (level 1 and 1.1 / 2.2) hold no text of their own. The year document's
 * template belongs to the final accounts (features/final-accounts/template.ts).
 */
import { FINAL_ACCOUNTS_DATA_SECTION_KEYS, FINAL_ACCOUNTS_SECTIONS } from "@/features/final-accounts/template";
import type { SectionDef } from "@/lib/report-sections";

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
 * The overall report's sections the department-year's data can say (overall-draft.ts
 * drafts them; the editor offers to regenerate them). The others are narrative.
 */
export const OVERALL_DATA_SECTION_KEYS = ["1.1", "1.3", "2.1", "2.2"] as const;
export type OverallDataSectionKey = (typeof OVERALL_DATA_SECTION_KEYS)[number];

export function isOverallDataSection(key: string): key is OverallDataSectionKey {
  return (OVERALL_DATA_SECTION_KEYS as readonly string[]).includes(key);
}

export type TemplateKind = "PROJECT_SELF_EVALUATION" | "DEPARTMENT_OVERALL" | "FINAL_ACCOUNTS";

/** The sections of a report kind that are drafted from data (and can be regenerated); none for a self-evaluation. */
export function dataSectionKeys(kind: TemplateKind): readonly string[] {
  return kind === "DEPARTMENT_OVERALL" ? OVERALL_DATA_SECTION_KEYS : kind === "FINAL_ACCOUNTS" ? FINAL_ACCOUNTS_DATA_SECTION_KEYS : [];
}

export function isDataSection(kind: TemplateKind, key: string): boolean {
  return dataSectionKeys(kind).includes(key);
}

/** The section template of a report kind. */
export function sectionsFor(kind: TemplateKind): SectionDef[] {
  return kind === "DEPARTMENT_OVERALL" ? DEPARTMENT_OVERALL_SECTIONS : kind === "PROJECT_SELF_EVALUATION" ? SELF_EVALUATION_SECTIONS : FINAL_ACCOUNTS_SECTIONS;
}

export const SECTION_KEYS = SELF_EVALUATION_SECTIONS.map((s) => s.key);
/** Every key any template knows (for input validation; the kind's template decides). */
export const ALL_SECTION_KEYS = [...new Set([...SECTION_KEYS, ...DEPARTMENT_OVERALL_SECTIONS.map((s) => s.key), ...FINAL_ACCOUNTS_SECTIONS.map((s) => s.key)])];
