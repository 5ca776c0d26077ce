"use server";

import { serverAction } from "@/features/auth/server-action";
import { closeYearHandler, departmentReviewHandler, openYearHandler, reopenYearHandler, updateYearHandler } from "./handlers";

export const openYearAction = serverAction(openYearHandler, ["/admin/years"]);
export const updateYearAction = serverAction(updateYearHandler, ["/admin/years"]);
export const closeYearAction = serverAction(closeYearHandler, ["/admin/years"]);
export const reopenYearAction = serverAction(reopenYearHandler, ["/admin/years"]);
export const departmentReviewAction = serverAction(departmentReviewHandler, ["/admin/years"]);
