"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/features/auth/session";
import type { ActionResult } from "@/lib/action-result";
import { db } from "@/lib/db";
import { copyProjectHandler, createProjectHandler, updateProjectHandler } from "./handlers";

export async function createProjectAction(year: number, input: unknown): Promise<ActionResult<{ id: string }>> {
  const result = await createProjectHandler(db(), await getCurrentUser(), year, input);
  if (result.ok) revalidatePath("/projects");
  return result;
}

export async function updateProjectAction(id: string, version: number, input: unknown): Promise<ActionResult<{ version: number }>> {
  const result = await updateProjectHandler(db(), await getCurrentUser(), id, version, input);
  if (result.ok) revalidatePath(`/projects/${id}`);
  return result;
}

export async function copyProjectAction(sourceId: string, targetYear: number): Promise<ActionResult<{ id: string }>> {
  const result = await copyProjectHandler(db(), await getCurrentUser(), sourceId, targetYear);
  if (result.ok) revalidatePath("/projects");
  return result;
}
