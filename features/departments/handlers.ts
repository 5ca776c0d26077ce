/** Department server actions, given the actor: permission, shared zod schema, mutation. */
import { checkPermission } from "@/features/auth/guard";
import type { Actor } from "@/lib/actor";
import { type ActionResult, invalid } from "@/lib/action-result";
import type { PrismaClient } from "@/lib/db-client";
import { createDepartment, DEPARTMENT_MESSAGES, setDepartmentRetired, updateDepartment } from "./mutations";
import { createDepartmentSchema, updateDepartmentSchema } from "./schema";

const BAD_ID: ActionResult<never> = { ok: false, reason: "not_found", message: DEPARTMENT_MESSAGES.notFound };
const isId = (id: unknown): id is string => typeof id === "string" && id.length > 0 && id.length <= 64;

export async function createDepartmentHandler(prisma: PrismaClient, actor: Actor | null, input: unknown): Promise<ActionResult<{ id: string }>> {
  const auth = checkPermission(actor, "department.manage");
  if ("refusal" in auth) return auth.refusal;
  const parsed = createDepartmentSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return createDepartment(prisma, auth.actor, parsed.data);
}

export async function updateDepartmentHandler(prisma: PrismaClient, actor: Actor | null, id: unknown, input: unknown): Promise<ActionResult<{ changed: boolean }>> {
  const auth = checkPermission(actor, "department.manage");
  if ("refusal" in auth) return auth.refusal;
  if (!isId(id)) return BAD_ID;
  const parsed = updateDepartmentSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return updateDepartment(prisma, auth.actor, id, parsed.data);
}

export async function setDepartmentRetiredHandler(prisma: PrismaClient, actor: Actor | null, id: unknown, retired: unknown): Promise<ActionResult<{ changed: boolean }>> {
  const auth = checkPermission(actor, "department.manage");
  if ("refusal" in auth) return auth.refusal;
  if (!isId(id) || typeof retired !== "boolean") return BAD_ID;
  return setDepartmentRetired(prisma, auth.actor, id, retired);
}
