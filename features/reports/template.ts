/**
 * The five standard sections of a 项目支出绩效自评报告 and their sub-headings (templates.json), with
 * the stable keys the seed's reports use (prisma/seed/fixture-types.ts). Group
 * headings (level 1 and 1.1 / 2.2) hold no text of their own. The year document's
 * template belongs to the final accounts (features/final-accounts/template.ts).
 */
import { FINAL_ACCOUNTS_DATA_SECTION_KEYS, FINAL_ACCOUNTS_SECTIONS } from "@/features/final-accounts/template";
import { readSectionTemplate, type SectionDef } from "@/lib/report-sections";
import templates from "./templates.json";

export const SELF_EVALUATION_SECTIONS: SectionDef[] = readSectionTemplate(templates.selfEvaluation);

/** 部门整体支出绩效评价报告 (the seed's 附件1). */
export const DEPARTMENT_OVERALL_SECTIONS: SectionDef[] = readSectionTemplate(templates.departmentOverall);

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
