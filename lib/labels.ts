import { type FiscalYearStatus, ReportStatus, type UnitKind } from "@/lib/generated/prisma/enums";

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  DRAFT: "草稿",
  DEPT_REVIEW: "部门审核中",
  SUBMITTED: "已提交",
  RETURNED: "已退回",
  APPROVED: "已通过",
  PUBLISHED: "已公开",
};

/** Every report status, in the schema's (the workflow's) order, 草稿 … 已公开: the lists' status filters. */
export const REPORT_STATUSES: ReportStatus[] = Object.values(ReportStatus);

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  ADMINISTRATIVE: "行政单位",
  CIVIL_SERVANT_MANAGED: "参照公务员法管理的事业单位",
  PUBLIC_INSTITUTION: "其他事业单位",
};

export const FISCAL_YEAR_STATUS_LABELS: Record<FiscalYearStatus, string> = {
  OPEN: "填报中",
  CLOSED: "已关闭",
};

export function formatDateTime(d: Date | null | undefined) {
  if (!d) return "—";
  return d.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false });
}
