/**
 * Display labels of the report screens (audit action labels: lib/audit-actions.ts).
 */
import type { ReportKind, ReportStatus } from "@/lib/generated/prisma/enums";
import { REPORT_STATUS_LABELS } from "@/lib/labels";
import type { SectionDef } from "@/lib/report-sections";

export const REPORT_KIND_LABELS: Record<ReportKind, string> = {
  PROJECT_SELF_EVALUATION: "项目支出绩效自评报告",
  DEPARTMENT_OVERALL: "部门整体支出绩效评价报告",
  FINAL_ACCOUNTS: "部门决算公开",
};

export const STATUS_BADGE_CLASSES: Record<ReportStatus, string> = {
  DRAFT: "bg-slate-100 text-slate-700 ring-slate-300",
  DEPT_REVIEW: "bg-violet-50 text-violet-800 ring-violet-200",
  SUBMITTED: "bg-blue-50 text-blue-800 ring-blue-200",
  RETURNED: "bg-amber-50 text-amber-900 ring-amber-300",
  APPROVED: "bg-green-50 text-green-800 ring-green-200",
  PUBLISHED: "bg-brand-50 text-brand-700 ring-brand-700/30",
};

/** A stored status string of an audit row in Chinese ("—" when absent). */
export function statusText(s: string | null | undefined): string {
  if (!s) return "—";
  return REPORT_STATUS_LABELS[s as ReportStatus] ?? s;
}

/**
 * Heading level of a stored section, from its numbering as printed: “一、” → 1,
 * “（一）” → 2, “1、” / “1．” → 3; otherwise from the key's depth. Works for every
 * report kind and for old snapshots that do not say which template they used.
 */
export function sectionLevel(heading: string, key: string): 1 | 2 | 3 {
  const h = heading.trim();
  if (/^[一二三四五六七八九十]+、/.test(h)) return 1;
  if (/^[（(][一二三四五六七八九十]+[）)]/.test(h)) return 2;
  if (/^\d+\s*[、．.]/.test(h)) return 3;
  const depth = key.split(".").length;
  return depth <= 1 ? 1 : depth === 2 ? 2 : 3;
}

/** A heading that only groups sub-sections: the template says so, or (unknown key) it has no text. */
export function isGroupSection(template: SectionDef[], key: string, body: string): boolean {
  const def = template.find((d) => d.key === key);
  return def ? !!def.group : body.trim() === "";
}
