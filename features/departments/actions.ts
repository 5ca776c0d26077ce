"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/features/auth/session";
import type { ActionResult } from "@/lib/action-result";
import { db } from "@/lib/db";
import { createDepartmentHandler, setDepartmentRetiredHandler, updateDepartmentHandler } from "./handlers";

const PAGE = "/admin/departments";

function done<T extends ActionResult<object>>(result: T): T {
  if (result.ok) revalidatePath(PAGE);
  return result;
}

export async function createDepartmentAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return done(await createDepartmentHandler(db(), await getCurrentUser(), input));
}

export async function updateDepartmentAction(id: string, input: unknown): Promise<ActionResult<{ changed: boolean }>> {
  return done(await updateDepartmentHandler(db(), await getCurrentUser(), id, input));
}

export async function setDepartmentRetiredAction(id: string, retired: boolean): Promise<ActionResult<{ changed: boolean }>> {
  return done(await setDepartmentRetiredHandler(db(), await getCurrentUser(), id, retired));
}
