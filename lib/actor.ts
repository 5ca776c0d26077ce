/**
 * The signed-in person an action runs for, as re-read from the database on every
 * request. Every feature's handlers take one (or null for the anonymous), so this
 * type lives below all features.
 */
import type { Role } from "@/lib/generated/prisma/enums";

export type Actor = { id: string; name: string; role: Role; departmentId: string | null };

/** Roles bound to one department: they see only that department's data. */
export const DEPARTMENT_BOUND_ROLES: readonly Role[] = ["OWNER", "DEPT_REVIEWER"];

export function isDepartmentBound(role: Role): boolean {
  return DEPARTMENT_BOUND_ROLES.includes(role);
}

/** The `where` fragment that limits a read to the actor's department (empty for unbound roles). */
export function departmentScope(actor: Pick<Actor, "role" | "departmentId">): { departmentId?: string } {
  return isDepartmentBound(actor.role) ? { departmentId: actor.departmentId ?? "__none__" } : {};
}
