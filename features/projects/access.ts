/**
 * Who may read and change which project — the project's access policy (lib/access-policy.ts). The
 * permission table says what a role may do; this adds the scope (an owner: their own department; a
 * department reviewer: also its sub-units) and the state rule (a project is editable only while its
 * self-evaluation is a draft or returned, or not started).
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ReportStatus } from "@/lib/generated/prisma/enums";
import { NO_ROWS, isEditableStatus, type AccessPolicy, type Denial } from "@/lib/access-policy";
import { departmentScope, hiddenFromOwner, type Actor } from "@/lib/actor";
import { hasPermission } from "@/lib/permissions";

/** "create": a new project (or a copy of last year's) in the target's department; "edit": its data, indicators and framework. */
export type ProjectAction = "create" | "edit";
export type ProjectTarget = { departmentId: string; reportStatus?: ReportStatus | null };

export const projectPolicy = {
  readWhere(actor): Prisma.ProjectWhereInput {
    if (!hasPermission(actor.role, "project.read")) return NO_ROWS;
    return departmentScope(actor);
  },
  denial(actor, action, target): Denial | null {
    if (hiddenFromOwner(actor, target.departmentId)) return "not_found";
    if (!hasPermission(actor.role, "project.write") || actor.departmentId !== target.departmentId) return "forbidden";
    if (action === "edit" && !isEditableStatus(target.reportStatus)) return "locked";
    return null;
  },
} satisfies AccessPolicy<ProjectAction, ProjectTarget, Prisma.ProjectWhereInput>;

/** The department in which the actor may create projects (or copy last year's into): its own, when the policy lets it; else null. */
export function projectCreateDepartment(actor: Pick<Actor, "role" | "departmentId">): string | null {
  return actor.departmentId && !projectPolicy.denial(actor, "create", { departmentId: actor.departmentId }) ? actor.departmentId : null;
}
