"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/features/auth/session";
import type { ActionResult } from "@/lib/action-result";
import { db } from "@/lib/db";
import {
  addCommentHandler,
  createOverallReportHandler,
  createReportHandler,
  regenerateSectionHandler,
  resolveCommentHandler,
  saveSectionsHandler,
  type TransitionResult,
  transitionHandler,
} from "./handlers";

export async function createReportAction(projectId: string): Promise<ActionResult<{ id: string }>> {
  const r = await createReportHandler(db(), await getCurrentUser(), projectId);
  if (r.ok) revalidatePath(`/projects/${projectId}`);
  return r;
}

export async function createOverallReportAction(year: number): Promise<ActionResult<{ id: string }>> {
  const r = await createOverallReportHandler(db(), await getCurrentUser(), year);
  if (r.ok) revalidatePath("/reports");
  return r;
}

export async function saveSectionsAction(reportId: string, version: number, input: unknown): Promise<ActionResult<{ version: number }>> {
  const r = await saveSectionsHandler(db(), await getCurrentUser(), reportId, version, input);
  if (r.ok) revalidatePath(`/reports/${reportId}`);
  return r;
}

/** The section's draft from the current data; saves nothing (the editor saves as usual). */
export async function regenerateSectionAction(reportId: string, sectionKey: string): Promise<ActionResult<{ body: string }>> {
  return regenerateSectionHandler(db(), await getCurrentUser(), reportId, { sectionKey });
}

export async function transitionReportAction(reportId: string, version: number, input: unknown): Promise<TransitionResult> {
  const r = await transitionHandler(db(), await getCurrentUser(), reportId, version, input);
  if (r.ok) {
    revalidatePath(`/reports/${reportId}`);
    revalidatePath("/reports");
    revalidatePath(`/published/${reportId}`);
  }
  return r;
}

export async function addCommentAction(reportId: string, input: unknown): Promise<ActionResult<{ id: string }>> {
  const r = await addCommentHandler(db(), await getCurrentUser(), reportId, input);
  if (r.ok) revalidatePath(`/reports/${reportId}`);
  return r;
}

export async function resolveCommentAction(commentId: string, resolved: boolean, reportId: string): Promise<ActionResult> {
  const r = await resolveCommentHandler(db(), await getCurrentUser(), commentId, resolved);
  if (r.ok) revalidatePath(`/reports/${reportId}`);
  return r;
}

export async function markNotificationsReadAction(): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: "登录已过期，请重新登录" };
  await db().notification.updateMany({ where: { userId: user.id, readAt: null }, data: { readAt: new Date() } });
  revalidatePath("/reports");
  return { ok: true };
}
