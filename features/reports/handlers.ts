/** What the report server actions do, given the actor (null = anonymous); see projects/handlers.ts. */
import { checkPermission } from "@/features/auth/guard";
import type { Actor } from "@/lib/actor";
import { versionSchema } from "@/features/projects/schema";
import { BAD_VERSION, type ActionResult, invalid } from "@/lib/action-result";
import type { PrismaClient } from "@/lib/db-client";
import { FISCAL_YEAR_MESSAGE, isFiscalYear } from "@/lib/fiscal-year";
import type { ReportStatus } from "@/lib/generated/prisma/enums";
import type { CheckItem } from "./check-report";
import { addComment, ensureDepartmentOverallReport, ensureSelfEvaluationReport, saveSections, setCommentResolved, transitionReport } from "./mutations";
import { draftSectionForReport } from "./regenerate-section";
import { commentSchema, regenerateSectionSchema, sectionsSchema, transitionSchema } from "./schema";
import { TRANSITIONS, type TransitionAction } from "./workflow";

const NOT_FOUND = { ok: false as const, reason: "not_found", message: "报告不存在，或您无权访问" };

export type TransitionResult = ActionResult<{ version: number; status: ReportStatus }> | { ok: false; reason: "blocked"; message: string; blocking: CheckItem[] };

export async function createReportHandler(prisma: PrismaClient, actor: Actor | null, projectId: unknown): Promise<ActionResult<{ id: string }>> {
  const auth = checkPermission(actor, "report.submit");
  if ("refusal" in auth) return auth.refusal;
  if (typeof projectId !== "string") return NOT_FOUND;
  return ensureSelfEvaluationReport(prisma, auth.actor, projectId);
}

export async function createOverallReportHandler(prisma: PrismaClient, actor: Actor | null, year: unknown): Promise<ActionResult<{ id: string }>> {
  const auth = checkPermission(actor, "report.submit");
  if ("refusal" in auth) return auth.refusal;
  if (!isFiscalYear(year)) return { ok: false, reason: "invalid", message: FISCAL_YEAR_MESSAGE };
  return ensureDepartmentOverallReport(prisma, auth.actor, year);
}

export async function saveSectionsHandler(prisma: PrismaClient, actor: Actor | null, reportId: unknown, version: unknown, input: unknown): Promise<ActionResult<{ version: number }>> {
  const auth = checkPermission(actor, "project.write");
  if ("refusal" in auth) return auth.refusal;
  if (typeof reportId !== "string") return NOT_FOUND;
  const v = versionSchema.safeParse(version);
  if (!v.success) return BAD_VERSION;
  const parsed = sectionsSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return saveSections(prisma, auth.actor, reportId, v.data, parsed.data.sections);
}

/** A fresh data draft of one data section of a report (nothing is saved). */
export async function regenerateSectionHandler(prisma: PrismaClient, actor: Actor | null, reportId: unknown, input: unknown): Promise<ActionResult<{ body: string }>> {
  const auth = checkPermission(actor, "project.write");
  if ("refusal" in auth) return auth.refusal;
  if (typeof reportId !== "string") return NOT_FOUND;
  const parsed = regenerateSectionSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error, "本节不是按数据生成的章节");
  return draftSectionForReport(prisma, auth.actor, reportId, parsed.data.sectionKey);
}

export async function transitionHandler(prisma: PrismaClient, actor: Actor | null, reportId: unknown, version: unknown, input: unknown): Promise<TransitionResult> {
  const parsed = transitionSchema.safeParse(input);
  const action = (parsed.success ? parsed.data.action : undefined) as TransitionAction | undefined;
  const auth = checkPermission(actor, action ? TRANSITIONS[action].permission : "workspace.access");
  if ("refusal" in auth) return auth.refusal;
  if (!parsed.success || !action) return invalid(parsed.error ?? (undefined as never));
  if (typeof reportId !== "string") return NOT_FOUND;
  const v = versionSchema.safeParse(version);
  if (!v.success) return BAD_VERSION;
  return transitionReport(prisma, auth.actor, reportId, action, v.data, parsed.data.comment);
}

export async function addCommentHandler(prisma: PrismaClient, actor: Actor | null, reportId: unknown, input: unknown): Promise<ActionResult<{ id: string }>> {
  const auth = checkPermission(actor, "report.comment");
  if ("refusal" in auth) return auth.refusal;
  if (typeof reportId !== "string") return NOT_FOUND;
  const parsed = commentSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return addComment(prisma, auth.actor, reportId, parsed.data);
}

export async function resolveCommentHandler(prisma: PrismaClient, actor: Actor | null, commentId: unknown, resolved: unknown): Promise<ActionResult> {
  const auth = checkPermission(actor, "project.write");
  if ("refusal" in auth) return auth.refusal;
  if (typeof commentId !== "string" || typeof resolved !== "boolean") return NOT_FOUND;
  return setCommentResolved(prisma, auth.actor, commentId, resolved);
}
