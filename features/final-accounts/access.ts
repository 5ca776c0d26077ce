/**
 * Who may read, start and correct which final accounts (部门决算) — their access policy
 * (lib/access-policy.ts). Reading: the roles that read projects; department-bound roles their own
 * department only (final accounts are kept for top-level departments). Starting and correcting:
 * the roles the permission table names (owners and admins), owners only for their own department,
 * and only while the year document is not under review or published (草稿 / 已退回, or not started).
 */
import { NO_ROWS, isEditableStatus, type AccessPolicy, type Denial } from "@/lib/access-policy";
import { isDepartmentBound } from "@/lib/actor";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ReportStatus } from "@/lib/generated/prisma/enums";
import { hasPermission } from "@/lib/permissions";

/** "read": see the department-year's accounts; "edit": start or correct them. */
export type FinalAccountsAction = "read" | "edit";
export type FinalAccountsTarget = { departmentId: string; reportStatus: ReportStatus | null };

export const finalAccountsPolicy = {
  /** The departments (top-level) whose final accounts the actor may read. */
  readWhere(actor): Prisma.DepartmentWhereInput {
    if (!hasPermission(actor.role, "project.read")) return NO_ROWS;
    return isDepartmentBound(actor.role) ? { id: actor.departmentId ?? NO_ROWS.id } : {};
  },
  denial(actor, action, target): Denial | null {
    if (!hasPermission(actor.role, "project.read")) return "not_found";
    if (isDepartmentBound(actor.role) && actor.departmentId !== target.departmentId) return "not_found";
    if (action === "read") return null;
    if (!hasPermission(actor.role, "finalAccounts.write")) return "forbidden";
    return isEditableStatus(target.reportStatus) ? null : "locked";
  },
} satisfies AccessPolicy<FinalAccountsAction, FinalAccountsTarget, Prisma.DepartmentWhereInput>;
