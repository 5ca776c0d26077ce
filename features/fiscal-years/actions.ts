"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/features/auth/session";
import type { ActionResult } from "@/lib/action-result";
import { db } from "@/lib/db";
import { closeYearHandler, departmentReviewHandler, openYearHandler, reopenYearHandler, updateYearHandler } from "./handlers";

const PAGE = "/admin/years";

export async function openYearAction(input: unknown): Promise<ActionResult<{ year: number }>> {
  const r = await openYearHandler(db(), await getCurrentUser(), input);
  if (r.ok) revalidatePath(PAGE);
  return r;
}

export async function updateYearAction(year: number, version: number, input: unknown): Promise<ActionResult<{ version: number }>> {
  const r = await updateYearHandler(db(), await getCurrentUser(), year, version, input);
  if (r.ok) revalidatePath(PAGE);
  return r;
}

export async function closeYearAction(year: number, version: number): Promise<ActionResult<{ version: number }>> {
  const r = await closeYearHandler(db(), await getCurrentUser(), year, version);
  if (r.ok) revalidatePath(PAGE);
  return r;
}

export async function reopenYearAction(year: number, version: number, input: unknown): Promise<ActionResult<{ version: number }>> {
  const r = await reopenYearHandler(db(), await getCurrentUser(), year, version, input);
  if (r.ok) revalidatePath(PAGE);
  return r;
}

export async function departmentReviewAction(year: number, version: number, input: unknown): Promise<ActionResult<{ version: number }>> {
  const r = await departmentReviewHandler(db(), await getCurrentUser(), year, version, input);
  if (r.ok) revalidatePath(PAGE);
  return r;
}
