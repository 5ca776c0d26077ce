/**
 * What every field of the open-data JSON means, and its unit: embedded in each JSON
 * download as `fields`, and written out for people in OPEN-DATA.md (a test checks that
 * the two and the YearDocument agree).
 *
 * Conventions: amounts are decimal strings in 万元 with two decimals ("426.81"), or
 * null when not published; percentages are decimal strings with two decimals
 * ("84.59" = 84.59 %); `printed` is the figure as the published text prints it, beside
 * the computed `amount`.
 */
export type FieldDoc = { path: string; meaning: string; unit: string };

const W = "万元";
const P = "%";

/** Year-on-year fields shared by several totals. */
const change = (base: string, what: string): FieldDoc[] => [
  { path: `${base}.previous`, meaning: `上年${what}（上年公开数据，无上年数据时缺省）`, unit: W },
  { path: `${base}.change`, meaning: `${what}比上年增减额（本年 − 上年，负数为减少）`, unit: W },
  { path: `${base}.percent`, meaning: `${what}比上年增减率（增减额 ÷ 上年数）`, unit: P },
];

export const FIELD_DOCS: FieldDoc[] = [
  // identification
  { path: "ref.departmentCode", meaning: "部门代码（公开网址中的部门标识，如 gy-swbb）", unit: "" },
  { path: "ref.year", meaning: "决算年度", unit: "年" },
  { path: "reportId", meaning: "部门决算公开报告的唯一标识", unit: "" },
  { path: "title", meaning: "公开文件标题", unit: "" },
  { path: "publishedAt", meaning: "本版本公开时间（ISO 8601，UTC）", unit: "" },
  { path: "versionNo", meaning: "公开版本号（1 为首次公开，更正后递增）", unit: "" },
  { path: "correctionNote", meaning: "更正说明（首次公开为空）", unit: "" },
  // department
  { path: "department.name", meaning: "部门全称", unit: "" },
  { path: "department.shortName", meaning: "部门简称", unit: "" },
  { path: "department.region", meaning: "所属地区", unit: "" },
  { path: "department.subUnits[].name", meaning: "下属单位名称", unit: "" },
  { path: "department.subUnits[].unitKind", meaning: "下属单位类型：ADMINISTRATIVE 行政单位，CIVIL_SERVANT_MANAGED 参照公务员法管理的事业单位，PUBLIC_INSTITUTION 其他事业单位", unit: "" },
  { path: "department.subUnits[].isBudgetUnit", meaning: "是否为二级预算单位", unit: "" },
  // staffing
  { path: "staffing.authorized.total", meaning: "编制总数", unit: "名" },
  { path: "staffing.authorized.administrative", meaning: "行政编制", unit: "名" },
  { path: "staffing.authorized.institution", meaning: "事业编制", unit: "名" },
  { path: "staffing.authorized.logistics", meaning: "工勤编制", unit: "名" },
  { path: "staffing.actual.total", meaning: "在职人员总数", unit: "人" },
  { path: "staffing.actual.administrative", meaning: "在职行政人员", unit: "人" },
  { path: "staffing.actual.institution", meaning: "在职事业人员", unit: "人" },
  { path: "staffing.actual.logistics", meaning: "在职工勤人员", unit: "人" },
  { path: "staffing.retired", meaning: "退休人员", unit: "人" },
  // narrative
  { path: "sections[].key", meaning: "正文章节标识（层级以“.”分隔，如 finalAccounts.generalBudget.detail）", unit: "" },
  { path: "sections[].heading", meaning: "章节标题（按公开文本原样）", unit: "" },
  { path: "sections[].body", meaning: "章节正文（纯文本，换行分段，按公开文本原样）", unit: "" },
  // totals
  { path: "totals.incomeExpenditure.amount", meaning: "收、支总计（本年收入合计 + 年初结转和结余）", unit: W },
  { path: "totals.incomeExpenditure.printed", meaning: "公开文本印制的收、支总计", unit: W },
  ...change("totals.incomeExpenditure", "收、支总计"),
  { path: "totals.income.amount", meaning: "本年收入合计（各收入来源之和）", unit: W },
  { path: "totals.income.printed", meaning: "公开文本印制的本年收入合计", unit: W },
  { path: "totals.expenditure.amount", meaning: "本年支出合计（各功能分类项级支出之和）", unit: W },
  { path: "totals.expenditure.printed", meaning: "公开文本印制的本年支出合计", unit: W },
  { path: "totals.basic.amount", meaning: "基本支出（各项级支出的基本支出之和）", unit: W },
  { path: "totals.basic.share", meaning: "基本支出占本年支出合计的比重", unit: P },
  { path: "totals.basic.printed", meaning: "公开文本印制的基本支出", unit: W },
  { path: "totals.project.amount", meaning: "项目支出（各项级支出的项目支出之和）", unit: W },
  { path: "totals.project.share", meaning: "项目支出占本年支出合计的比重", unit: P },
  { path: "totals.project.printed", meaning: "公开文本印制的项目支出", unit: W },
  { path: "totals.fiscal.amount", meaning: "财政拨款收入合计（计算数）", unit: W },
  { path: "totals.fiscal.printed", meaning: "公开文本印制的财政拨款收、支总计", unit: W },
  ...change("totals.fiscal", "财政拨款收、支总计"),
  { path: "totals.generalBudget.amount", meaning: "一般公共预算财政拨款支出（各项级支出之和）", unit: W },
  { path: "totals.generalBudget.budget", meaning: "一般公共预算财政拨款支出预算数（各项级预算数之和）", unit: W },
  { path: "totals.generalBudget.completion", meaning: "一般公共预算财政拨款支出完成预算比例（决算数 ÷ 预算数）", unit: P },
  { path: "totals.generalBudget.printed", meaning: "公开文本印制的一般公共预算财政拨款支出", unit: W },
  ...change("totals.generalBudget", "一般公共预算财政拨款支出"),
  { path: "totals.openingBalance", meaning: "年初结转和结余", unit: W },
  { path: "totals.closingBalance", meaning: "年末结转和结余", unit: W },
  // income
  { path: "income[].source", meaning: "收入来源：GENERAL_BUDGET 一般公共预算财政拨款收入，GOV_FUND 政府性基金预算财政拨款收入，SOE_CAPITAL 国有资本经营预算财政拨款收入，SUPERIOR_SUBSIDY 上级补助收入，BUSINESS 事业收入，OPERATING 经营收入，SUBORDINATE 附属单位上缴收入，OTHER 其他收入", unit: "" },
  { path: "income[].amount", meaning: "该来源的本年收入", unit: W },
  { path: "income[].share", meaning: "占本年收入合计的比重", unit: P },
  // expenditure by function
  { path: "byClass[].code", meaning: "支出功能分类“类”级科目编码（3 位）", unit: "" },
  { path: "byClass[].name", meaning: "“类”级科目名称", unit: "" },
  { path: "byClass[].amount", meaning: "该类一般公共预算财政拨款支出", unit: W },
  { path: "byClass[].share", meaning: "占本年支出合计的比重", unit: P },
  { path: "expenditureLines[].code", meaning: "支出功能分类“项”级科目编码（7 位：类 3 位 + 款 2 位 + 项 2 位）", unit: "" },
  { path: "expenditureLines[].className", meaning: "“类”级科目名称", unit: "" },
  { path: "expenditureLines[].subclassName", meaning: "“款”级科目名称", unit: "" },
  { path: "expenditureLines[].itemName", meaning: "“项”级科目名称", unit: "" },
  { path: "expenditureLines[].budget", meaning: "预算数", unit: W },
  { path: "expenditureLines[].basic", meaning: "决算数中的基本支出", unit: W },
  { path: "expenditureLines[].project", meaning: "决算数中的项目支出", unit: W },
  { path: "expenditureLines[].amount", meaning: "决算数（基本支出 + 项目支出）", unit: W },
  { path: "expenditureLines[].completion", meaning: "完成预算比例（决算数 ÷ 预算数）", unit: P },
  { path: "expenditureLines[].reason", meaning: "决算数与预算数差异的原因（公开文本原样）", unit: "" },
  // basic expenditure
  { path: "basicItems.personnel.amount", meaning: "一般公共预算财政拨款基本支出中的人员经费", unit: W },
  { path: "basicItems.personnel.items[]", meaning: "人员经费主要包括的经济分类科目", unit: "" },
  { path: "basicItems.publicUse.amount", meaning: "一般公共预算财政拨款基本支出中的日常公用经费", unit: W },
  { path: "basicItems.publicUse.items[]", meaning: "日常公用经费主要包括的经济分类科目", unit: "" },
  // three public
  { path: "threePublic.total", meaning: "“三公”经费财政拨款支出合计（各分项之和）", unit: W },
  { path: "threePublic.budget", meaning: "“三公”经费预算数（未公开时为 null）", unit: W },
  { path: "threePublic.lines[].kind", meaning: "分项：ABROAD 因公出国（境）费，VEHICLE_PURCHASE 公务用车购置费，VEHICLE_OPERATION 公务用车运行维护费，RECEPTION_DOMESTIC 国内公务接待费，RECEPTION_FOREIGN 外事接待费", unit: "" },
  { path: "threePublic.lines[].amount", meaning: "分项决算数", unit: W },
  { path: "threePublic.lines[].budget", meaning: "分项预算数（未公开时为 null）", unit: W },
  { path: "threePublic.lines[].share", meaning: "占“三公”经费合计的比重", unit: P },
  { path: "threePublic.lines[].batches", meaning: "公务接待批次", unit: "批次" },
  { path: "threePublic.lines[].persons", meaning: "公务接待人次（不含陪同人员）", unit: "人次" },
  { path: "threePublic.lines[].description", meaning: "分项说明（公开文本原样）", unit: "" },
  { path: "threePublic.vehicles.amount", meaning: "公务用车购置及运行维护费（购置 + 运行维护）", unit: W },
  { path: "threePublic.vehicles.share", meaning: "占“三公”经费合计的比重", unit: P },
  ...change("threePublic.vehicles", "公务用车购置及运行维护费"),
  { path: "threePublic.reception.amount", meaning: "公务接待费（国内 + 外事）", unit: W },
  { path: "threePublic.reception.share", meaning: "占“三公”经费合计的比重", unit: P },
  ...change("threePublic.reception", "公务接待费"),
  // figures
  { path: "figures.<key>.amount", meaning: "公开文本印制的金额（见下表各 key）；无金额时为 null", unit: W },
  { path: "figures.<key>.quantity", meaning: "公开文本印制的数量（辆、台（套）、个）；无数量时为 null", unit: "按 key" },
  { path: "figures.<key>.text", meaning: "附注（如推算方法、车辆构成）", unit: "" },
  { path: "operatingExpenses.amount", meaning: "机关运行经费", unit: W },
  ...change("operatingExpenses", "机关运行经费"),
  // projects
  { path: "projects[].table", meaning: "项目绩效目标完成情况表的表号（1–5）", unit: "" },
  { path: "projects[].name", meaning: "项目名称", unit: "" },
  { path: "projects[].budgetUnit", meaning: "预算单位", unit: "" },
  { path: "projects[].budget", meaning: "预算数（全部资金，十进制字符串，不补零）", unit: W },
  { path: "projects[].executed", meaning: "执行数（全部资金）", unit: W },
  { path: "projects[].fiscalBudget", meaning: "预算数中的财政拨款", unit: W },
  { path: "projects[].fiscalExecuted", meaning: "执行数中的财政拨款", unit: W },
  { path: "projects[].otherBudget", meaning: "预算数中的其它资金", unit: W },
  { path: "projects[].otherExecuted", meaning: "执行数中的其它资金", unit: W },
  { path: "projects[].goalExpected", meaning: "年度目标：预期目标", unit: "" },
  { path: "projects[].goalActual", meaning: "年度目标：实际完成目标", unit: "" },
  { path: "projects[].indicators[].level1", meaning: "一级指标", unit: "" },
  { path: "projects[].indicators[].level2", meaning: "二级指标", unit: "" },
  { path: "projects[].indicators[].name", meaning: "三级指标", unit: "" },
  { path: "projects[].indicators[].expected", meaning: "预期指标值（数字及文字描述，数值带计量单位）", unit: "" },
  { path: "projects[].indicators[].actual", meaning: "实际完成指标值（数字及文字描述，数值带计量单位）", unit: "" },
  { path: "projects[].selfEvaluationReportId", meaning: "已公开的项目支出绩效自评报告标识（未公开为 null）", unit: "" },
  // glossary and attachments
  { path: "glossary[].term", meaning: "名词", unit: "" },
  { path: "glossary[].definition", meaning: "名词解释", unit: "" },
  { path: "attachments.overall.id", meaning: "附件1 部门整体支出绩效评价报告的标识", unit: "" },
  { path: "attachments.overall.title", meaning: "附件1 标题", unit: "" },
  { path: "attachments.overall.sections[].key", meaning: "附件1 章节标识", unit: "" },
  { path: "attachments.overall.sections[].heading", meaning: "附件1 章节标题", unit: "" },
  { path: "attachments.overall.sections[].body", meaning: "附件1 章节正文", unit: "" },
  { path: "attachments.selfEvaluations[].id", meaning: "附件2 项目支出绩效自评报告的标识", unit: "" },
  { path: "attachments.selfEvaluations[].title", meaning: "附件2 报告标题", unit: "" },
  { path: "attachments.selfEvaluations[].sections[].key", meaning: "附件2 章节标识", unit: "" },
  { path: "attachments.selfEvaluations[].sections[].heading", meaning: "附件2 章节标题", unit: "" },
  { path: "attachments.selfEvaluations[].sections[].body", meaning: "附件2 章节正文", unit: "" },
];

/** The keys of `figures` (printed figures of the document). */
export const FIGURE_DOCS: FieldDoc[] = [
  { path: "total.incomeExpenditure", meaning: "收、支总计", unit: W },
  { path: "total.income", meaning: "本年收入合计", unit: W },
  { path: "total.expenditure", meaning: "本年支出合计", unit: W },
  { path: "balance.opening", meaning: "年初结转和结余（可能为推算数，见 text）", unit: W },
  { path: "balance.closing", meaning: "年末结转和结余（可能为推算数，见 text）", unit: W },
  { path: "expenditure.basic", meaning: "基本支出", unit: W },
  { path: "expenditure.project", meaning: "项目支出", unit: W },
  { path: "fiscal.total", meaning: "财政拨款收、支总计", unit: W },
  { path: "generalBudget.expenditure", meaning: "一般公共预算财政拨款支出", unit: W },
  { path: "basic.total", meaning: "一般公共预算财政拨款基本支出", unit: W },
  { path: "basic.personnel", meaning: "人员经费", unit: W },
  { path: "basic.publicUse", meaning: "日常公用经费", unit: W },
  { path: "threePublic.total", meaning: "“三公”经费财政拨款支出", unit: W },
  { path: "threePublic.budget", meaning: "“三公”经费预算数", unit: W },
  { path: "govFund.expenditure", meaning: "政府性基金预算财政拨款支出", unit: W },
  { path: "soeCapital.expenditure", meaning: "国有资本经营预算财政拨款支出", unit: W },
  { path: "operatingExpenses", meaning: "机关运行经费", unit: W },
  { path: "procurement.total", meaning: "政府采购支出总额", unit: W },
  { path: "procurement.goods", meaning: "政府采购货物支出", unit: W },
  { path: "procurement.works", meaning: "政府采购工程支出", unit: W },
  { path: "procurement.services", meaning: "政府采购服务支出", unit: W },
  { path: "procurement.sme", meaning: "授予中小企业合同金额", unit: W },
  { path: "assets.vehicles", meaning: "年末车辆数（quantity，辆；text 为构成）", unit: "辆" },
  { path: "assets.generalEquipmentOver50Wan", meaning: "单价 50 万元以上通用设备（quantity）", unit: "台（套）" },
  { path: "assets.specialEquipmentOver100Wan", meaning: "单价 100 万元以上专用设备（quantity）", unit: "台（套）" },
  { path: "performance.projectsWithGoals", meaning: "编制绩效目标的项目个数（quantity）", unit: "个" },
];
