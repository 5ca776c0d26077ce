/**
 * What the final-accounts server actions do, given the actor (null = anonymous): the permission,
 * each argument checked, the mutation (features/auth/handler.ts).
 */
import { arg, handler } from "@/features/auth/handler";
import type { ActionResult } from "@/lib/action-result";
import { isFiscalYear } from "@/lib/fiscal-year";
import { saveFinalAccounts, startFinalAccounts } from "./mutations";
import { finalAccountsSchema } from "./schema";

const BAD_TARGET: ActionResult<never> = { ok: false, reason: "invalid", message: "部门或年度无效" };
const NOT_FOUND: ActionResult<never> = { ok: false, reason: "not_found", message: "该部门该年度的决算不存在" };

export const startFinalAccountsHandler = handler("finalAccounts.write", arg.id(BAD_TARGET), arg.that(isFiscalYear, BAD_TARGET))(startFinalAccounts);
export const saveFinalAccountsHandler = handler("finalAccounts.write", arg.id(NOT_FOUND), arg.version, arg.input(finalAccountsSchema))(saveFinalAccounts);
