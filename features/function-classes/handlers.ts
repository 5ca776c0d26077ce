/**
 * What the 支出功能分类科目 server actions do, given the actor (null = anonymous): check
 * the permission, validate with the shared zod schema, run the mutation. The
 * "use server" wrappers in actions.ts add only the session and cache revalidation.
 */
import { checkPermission } from "@/features/auth/guard";
import type { Actor } from "@/lib/actor";
import { type ActionResult, invalid } from "@/lib/action-result";
import type { PrismaClient } from "@/lib/db-client";
import { createFunctionClass, deleteFunctionClass, renameFunctionClass } from "./mutations";
import { createFunctionClassSchema, renameFunctionClassSchema } from "./schema";

const BAD_CODE: ActionResult<never> = { ok: false, reason: "not_found", message: "科目不存在，请刷新页面" };

export async function createFunctionClassHandler(prisma: PrismaClient, actor: Actor | null, input: unknown): Promise<ActionResult<{ code: string }>> {
  const auth = checkPermission(actor, "functionClass.manage");
  if ("refusal" in auth) return auth.refusal;
  const parsed = createFunctionClassSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return createFunctionClass(prisma, auth.actor, parsed.data);
}

export async function renameFunctionClassHandler(
  prisma: PrismaClient,
  actor: Actor | null,
  code: unknown,
  input: unknown,
): Promise<ActionResult<{ code: string; changed: boolean }>> {
  const auth = checkPermission(actor, "functionClass.manage");
  if ("refusal" in auth) return auth.refusal;
  if (typeof code !== "string") return BAD_CODE;
  const parsed = renameFunctionClassSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return renameFunctionClass(prisma, auth.actor, code, parsed.data);
}

export async function deleteFunctionClassHandler(prisma: PrismaClient, actor: Actor | null, code: unknown): Promise<ActionResult<{ code: string }>> {
  const auth = checkPermission(actor, "functionClass.manage");
  if ("refusal" in auth) return auth.refusal;
  if (typeof code !== "string") return BAD_CODE;
  return deleteFunctionClass(prisma, auth.actor, code);
}
