/**
 * The report workflow as data: which status each action moves a report from and
 * to, and the permission it needs. 草稿 → 已提交 → 已退回 (back to the owner, with
 * the reviewer's comment) or 已通过 → 已公开; an admin may reopen a published report
 * for correction (a new version; the published one stays readable).
 *
 * Review stages: in a year with `departmentReview`, a submitted self-evaluation or overall
 * report first goes to 部门审核中, where the department's reviewer returns it (已退回) or
 * passes it on (已提交, to the finance reviewer). `submitTarget` picks the stage.
 */
import type { ReportStatus, Role } from "@/lib/generated/prisma/enums";
import { hasPermission } from "@/lib/permissions";
import type { AuditAction } from "@/lib/audit-actions";
import type { ReportKind } from "@/lib/generated/prisma/enums";
import type { Permission } from "@/lib/permissions";

export const TRANSITIONS = {
  submit: { from: ["DRAFT", "RETURNED"], to: "SUBMITTED", permission: "report.submit", label: "提交审核", commentRequired: false, audit: "report.submit" },
  deptReturn: { from: ["DEPT_REVIEW"], to: "RETURNED", permission: "report.deptReview", label: "退回修改", commentRequired: true, audit: "report.dept_return" },
  deptApprove: { from: ["DEPT_REVIEW"], to: "SUBMITTED", permission: "report.deptReview", label: "部门审核通过", commentRequired: false, audit: "report.dept_approve" },
  return: { from: ["SUBMITTED"], to: "RETURNED", permission: "report.review", label: "退回修改", commentRequired: true, audit: "report.return" },
  approve: { from: ["SUBMITTED"], to: "APPROVED", permission: "report.review", label: "审核通过", commentRequired: false, audit: "report.approve" },
  publish: { from: ["APPROVED"], to: "PUBLISHED", permission: "report.publish", label: "公开", commentRequired: false, audit: "report.publish" },
  reopen: { from: ["PUBLISHED"], to: "DRAFT", permission: "report.reopen", label: "重新打开以更正", commentRequired: true, audit: "report.reopen" },
} as const satisfies Record<
  string,
  { from: readonly ReportStatus[]; to: ReportStatus; permission: Permission; label: string; commentRequired: boolean; audit: AuditAction }
>;

export type TransitionAction = keyof typeof TRANSITIONS;
export const TRANSITION_ACTIONS = Object.keys(TRANSITIONS) as TransitionAction[];

/** Where a submit goes: 部门审核中 when the year has department review (not for the year document). */
export function submitTarget(kind: ReportKind, departmentReview: boolean): ReportStatus {
  return departmentReview && kind !== "FINAL_ACCOUNTS" ? "DEPT_REVIEW" : "SUBMITTED";
}

export function canTransition(action: TransitionAction, from: ReportStatus): boolean {
  return (TRANSITIONS[action].from as readonly ReportStatus[]).includes(from);
}

export const ACTION_LABELS: Record<TransitionAction, string> = Object.fromEntries(
  TRANSITION_ACTIONS.map((a) => [a, TRANSITIONS[a].label]),
) as Record<TransitionAction, string>;

/**
 * Reviewer comments belong to the review: a report still being written or under review
 * takes them; an approved or published one is closed (a correction goes through 重新打开).
 */
export const COMMENTABLE_STATUSES: readonly ReportStatus[] = ["DRAFT", "DEPT_REVIEW", "SUBMITTED", "RETURNED"];
export const canComment = (status: ReportStatus) => COMMENTABLE_STATUSES.includes(status);

/**
 * Whether a role may comment on a report in this status: the finance reviewer while the
 * report is open (above); a department reviewer (部门审核人) at its own stage, 部门审核中.
 */
export function mayComment(role: Role | null | undefined, status: ReportStatus): boolean {
  if (!hasPermission(role, "report.comment")) return false;
  return role === "DEPT_REVIEWER" ? status === "DEPT_REVIEW" : canComment(status);
}
