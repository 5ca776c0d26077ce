/**
 * The one permission table: each permission and the roles that hold it.
 * Server code declares the permission it needs (features/auth/session.ts requirePermission for
 * pages, features/auth/guard.ts checkPermission for actions and routes);
 * scope (an owner sees only their own department) is applied in the data layer's
 * `where` clauses on top of this.
 */
import type { Role } from "@/lib/generated/prisma/enums";

export const PERMISSIONS = {
  /** Open the signed-in workspace. */
  "workspace.access": ["ADMIN", "REVIEWER", "OWNER", "DEPT_REVIEWER"],
  /** Read projects and reports (owners and department reviewers: their own department only). */
  "project.read": ["ADMIN", "REVIEWER", "OWNER", "DEPT_REVIEWER"],
  /** Create and edit projects, indicators and report drafts of one's own department. */
  "project.write": ["OWNER"],
  /** Submit a self-evaluation or overall report. */
  "report.submit": ["OWNER"],
  /** Return or approve a submitted report. */
  "report.review": ["REVIEWER"],
  /** Return or pass on a report in 部门审核中 (own department only; years with department review). */
  "report.deptReview": ["DEPT_REVIEWER"],
  /** Comment on a section or an indicator row of a report under review (department reviewers: at their stage only, see reports/workflow mayComment). */
  "report.comment": ["REVIEWER", "DEPT_REVIEWER"],
  /** Publish an approved report. */
  "report.publish": ["REVIEWER", "ADMIN"],
  /** Reopen a published report for correction (creates a new version). */
  "report.reopen": ["ADMIN"],
  /** Enter and correct final accounts. */
  "finalAccounts.write": ["OWNER", "ADMIN"],
  /** Administration: departments, fiscal years, accounts, frameworks, code tables. */
  "admin.access": ["ADMIN"],
  "user.manage": ["ADMIN"],
  "department.manage": ["ADMIN"],
  "year.manage": ["ADMIN"],
  "framework.manage": ["ADMIN"],
  /** Add, rename and delete 支出功能分类科目 codes. */
  "functionClass.manage": ["ADMIN"],
  /** Read the audit log of all departments. */
  "audit.read": ["ADMIN", "REVIEWER"],
  /** The year overview (/oversight) and its exports: every department for the finance bureau; a department reviewer's own department and its sub-units. */
  "oversight.read": ["REVIEWER", "ADMIN", "DEPT_REVIEWER"],
  /** Read the sampling reviews (抽查复核) of every department, and their export. */
  "sample.read": ["REVIEWER", "ADMIN"],
  /** Draw a sample of self-evaluations, re-score it and return the result to the department (the finance bureau). */
  "sample.manage": ["REVIEWER"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function hasPermission(role: Role | null | undefined, permission: Permission): boolean {
  if (!role) return false;
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: "系统管理员",
  REVIEWER: "财政审核人",
  OWNER: "项目填报人",
  DEPT_REVIEWER: "部门审核人",
};
