"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/features/auth/session";
import type { ActionResult } from "@/lib/action-result";
import { db } from "@/lib/db";
import { saveFinalAccountsHandler, startFinalAccountsHandler } from "./handlers";

export async function startFinalAccountsAction(departmentId: string, year: number): Promise<ActionResult<{ departmentYearId: string; reportId: string }>> {
  const r = await startFinalAccountsHandler(db(), await getCurrentUser(), departmentId, year);
  if (r.ok) revalidatePath("/final-accounts");
  return r;
}

export async function saveFinalAccountsAction(departmentYearId: string, version: number, input: unknown): Promise<ActionResult<{ version: number; changes: number }>> {
  const r = await saveFinalAccountsHandler(db(), await getCurrentUser(), departmentYearId, version, input);
  if (r.ok) revalidatePath("/final-accounts", "layout");
  return r;
}
