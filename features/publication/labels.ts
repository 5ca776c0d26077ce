/** Chinese names of the final-account enums, shared by the public page and the downloads. */
export const INCOME_SOURCE_LABELS: Record<string, string> = {
  GENERAL_BUDGET: "一般公共预算财政拨款收入",
  GOV_FUND: "政府性基金预算财政拨款收入",
  SOE_CAPITAL: "国有资本经营预算财政拨款收入",
  SUPERIOR_SUBSIDY: "上级补助收入",
  BUSINESS: "事业收入",
  OPERATING: "经营收入",
  SUBORDINATE: "附属单位上缴收入",
  OTHER: "其他收入",
};

export const THREE_PUBLIC_LABELS: Record<string, string> = {
  ABROAD: "因公出国（境）费",
  VEHICLE_PURCHASE: "公务用车购置费",
  VEHICLE_OPERATION: "公务用车运行维护费",
  RECEPTION_DOMESTIC: "国内公务接待费",
  RECEPTION_FOREIGN: "外事接待费",
};

/** How a published version is named in its links: 第2版（2021年11月1日公开）. */
export const versionLabel = (versionNo: number, publishedText: string) => `第${versionNo}版（${publishedText}公开）`;
