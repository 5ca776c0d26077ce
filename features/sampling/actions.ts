"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/features/auth/session";
import type { ActionResult } from "@/lib/action-result";
import { db } from "@/lib/db";
import { drawHandler, returnHandler, saveReviewHandler } from "./handlers";

export async function drawAction(year: number, input: unknown): Promise<ActionResult<{ id: string; sampled: number; poolSize: number; seed: number }>> {
  const r = await drawHandler(db(), await getCurrentUser(), year, input);
  if (r.ok) revalidatePath("/sampling");
  return r;
}

export async function saveReviewAction(itemId: string, version: number, input: unknown): Promise<ActionResult<{ version: number; reviewTotal: string }>> {
  const r = await saveReviewHandler(db(), await getCurrentUser(), itemId, version, input);
  if (r.ok) revalidatePath("/sampling", "layout");
  return r;
}

export async function returnAction(itemId: string, version: number, input: unknown): Promise<ActionResult<{ version: number; reportReturned: boolean }>> {
  const r = await returnHandler(db(), await getCurrentUser(), itemId, version, input);
  if (r.ok) {
    revalidatePath("/sampling", "layout");
    revalidatePath("/reports");
  }
  return r;
}
