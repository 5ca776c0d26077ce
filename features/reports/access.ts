/**
 * Who may read and start which report. Reading: the roles that read projects, scoped to their
 * department (owners, department reviewers) or all (finance reviewers, admins). A report is started
 * for the actor's own department only (the self-evaluation of one of its projects, its overall
 * report), by the roles that submit ("report.submit"). Transitions: workflow.ts.
 */
import { departmentScope, type Actor } from "@/lib/actor";
import type { Prisma } from "@/lib/generated/prisma/client";
import { hasPermission } from "@/lib/permissions";

/** The `where` that limits report reads to what the actor may see. */
export function reportReadScope(actor: Actor): Prisma.ReportWhereInput {
  if (!hasPermission(actor.role, "project.read")) return { id: "__none__" };
  return departmentScope(actor);
}

/** The department whose reports the actor may start: its own, when it holds "report.submit"; else null. */
export function reportCreateDepartment(actor: Pick<Actor, "role" | "departmentId">): string | null {
  return hasPermission(actor.role, "report.submit") && actor.departmentId ? actor.departmentId : null;
}
