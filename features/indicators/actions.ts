"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/features/auth/session";
import type { ActionResult } from "@/lib/action-result";
import { db } from "@/lib/db";
import { saveIndicatorsHandler } from "./handlers";

export async function saveIndicatorsAction(projectId: string, version: number, input: unknown): Promise<ActionResult<{ version: number }>> {
  const result = await saveIndicatorsHandler(db(), await getCurrentUser(), projectId, version, input);
  if (result.ok) revalidatePath(`/projects/${projectId}`);
  return result;
}
