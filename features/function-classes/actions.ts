"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/features/auth/session";
import type { ActionResult } from "@/lib/action-result";
import { db } from "@/lib/db";
import { createFunctionClassHandler, deleteFunctionClassHandler, renameFunctionClassHandler } from "./handlers";

const PAGE = "/admin/function-classes";

export async function createFunctionClassAction(input: unknown): Promise<ActionResult<{ code: string }>> {
  const result = await createFunctionClassHandler(db(), await getCurrentUser(), input);
  if (result.ok) revalidatePath(PAGE);
  return result;
}

export async function renameFunctionClassAction(code: string, input: unknown): Promise<ActionResult<{ code: string; changed: boolean }>> {
  const result = await renameFunctionClassHandler(db(), await getCurrentUser(), code, input);
  if (result.ok) revalidatePath(PAGE);
  return result;
}

export async function deleteFunctionClassAction(code: string): Promise<ActionResult<{ code: string }>> {
  const result = await deleteFunctionClassHandler(db(), await getCurrentUser(), code);
  if (result.ok) revalidatePath(PAGE);
  return result;
}
