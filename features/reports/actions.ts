"use server";

import { revalidatePath } from "next/cache";
import { serverAction } from "@/features/auth/server-action";
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
  transitionHandler,
} from "./handlers";

const reportPage = (reportId: unknown) => [`/reports/${String(reportId)}`];

export const createReportAction = serverAction(createReportHandler, (projectId) => [`/projects/${String(projectId)}`]);
export const createOverallReportAction = serverAction(createOverallReportHandler, ["/reports"]);
export const saveSectionsAction = serverAction(saveSectionsHandler, reportPage);
/** The section's draft from the current data; saves nothing (the editor saves as usual). */
export const regenerateSectionAction = serverAction((prisma, actor, reportId: string, sectionKey: string) => regenerateSectionHandler(prisma, actor, reportId, { sectionKey }), []);
/** Typed for the client here: the hand-written handler takes unknown (its permission depends on the input). */
export const transitionReportAction = serverAction((prisma, actor, reportId: string, version: number, input: unknown) => transitionHandler(prisma, actor, reportId, version, input), (reportId) => [...reportPage(reportId), "/reports", `/published/${String(reportId)}`]);
export const addCommentAction = serverAction(addCommentHandler, reportPage);
/** The report's id comes last: the page to revalidate. */
export async function resolveCommentAction(commentId: string, resolved: boolean, reportId: string): Promise<ActionResult> {
  return serverAction(resolveCommentHandler, () => reportPage(reportId))(commentId, resolved);
}

export async function markNotificationsReadAction(): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: "登录已过期，请重新登录" };
  await db().notification.updateMany({ where: { userId: user.id, readAt: null }, data: { readAt: new Date() } });
  revalidatePath("/reports");
  return { ok: true };
}
