/**
 * Types for demo-data fixtures: one department's published 部门决算公开 (final-accounts disclosure)
 * for one fiscal year, transcribed as data. Types only — no runtime code, no Prisma imports.
 *
 * Conventions
 * - Money (`WanYuan`) is a decimal string in 万元 exactly as printed: "426.81", "18", "14.65", "0".
 *   Never a JS number; consumers must use exact decimal arithmetic.
 * - Percentages (`PercentText`) are strings as printed, without the "%" sign: "9.24", "99.1", "100".
 * - Counts (staff, vehicles, batches, person-times) are integers.
 * - Only printed figures are stored; values that merely follow from printed ones are not.
 * - Text: each printed paragraph trimmed; paragraphs of one field joined with a single "\n";
 *   everything else (typos, stray punctuation, irregular numbering) kept as printed.
 *   Each fixture file documents its exact transcription rule.
 */

import type { FinalAccounts } from "./fixture-types-final-accounts";
import type { GlossaryTerm, KnownDiscrepancy, OverallEvaluationReport, Project, ProjectSelfEvaluationReport } from "./fixture-types-projects";

export type * from "./fixture-types-final-accounts";
export type * from "./fixture-types-projects";

/** Decimal amount in 万元 as printed, e.g. "426.81", "18", "0". */
export type WanYuan = string;

/** Percentage as printed without "%", e.g. "9.24", "99.1", "100". */
export type PercentText = string;

/** Root of a fixture: everything one 部门决算公开 document contains. */
export interface SeedDepartmentYear {
  fiscalYear: number;
  source: SourceInfo;
  department: Department;
  /** 第一部分 部门概况 */
  profile: DepartmentProfile;
  /** 第二部分 部门决算情况说明 */
  finalAccounts: FinalAccounts;
  /** 项目绩效目标完成情况表 1..n, in printed order. */
  projects: Project[];
  /** 附件2 项目支出绩效自评报告, one per project, in printed order. */
  selfEvaluationReports: ProjectSelfEvaluationReport[];
  /** 附件1 部门整体支出绩效评价报告 */
  overallReport: OverallEvaluationReport;
  /** Heading printed above the glossary, e.g. "名词解释". */
  glossaryHeading: string;
  glossary: GlossaryTerm[];
  /** Internal contradictions and printing defects of the source, to be shown to users. */
  knownDiscrepancies: KnownDiscrepancy[];
}

export interface SourceInfo {
  /** Kind of published document, e.g. "部门决算公开". */
  documentKind: string;
  /** Identifier of the transcribed source text (reference only; never read at run time). */
  sourceId: string;
}

// ------------------------------------------------------------------ department

export interface Department {
  /** Full name, e.g. "中共广元市委机构编制委员会办公室". */
  name: string;
  /** Short name used throughout the document, e.g. "市委编办". */
  shortName: string;
  /** Region (行政区划), e.g. "广元市". */
  region: string;
  /** 下属单位 (subordinate institutions). */
  subUnits: SubUnit[];
  /** 二级预算单位; empty when the document says 无二级预算单位. */
  secondLevelBudgetUnits: SubUnit[];
  staffing: Staffing;
}

export interface SubUnit {
  name: string;
  /** Category as printed, e.g. "参照公务员法管理的事业单位", "其他事业单位". */
  category: string;
}

export type StaffCategory = "administrative" | "publicInstitution" | "worker";

export interface StaffCountLine {
  /** administrative = 行政, publicInstitution = (其他)事业, worker = 工勤 */
  category: StaffCategory;
  /** Printed label, e.g. "行政编制", "其他事业人员". */
  label: string;
  count: number;
}

export interface StaffCountGroup {
  /** Printed label of the total, e.g. "总编制", "在职人员总数". */
  label: string;
  total: number;
  breakdown: StaffCountLine[];
}

export interface Staffing {
  /** 编制 (authorised posts). */
  establishment: StaffCountGroup;
  /** 在职人员 (staff in service). */
  inService: StaffCountGroup;
  /** 退休人员 */
  retired: { label: string; count: number };
  /** The printed paragraph the figures come from. */
  text: string;
}

// ------------------------------------------------------------------ profile (第一部分)

export interface DepartmentProfile {
  partHeading: string;
  sectionHeading: string;
  dutiesHeading: string;
  /** Paragraph before the numbered duties. */
  dutiesIntro: string;
  /** Lead-in line before the list, e.g. "主要职能职责如下：". */
  dutiesLead: string;
  /** 主要职能, in order, without their leading "1." numbers. */
  duties: string[];
  keyWorkHeading: string;
  /** 重点工作完成情况 items. */
  keyWork: NumberedNarrative[];
  organizationHeading: string;
  /** 机构设置 paragraph. */
  organizationText: string;
}

/** A numbered paragraph split as `${number}.${title}${body}` (title ends with its printed "。"). */
export interface NumberedNarrative {
  number: number;
  title: string;
  body: string;
}
