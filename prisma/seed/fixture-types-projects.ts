/**
 * Fixture types (see fixture-types.ts for the conventions): the projects' tables, the reports of the 附件, the glossary and the known discrepancies.
 */
import type { WanYuan } from "./fixture-types";

// ------------------------------------------------------------------ projects

export interface Project {
  /** 1-based table number (项目绩效目标完成情况表N), also the printed order. */
  index: number;
  /** e.g. "项目绩效目标完成情况表1" */
  tableTitle: string;
  /** e.g. "(2020年度)" */
  tableYear: string;
  /** 项目名称 as printed in the table. */
  name: string;
  /** Other names the document uses for the same project (summaries, 附件2), each once. */
  aliases: string[];
  /** 预算单位 */
  budgetUnit: string;
  /** 预算执行情况(万元) */
  execution: ProjectExecution;
  /** 年度目标完成情况 */
  annualGoal: { expected: string; actual: string };
  /** 绩效指标完成情况, rows in printed order. */
  indicators: IndicatorRow[];
  /** 资金分配原则及考虑因素 from the project's 附件2 report. */
  fundAllocation: FundAllocation;
}

export interface ProjectExecution {
  /** 预算数 */
  budget: WanYuan;
  /** 执行数 */
  executed: WanYuan;
  /** 其中-财政拨款 (预算) */
  fiscalBudget: WanYuan;
  /** 其中-财政拨款 (执行) */
  fiscalExecuted: WanYuan;
  /** 其它资金 (预算) */
  otherBudget: WanYuan;
  /** 其它资金 (执行) */
  otherExecuted: WanYuan;
}

export interface IndicatorRow {
  /** 一级指标, e.g. "项目完成指标", "效益指标", "满意度指标". */
  level1: string;
  /** 二级指标, e.g. "时效指标", "社会效益". */
  level2: string;
  /** 三级指标 */
  level3: string;
  /** 预期指标值(包含数字及文字描述) */
  expectedValue: string;
  /** 实际完成指标值(包含数字及文字描述) */
  actualValue: string;
}

export interface FundAllocation {
  items: FundAllocationItem[];
  /** Printed total ("共计…万元"). */
  total: WanYuan;
}

export interface FundAllocationItem {
  /** Short fee name for aggregation, e.g. "会务费", "差旅费". */
  item: string;
  /** Label as printed, e.g. "全市工作部署、工作推进、工作总结会务费", "调研差旅费". */
  label: string;
  amount: WanYuan;
}

// ------------------------------------------------------------------ reports (附件)

/**
 * Stable keys of the five standard sections of a 项目支出绩效自评报告 (identical across reports;
 * the printed headings vary and are stored as printed):
 * 1 项目概况: 1.1 项目基本情况 (1.1.1 主管部门职能, 1.1.2 立项及资金申报依据, 1.1.3 资金管理办法,
 *   1.1.4 资金分配原则及考虑因素), 1.2 项目绩效目标, 1.3 自评步骤及方法;
 * 2 资金申报及使用情况: 2.1 申报及批复, 2.2 计划/到位/使用 (2.2.1 资金计划, 2.2.2 资金到位,
 *   2.2.3 资金使用), 2.3 财务管理;
 * 3 项目实施及管理情况: 3.1 组织架构及实施流程, 3.2 管理, 3.3 监管;
 * 4 项目绩效情况: 4.1 完成情况, 4.2 效益情况;
 * 5 评价结论及建议: 5.1 结论, 5.2 存在的问题, 5.3 建议.
 */
export type SelfEvaluationSectionKey =
  | "1"
  | "1.1"
  | "1.1.1"
  | "1.1.2"
  | "1.1.3"
  | "1.1.4"
  | "1.2"
  | "1.3"
  | "2"
  | "2.1"
  | "2.2"
  | "2.2.1"
  | "2.2.2"
  | "2.2.3"
  | "2.3"
  | "3"
  | "3.1"
  | "3.2"
  | "3.3"
  | "4"
  | "4.1"
  | "4.2"
  | "5"
  | "5.1"
  | "5.2"
  | "5.3";

/** Keys of a 部门整体支出绩效评价报告 as printed in the seed (一 … 四 with their sub-sections). */
export type OverallReportSectionKey = string;

export interface ReportSection<K extends string = string> {
  key: K;
  /** Heading exactly as this report prints it (trimmed). */
  heading: string;
  /** Verbatim paragraphs joined with "\n"; "" for a heading that only groups sub-sections. */
  body: string;
}

export interface ProjectSelfEvaluationReport {
  /** `Project.index` of the evaluated project. */
  projectIndex: number;
  /** Attachment label printed before the report, e.g. "附件2" (only before the first one). */
  attachmentLabel?: string;
  /** Title as printed, one entry per printed line. */
  titleLines: string[];
  /** `titleLines` concatenated. */
  title: string;
  /** All sections in printed order, one per `SelfEvaluationSectionKey`. */
  sections: ReportSection<SelfEvaluationSectionKey>[];
}

export interface OverallEvaluationReport {
  /** e.g. "第四部分 附件" */
  partHeading: string;
  /** e.g. "附件1" */
  attachmentLabel: string;
  titleLines: string[];
  title: string;
  sections: ReportSection<OverallReportSectionKey>[];
}

// ------------------------------------------------------------------ glossary & discrepancies

export interface GlossaryTerm {
  number: number;
  term: string;
  definition: string;
}

export type DiscrepancyKind =
  /** Printed numbers do not add up / percentages do not match. */
  | "arithmetic"
  /** The same fact is printed differently in two places. */
  | "cross-reference"
  /** The same thing is named differently. */
  | "naming"
  /** Missing or irregular section numbering / headings. */
  | "numbering"
  /** Misprints, truncations, stray characters. */
  | "typo"
  /** Residue of the document conversion (e.g. embedded image text). */
  | "extraction-artifact"
  /** Content that is ambiguous or does not fit its slot. */
  | "content";

export interface KnownDiscrepancy {
  /** Stable identifier. */
  id: string;
  kind: DiscrepancyKind;
  /** Location in the document (Chinese, user-facing). */
  where: string;
  /** Description for users (Chinese). */
  description: string;
  /** The same in English, for the team. */
  descriptionEn: string;
}
