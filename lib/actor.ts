/**
 * The signed-in person an action runs for, as re-read from the database on every
 * request. Every feature's handlers take one (or null for the anonymous), so this
 * type lives below all features.
 */
import type { Role } from "@/lib/generated/prisma/enums";
import { NO_ROWS } from "./access-policy";

export type Actor = { id: string; name: string; role: Role; departmentId: string | null };

/** Roles bound to one department: they see only that department's data. */
export const DEPARTMENT_BOUND_ROLES: readonly Role[] = ["OWNER", "DEPT_REVIEWER"];

export function isDepartmentBound(role: Role): boolean {
  return DEPARTMENT_BOUND_ROLES.includes(role);
}

/**
 * The `where` fragment that limits a read of department-owned rows (projects, reports,
 * department-years) to the actor's scope: an owner sees their own department; a department
 * reviewer (主管部门) also the sub-units (二级预算单位) below it, whose work passes its review;
 * unbound roles see everything (empty fragment).
 */
export function departmentScope(actor: Pick<Actor, "role" | "departmentId">): { departmentId?: string; department?: ReturnType<typeof departmentRowScope> } {
  if (!isDepartmentBound(actor.role)) return {};
  return actor.role === "DEPT_REVIEWER" ? { department: departmentRowScope(actor) } : { departmentId: actor.departmentId ?? NO_ROWS.id };
}

/** The same scope as departmentScope, for one row already read: its department and that department's parent. */
export function coversDepartment(actor: Pick<Actor, "role" | "departmentId">, target: { departmentId: string; parentId: string | null }): boolean {
  if (!isDepartmentBound(actor.role)) return true;
  if (!actor.departmentId) return false;
  if (target.departmentId === actor.departmentId) return true;
  return actor.role === "DEPT_REVIEWER" && target.parentId === actor.departmentId;
}

/** The same scope for reading Department rows themselves: the own department, and for a department reviewer its sub-units. */
export function departmentRowScope(actor: Pick<Actor, "role" | "departmentId">): { id?: string; OR?: [{ id: string }, { parentId: string }] } {
  if (!isDepartmentBound(actor.role)) return {};
  const own = actor.departmentId ?? NO_ROWS.id;
  return actor.role === "DEPT_REVIEWER" ? { OR: [{ id: own }, { parentId: own }] } : { id: own };
}

/** Whether the actor is the owner (项目填报人) of this department's work: the one who fills it in and submits it. */
export function ownsDepartment(actor: Pick<Actor, "role" | "departmentId"> | null | undefined, departmentId: string): boolean {
  return actor?.role === "OWNER" && actor.departmentId === departmentId;
}

/**
 * Whether a row of this department is another department's to an owner, who must not learn that it
 * exists (refused as "not found"). Other roles' limits are their permissions and read scopes.
 */
export function hiddenFromOwner(actor: Pick<Actor, "role" | "departmentId">, departmentId: string): boolean {
  return actor.role === "OWNER" && actor.departmentId !== departmentId;
}

/** Whether everything the actor reads is of one department (an owner's): lists then need no department column or filter. */
export function readsOneDepartment(actor: Pick<Actor, "role">): boolean {
  return actor.role === "OWNER";
}
