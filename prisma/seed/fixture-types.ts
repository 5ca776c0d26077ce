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

// ------------------------------------------------------------------ final accounts (第二部分)

/** A printed (sub)section: heading as printed and its paragraphs. */
export interface PrintedSection {
  heading: string;
  /** Verbatim paragraphs joined with "\n". */
  text: string;
}

/** Year-on-year comparison as printed. Amount and percentage are absolute values. */
export interface PriorYearComparison {
  priorYear: number;
  direction: "increase" | "decrease";
  changeAmount: WanYuan;
  changePercent: PercentText;
  /** Printed reason: the text after "主要(变动)原因是", when printed. */
  reason?: string;
}

export interface FinalAccounts {
  partHeading: string;
  /** 收入支出决算总体情况: 收支总计 and its comparison. */
  overview: TotalWithComparison;
  /** 收入决算情况 */
  income: IncomeSection;
  /** 支出决算情况 */
  expenditure: ExpenditureSection;
  /** 财政拨款收入支出决算总体情况: 财政拨款收支总计 and its comparison. */
  fiscalAppropriation: TotalWithComparison;
  /** 一般公共预算财政拨款支出决算情况 */
  generalBudget: GeneralBudgetSection;
  /** 一般公共预算财政拨款基本支出决算情况 */
  basicExpenditure: BasicExpenditureSection;
  /** “三公”经费财政拨款支出决算情况 */
  threePublicExpenses: ThreePublicExpensesSection;
  /** 政府性基金预算支出决算情况 */
  governmentFund: FundBudgetSection;
  /** 国有资本经营预算支出决算情况 */
  stateCapital: FundBudgetSection;
  /** 其他重要事项的情况说明 */
  otherMatters: OtherMattersSection;
}

export interface TotalWithComparison extends PrintedSection {
  total: WanYuan;
  comparison: PriorYearComparison;
}

export interface AmountShareLine {
  /** Printed label, e.g. "一般公共预算财政拨款收入". */
  label: string;
  amount: WanYuan;
  share?: PercentText;
}

export interface IncomeSection extends PrintedSection {
  /** 本年收入合计 */
  total: WanYuan;
  bySource: AmountShareLine[];
}

export interface ExpenditureKindLine extends AmountShareLine {
  /** basic = 基本支出, project = 项目支出 */
  kind: "basic" | "project";
}

export interface ExpenditureSection extends PrintedSection {
  /** 本年支出合计 */
  total: WanYuan;
  byKind: ExpenditureKindLine[];
}

export interface GeneralBudgetSection {
  heading: string;
  /** （一）总体情况 */
  overall: PrintedSection & {
    total: WanYuan;
    /** Printed share of 本年支出合计. */
    shareOfTotalExpenditure: PercentText;
    comparison: PriorYearComparison;
  };
  /** （二）结构情况: by 功能分类 类. */
  structure: PrintedSection & {
    total: WanYuan;
    byClass: FunctionClassLine[];
  };
  /** （三）具体情况: by 类/款/项. */
  detail: PrintedSection & {
    total: WanYuan;
    /** 完成预算 % of the total. */
    completionRate: PercentText;
    items: FunctionItemLine[];
  };
}

export interface FunctionClassLine {
  /** 3-digit 功能分类 类 code, e.g. "201". */
  classCode: string;
  /** Name exactly as printed in this section, e.g. "一般公共服务（类）", "卫生健康支出". */
  name: string;
  amount: WanYuan;
  share: PercentText;
}

export interface FunctionItemLine {
  /** 7-digit 功能分类 code: 类 (3) + 款 (2) + 项 (2), e.g. "2011001". */
  code: string;
  /** 类 name as printed, e.g. "医疗卫生与计划生育（类）". */
  className: string;
  /** 款 name as printed, e.g. "人力资源（款）". */
  subclassName: string;
  /** 项 name as printed, e.g. "行政运行（项）". */
  itemName: string;
  /** 决算数 */
  amount: WanYuan;
  /** 完成预算 % */
  completionRate: PercentText;
  /** Printed clause after the completion rate (e.g. reason when below budget), if any. */
  explanation?: string;
}

export interface BasicExpenditureSection extends PrintedSection {
  total: WanYuan;
  /** 人员经费 */
  personnel: ExpenseGroup;
  /** 日常公用经费 */
  publicOperating: ExpenseGroup;
}

export interface ExpenseGroup {
  label: string;
  amount: WanYuan;
  /** Item names in printed order ("主要包括：…"). */
  items: string[];
  /** True when the printed list ends with "等" (not exhaustive). */
  openEnded: boolean;
}

export interface ThreePublicExpensesSection {
  heading: string;
  /** （一）总体情况 */
  overall: PrintedSection & {
    total: WanYuan;
    completionRate: PercentText;
    explanation?: string;
  };
  /** （二）具体情况: `text` is the introductory paragraph; each item keeps its own paragraphs. */
  detail: PrintedSection & {
    outboundTravel: ThreePublicItem;
    vehicles: VehicleExpenses;
    reception: ReceptionExpenses;
  };
}

export interface ThreePublicItem {
  /** Printed label, e.g. "公务接待费". */
  label: string;
  amount: WanYuan;
  /** Share of the 三公 total, as printed. */
  share?: PercentText;
  /** 完成预算 %, as printed. */
  completionRate?: PercentText;
  comparison?: PriorYearComparison;
  /** Verbatim paragraphs about this item. */
  text: string;
}

export interface LabelledAmount {
  label: string;
  amount: WanYuan;
  text: string;
}

export interface VehicleKindCount {
  /** e.g. "其他用车" */
  kind: string;
  count: number;
}

export interface VehicleExpenses extends ThreePublicItem {
  /** 公务用车购置 */
  purchase: LabelledAmount;
  /** 公务用车运行维护费 */
  operation: LabelledAmount & { usage: string };
  /** 公务用车保有量 */
  vehiclesHeld: {
    /** As printed, e.g. "2020年12月底". */
    asOf: string;
    count: number;
    kinds: VehicleKindCount[];
    text: string;
  };
}

export interface ReceptionExpenses extends ThreePublicItem {
  /** 国内公务接待 */
  domestic: LabelledAmount & {
    usage: string;
    /** 批次 */
    batches?: number;
    /** 人次 */
    personTimes?: number;
    /** Printed qualifier of the person-times, e.g. "不包括陪同人员". */
    personTimesNote?: string;
  };
  /** 外事接待 */
  foreign: LabelledAmount;
}

export interface FundBudgetSection extends PrintedSection {
  amount: WanYuan;
}

export interface OtherMattersSection {
  heading: string;
  /** 机关运行经费 */
  operatingExpenses: PrintedSection & {
    amount: WanYuan;
    comparison: PriorYearComparison;
  };
  /** 政府采购 */
  procurement: PrintedSection & {
    total: WanYuan;
    goods: WanYuan;
    works: WanYuan;
    services: WanYuan;
    /** 授予中小企业合同金额 */
    smeContractAmount: WanYuan;
    /** Share of the procurement total awarded to SMEs. */
    smeShare: PercentText;
    /** Printed purpose clause, if any. */
    purpose?: string;
  };
  /** 国有资产占有使用情况 */
  stateAssets: PrintedSection & {
    asOf: string;
    vehicles: { total: number; kinds: VehicleKindCount[]; usage?: string };
    /** 单价50万元以上通用设备 台（套） */
    generalEquipmentOver50Wan: number;
    /** 单价100万元以上专用设备 台（套） */
    specialEquipmentOver100Wan: number;
  };
  /** 预算绩效管理情况 */
  performanceManagement: PerformanceManagementSection;
}

export interface PerformanceManagementSection {
  heading: string;
  /** Narrative paragraphs before "1.项目绩效目标完成情况". */
  paragraphs: string[];
  /** Number of projects with performance goals, as printed ("对5个项目编制了绩效目标"). */
  evaluatedProjectCount: number;
  projectGoals: {
    heading: string;
    intro: string;
    /** 项目绩效目标完成情况综述, one per project. */
    summaries: ProjectGoalSummary[];
  };
  /** "2.部门绩效评价结果" */
  evaluationResult: { heading: string; text: string };
}

/** Paragraph split as `（${number}）${title}${body}`; figures repeat what the body prints. */
export interface ProjectGoalSummary {
  number: number;
  /** `Project.index` of the project summarised. */
  projectIndex: number;
  title: string;
  body: string;
  /** 全年预算数 */
  budget: WanYuan;
  /** 执行数 */
  executed: WanYuan;
  /** 完成预算 % */
  completionRate: PercentText;
}

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
