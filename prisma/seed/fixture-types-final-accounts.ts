/**
 * Fixture types (see fixture-types.ts for the conventions): 第二部分 部门决算情况说明 — the final accounts as printed.
 */
import type { PercentText, WanYuan } from "./fixture-types";

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
