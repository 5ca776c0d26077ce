"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/features/auth/session";
import type { ActionResult } from "@/lib/action-result";
import { db } from "@/lib/db";
import { saveIndicatorsHandler, switchFrameworkHandler } from "./handlers";

export async function saveIndicatorsAction(projectId: string, version: number, input: unknown): Promise<ActionResult<{ version: number }>> {
  const result = await saveIndicatorsHandler(db(), await getCurrentUser(), projectId, version, input);
  if (result.ok) revalidatePath(`/projects/${projectId}`);
  return result;
}

export async function switchFrameworkAction(projectId: string, version: number, frameworkId: string): Promise<ActionResult<{ version: number; moved: number }>> {
  const result = await switchFrameworkHandler(db(), await getCurrentUser(), projectId, version, frameworkId);
  if (result.ok) revalidatePath(`/projects/${projectId}`);
  return result;
}
