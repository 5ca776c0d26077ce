/**
 * Who may read and change which project. The permission table says what a role may
 * do; this adds the scope (an owner: their own department) and the state rule (a
 * project is editable only while its self-evaluation is a draft or returned).
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ReportStatus } from "@/lib/generated/prisma/enums";
import { departmentScope, type Actor } from "@/lib/actor";
import { hasPermission } from "@/lib/permissions";

export const EDITABLE_REPORT_STATUSES: readonly ReportStatus[] = ["DRAFT", "RETURNED"];

/** The `where` that limits project reads to what the actor may see. */
export function projectReadScope(actor: Actor): Prisma.ProjectWhereInput {
  if (!hasPermission(actor.role, "project.read")) return { id: "__none__" };
  return departmentScope(actor);
}

export function isEditableStatus(status: ReportStatus | null | undefined) {
  return !status || EDITABLE_REPORT_STATUSES.includes(status);
}

export type EditDenial = "forbidden" | "locked";

/** Why the actor may not change this project, or null when they may. */
export function editDenial(actor: Actor, project: { departmentId: string; reportStatus: ReportStatus | null }): EditDenial | null {
  if (!hasPermission(actor.role, "project.write") || actor.departmentId !== project.departmentId) return "forbidden";
  if (!isEditableStatus(project.reportStatus)) return "locked";
  return null;
}

/** The department in which the actor may create projects (or copy last year's into): its own, when it holds "project.write"; else null. */
export function projectCreateDepartment(actor: Pick<Actor, "role" | "departmentId">): string | null {
  return hasPermission(actor.role, "project.write") && actor.departmentId ? actor.departmentId : null;
}
