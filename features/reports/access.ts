/**
 * Who may read, write and move which report — the report's access policy (lib/access-policy.ts).
 * Reading: the roles that read projects, scoped to their department (owners; department reviewers
 * also their sub-units) or all (finance reviewers, admins). Writing (its text, resolving comments)
 * and submitting: the department's owner, while the state allows it. The other transitions: the
 * permission the workflow names (workflow.ts TRANSITIONS) and the status it starts from. Comments:
 * the finance reviewer while the report is open, a department reviewer at its own stage.
 * A report is started for the actor's own department only, by the roles that submit.
 */
import { NO_ROWS, isEditableStatus, type AccessPolicy, type Denial } from "@/lib/access-policy";
import { coversDepartment, departmentScope, ownsDepartment, type Actor } from "@/lib/actor";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ReportStatus } from "@/lib/generated/prisma/enums";
import { hasPermission } from "@/lib/permissions";
import { canTransition, mayComment, TRANSITIONS, type TransitionAction } from "./workflow";

/** "read": see it; "edit": change its text; "comment": add a review comment; "resolve": mark a comment resolved; or a workflow transition. */
export type ReportAction = "read" | "edit" | "comment" | "resolve" | TransitionAction;
export type ReportTarget = { departmentId: string; parentId: string | null; status: ReportStatus };

export const reportPolicy = {
  readWhere(actor): Prisma.ReportWhereInput {
    if (!hasPermission(actor.role, "project.read")) return NO_ROWS;
    return departmentScope(actor);
  },
  denial(actor, action, target): Denial | null {
    if (!hasPermission(actor.role, "project.read") || !coversDepartment(actor, target)) return "not_found";
    switch (action) {
      case "read":
        return null;
      case "edit":
      case "resolve":
        if (!hasPermission(actor.role, "project.write") || !ownsDepartment(actor, target.departmentId)) return "forbidden";
        return action === "edit" && !isEditableStatus(target.status) ? "locked" : null;
      case "comment":
        if (!hasPermission(actor.role, "report.comment")) return "forbidden";
        return mayComment(actor.role, target.status) ? null : "locked";
      default:
        if (!hasPermission(actor.role, TRANSITIONS[action].permission)) return "forbidden";
        if (action === "submit" && !ownsDepartment(actor, target.departmentId)) return "forbidden";
        return canTransition(action, target.status) ? null : "locked";
    }
  },
} satisfies AccessPolicy<ReportAction, ReportTarget, Prisma.ReportWhereInput>;

/** The department whose reports the actor may start: its own, when it holds "report.submit"; else null. */
export function reportCreateDepartment(actor: Pick<Actor, "role" | "departmentId">): string | null {
  return hasPermission(actor.role, "report.submit") && actor.departmentId ? actor.departmentId : null;
}
