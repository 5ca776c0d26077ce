/** Department server actions, given the actor: permission, shared zod schema, mutation (features/auth/handler.ts). */
import { arg, handler } from "@/features/auth/handler";
import type { ActionResult } from "@/lib/action-result";
import { createDepartment, DEPARTMENT_MESSAGES, setDepartmentRetired, updateDepartment } from "./mutations";
import { createDepartmentSchema, updateDepartmentSchema } from "./schema";

const BAD_ID: ActionResult<never> = { ok: false, reason: "not_found", message: DEPARTMENT_MESSAGES.notFound };

export const createDepartmentHandler = handler("department.manage", arg.input(createDepartmentSchema))(createDepartment);

export const updateDepartmentHandler = handler("department.manage", arg.id(BAD_ID), arg.input(updateDepartmentSchema))(updateDepartment);

export const setDepartmentRetiredHandler = handler("department.manage", arg.id(BAD_ID), arg.flag(BAD_ID))(setDepartmentRetired);
