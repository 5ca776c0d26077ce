/**
 * Test fixture: the seed department's 2020 final accounts as the editor reads them
 * from the demo database (toFormValues of prisma/seed/load-department-year.ts's rows),
 * written out by hand so the unit tests need no database. narrative-draft.int.test.ts
 * checks that the demo database gives exactly these values.
 *
 * Derived by the seed loader (not printed): 年初结转和结余 426.81 − 426.32 = 0.49, 年末
 * 426.81 − 421.85 = 4.96; each line's budget = 决算数 ÷ printed 完成预算 % (284.31 ÷ 98.67%
 * = 288.14, 72.51 ÷ 99.1% = 73.17, the others 100%); 公务接待 budget 0.26 ÷ 26% = 1;
 * the 2019 figures = 2020 ± the printed change.
 */
import type { ItemCode } from "@/features/function-classes/item-codes";
import type { FinalAccountsInput } from "./schema";

const line3 = { budget: "", batches: "", persons: "", reason: "" };

export const SEED_2020_VALUES: FinalAccountsInput = {
  staffing: {
    authorizedTotal: "27",
    authorizedAdministrative: "15",
    authorizedInstitution: "10",
    authorizedLogistics: "2",
    actualTotal: "24",
    actualAdministrative: "14",
    actualInstitution: "8",
    actualLogistics: "2",
    retired: "1",
  },
  balances: { opening: "0.49", closing: "4.96" },
  income: { GENERAL_BUDGET: "426.32", GOV_FUND: "", SOE_CAPITAL: "", SUPERIOR_SUBSIDY: "", BUSINESS: "", OPERATING: "", SUBORDINATE: "", OTHER: "" },
  lines: [
    { functionCode: "2011001", budget: "288.14", basic: "284.31", project: "0", reason: "决算数小于预算数的主要原因是各项保险未清算支付。" },
    { functionCode: "2011002", budget: "73.17", basic: "0", project: "72.51", reason: "预算与决算基本持平。" },
    { functionCode: "2080505", budget: "25.97", basic: "25.97", project: "0", reason: "" },
    { functionCode: "2101101", budget: "12.97", basic: "12.97", project: "0", reason: "" },
    { functionCode: "2210201", budget: "26.07", basic: "26.07", project: "0", reason: "" },
  ],
  basic: {
    personnel: "319.19",
    publicUse: "30.14",
    personnelItems:
      "基本工资、津贴补贴、奖金、伙食补助费、绩效工资、机关事业单位基本养老保险缴费、职工基本医疗保险缴费、其他社会保障缴费、住房公积金、其他工资福利支出、奖励金、其他对个人和家庭的补助支出",
    publicUseItems: "办公费、水费、电费、邮电费、差旅费、维修（护）费、培训费、公务接待费、工会经费、福利费、公务用车运行维护费、其他交通费用、其他商品和服务支出、办公设备购置",
  },
  threePublic: {
    ABROAD: { ...line3, amount: "0", description: "1.因公出国（境）经费支出0万元。" },
    VEHICLE_PURCHASE: { ...line3, amount: "0", description: "其中：公务用车购置支出0万元。" },
    VEHICLE_OPERATION: {
      ...line3,
      amount: "2.92",
      description: "主要用于机构编制工作调研、改革、帮扶贫困村等工作所需的公务用车燃料费、维修费、过路过桥费、保险费等支出。",
      reason: "厉行节约，压减三公经费支出。",
    },
    RECEPTION_DOMESTIC: {
      budget: "1",
      amount: "0.26",
      batches: "3",
      persons: "24",
      description: "主要用于接待省委编办检查督导编制工作、友邻市州来广联系工作学习调研等业务活动开支的交通费、住宿费、用餐费",
      reason: "厉行节约，压减三公经费支出。",
    },
    RECEPTION_FOREIGN: { ...line3, amount: "0", description: "外事接待支出0万元。" },
  },
  threePublicBudget: "",
  other: {
    govFund: "0",
    soeCapital: "0",
    operatingExpenses: "30.14",
    procurementGoods: "0.45",
    procurementWorks: "0",
    procurementServices: "0",
    procurementSme: "0.45",
    vehicles: "1",
    vehiclesText: "其他用车1辆",
    generalEquipmentOver50Wan: "0",
    specialEquipmentOver100Wan: "0",
    projectsWithGoals: "5",
  },
  prior: {
    incomeExpenditure: "470.26",
    fiscal: "459.48",
    generalBudget: "451.93",
    operatingExpenses: "39.29",
    vehicles: "3.9",
    reception: "0.43",
  },
  glossary: [],
  explanations: {},
};

/** The 项 codes of the seed's lines, as listItemCodes reads them from the demo code table. */
export const SEED_2020_CODES: ItemCode[] = [
  { code: "2011001", name: "行政运行", classCode: "201", className: "一般公共服务支出", subclassName: "人力资源事务" },
  { code: "2011002", name: "一般行政管理事务", classCode: "201", className: "一般公共服务支出", subclassName: "人力资源事务" },
  { code: "2080505", name: "机关事业单位基本养老保险缴费支出", classCode: "208", className: "社会保障和就业支出", subclassName: "行政事业单位养老支出" },
  { code: "2101101", name: "行政单位医疗", classCode: "210", className: "卫生健康支出", subclassName: "行政事业单位医疗" },
  { code: "2210201", name: "住房公积金", classCode: "221", className: "住房保障支出", subclassName: "住房改革支出" },
];
