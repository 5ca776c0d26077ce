/**
 * Who may enter and correct which final accounts: the permission table says which
 * roles (owners and admins); owners only for their own department; and only while
 * the year document is not under review or published (草稿 / 已退回, or not started).
 */
import { hiddenFromOwner, isDepartmentBound, type Actor } from "@/lib/actor";
import type { ReportStatus } from "@/lib/generated/prisma/enums";
import { hasPermission } from "@/lib/permissions";
import { isEditableStatus } from "@/features/projects/access";

export type FinalAccountsDenial = "forbidden" | "locked";

export function finalAccountsEditDenial(actor: Actor, target: { departmentId: string; reportStatus: ReportStatus | null }): FinalAccountsDenial | null {
  if (!hasPermission(actor.role, "finalAccounts.write")) return "forbidden";
  if (hiddenFromOwner(actor, target.departmentId)) return "forbidden";
  if (!isEditableStatus(target.reportStatus)) return "locked";
  return null;
}

/** Whether the actor may read a department's final accounts (owners: their own). */
export function canReadFinalAccounts(actor: Actor, departmentId: string) {
  if (!hasPermission(actor.role, "project.read")) return false;
  return !isDepartmentBound(actor.role) || actor.departmentId === departmentId;
}
