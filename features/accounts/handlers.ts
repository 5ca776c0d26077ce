/**
 * What the account server actions do, given the actor (null = anonymous): check the
 * permission, validate with the shared zod schema, run the mutation. The "use server"
 * wrappers in actions.ts add only the session and cache revalidation.
 */
import { checkPermission } from "@/features/auth/guard";
import type { Actor } from "@/lib/actor";
import { type ActionResult, invalid, NOT_SIGNED_IN } from "@/lib/action-result";
import type { PrismaClient } from "@/lib/db-client";
import { changeOwnPassword, createAccount, type NewAccountResult, resetPassword, setAccountActive, unlockAccount, updateAccount } from "./mutations";
import { changePasswordSchema, createAccountSchema, updateAccountSchema } from "./schema";

const BAD_ID: ActionResult<never> = { ok: false, reason: "not_found", message: "账号不存在，请刷新页面" };
const isId = (id: unknown): id is string => typeof id === "string" && id.length > 0 && id.length <= 64;

export async function createAccountHandler(prisma: PrismaClient, actor: Actor | null, input: unknown): Promise<ActionResult<NewAccountResult>> {
  const auth = checkPermission(actor, "user.manage");
  if ("refusal" in auth) return auth.refusal;
  const parsed = createAccountSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return createAccount(prisma, auth.actor, parsed.data);
}

export async function updateAccountHandler(prisma: PrismaClient, actor: Actor | null, id: unknown, input: unknown): Promise<ActionResult<{ changed: boolean }>> {
  const auth = checkPermission(actor, "user.manage");
  if ("refusal" in auth) return auth.refusal;
  if (!isId(id)) return BAD_ID;
  const parsed = updateAccountSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return updateAccount(prisma, auth.actor, id, parsed.data);
}

export async function setAccountActiveHandler(prisma: PrismaClient, actor: Actor | null, id: unknown, active: unknown): Promise<ActionResult<{ changed: boolean }>> {
  const auth = checkPermission(actor, "user.manage");
  if ("refusal" in auth) return auth.refusal;
  if (!isId(id) || typeof active !== "boolean") return BAD_ID;
  return setAccountActive(prisma, auth.actor, id, active);
}

export async function resetPasswordHandler(prisma: PrismaClient, actor: Actor | null, id: unknown): Promise<ActionResult<{ username: string; temporaryPassword: string }>> {
  const auth = checkPermission(actor, "user.manage");
  if ("refusal" in auth) return auth.refusal;
  if (!isId(id)) return BAD_ID;
  return resetPassword(prisma, auth.actor, id);
}

export async function unlockAccountHandler(prisma: PrismaClient, actor: Actor | null, id: unknown): Promise<ActionResult<{ cleared: number }>> {
  const auth = checkPermission(actor, "user.manage");
  if ("refusal" in auth) return auth.refusal;
  if (!isId(id)) return BAD_ID;
  return unlockAccount(prisma, auth.actor, id);
}

/** Any signed-in account, including one that must still replace its temporary password. */
export async function changeOwnPasswordHandler(prisma: PrismaClient, account: { id: string; username: string } | null, input: unknown): Promise<ActionResult> {
  if (!account) return NOT_SIGNED_IN;
  const parsed = changePasswordSchema(account.username).safeParse(input);
  if (!parsed.success) return invalid(parsed.error, "请按提示修改后再提交");
  return changeOwnPassword(prisma, account.id, parsed.data);
}
