/**
 * Who may start which report. The permission table says which roles submit reports ("report.submit");
 * a report is started for the actor's own department only (the self-evaluation of one of its projects,
 * its overall report). Reading is scoped by lib/actor departmentScope; transitions by workflow.ts.
 */
import type { Actor } from "@/lib/actor";
import { hasPermission } from "@/lib/permissions";

/** The department whose reports the actor may start: its own, when it holds "report.submit"; else null. */
export function reportCreateDepartment(actor: Pick<Actor, "role" | "departmentId">): string | null {
  return hasPermission(actor.role, "report.submit") && actor.departmentId ? actor.departmentId : null;
}
