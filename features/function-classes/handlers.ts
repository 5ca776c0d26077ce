/**
 * What the 支出功能分类科目 server actions do, given the actor (null = anonymous): the permission,
 * each argument checked, the mutation (features/auth/handler.ts). The "use server" wrappers in
 * actions.ts add only the session and cache revalidation.
 */
import { arg, handler } from "@/features/auth/handler";
import type { ActionResult } from "@/lib/action-result";
import { createFunctionClass, deleteFunctionClass, renameFunctionClass } from "./mutations";
import { createFunctionClassSchema, renameFunctionClassSchema } from "./schema";

const BAD_CODE: ActionResult<never> = { ok: false, reason: "not_found", message: "科目不存在，请刷新页面" };

export const createFunctionClassHandler = handler("functionClass.manage", arg.input(createFunctionClassSchema))(createFunctionClass);
export const renameFunctionClassHandler = handler("functionClass.manage", arg.id(BAD_CODE), arg.input(renameFunctionClassSchema))(renameFunctionClass);
export const deleteFunctionClassHandler = handler("functionClass.manage", arg.id(BAD_CODE))(deleteFunctionClass);
