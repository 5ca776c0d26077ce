"use server";

import { serverAction } from "@/features/auth/server-action";
import { createDepartmentHandler, setDepartmentRetiredHandler, updateDepartmentHandler } from "./handlers";

export const createDepartmentAction = serverAction(createDepartmentHandler, ["/admin/departments"]);
export const updateDepartmentAction = serverAction(updateDepartmentHandler, ["/admin/departments"]);
export const setDepartmentRetiredAction = serverAction(setDepartmentRetiredHandler, ["/admin/departments"]);
