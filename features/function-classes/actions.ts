"use server";

import { serverAction } from "@/features/auth/server-action";
import { createFunctionClassHandler, deleteFunctionClassHandler, renameFunctionClassHandler } from "./handlers";

export const createFunctionClassAction = serverAction(createFunctionClassHandler, ["/admin/function-classes"]);
export const renameFunctionClassAction = serverAction(renameFunctionClassHandler, ["/admin/function-classes"]);
export const deleteFunctionClassAction = serverAction(deleteFunctionClassHandler, ["/admin/function-classes"]);
