/**
 * What the account server actions do, given the actor (null = anonymous): the permission, each
 * argument checked, the mutation (features/auth/handler.ts). The "use server" wrappers in
 * actions.ts add only the session and cache revalidation.
 */
import { arg, handler } from "@/features/auth/handler";
import { type ActionResult, invalid, NOT_SIGNED_IN } from "@/lib/action-result";
import type { PrismaClient } from "@/lib/db-client";
import { changeOwnPassword, createAccount, resetPassword, setAccountActive, unlockAccount, updateAccount } from "./mutations";
import { changePasswordSchema, createAccountSchema, updateAccountSchema } from "./schema";

const BAD_ID: ActionResult<never> = { ok: false, reason: "not_found", message: "账号不存在，请刷新页面" };

export const createAccountHandler = handler("user.manage", arg.input(createAccountSchema))(createAccount);
export const updateAccountHandler = handler("user.manage", arg.id(BAD_ID), arg.input(updateAccountSchema))(updateAccount);
export const setAccountActiveHandler = handler("user.manage", arg.id(BAD_ID), arg.flag(BAD_ID))(setAccountActive);
export const resetPasswordHandler = handler("user.manage", arg.id(BAD_ID))(resetPassword);
export const unlockAccountHandler = handler("user.manage", arg.id(BAD_ID))(unlockAccount);

/** Any signed-in account, including one that must still replace its temporary password. */
export async function changeOwnPasswordHandler(prisma: PrismaClient, account: { id: string; username: string } | null, input: unknown): Promise<ActionResult> {
  if (!account) return NOT_SIGNED_IN;
  const parsed = changePasswordSchema(account.username).safeParse(input);
  if (!parsed.success) return invalid(parsed.error, "请按提示修改后再提交");
  return changeOwnPassword(prisma, account.id, parsed.data);
}
