/** What the report server actions do, given the actor (null = anonymous); see projects/handlers.ts. */
import { checkPermission } from "@/features/auth/guard";
import { arg, handler } from "@/features/auth/handler";
import type { Actor } from "@/lib/actor";
import { versionSchema } from "@/features/projects/schema";
import { BAD_VERSION, type ActionResult, invalid } from "@/lib/action-result";
import type { PrismaClient } from "@/lib/db-client";
import type { ReportStatus } from "@/lib/generated/prisma/enums";
import type { CheckItem } from "./check-report";
import { addComment, ensureDepartmentOverallReport, ensureSelfEvaluationReport, saveSections, setCommentResolved, transitionReport } from "./mutations";
import { draftSectionForReport } from "./regenerate-section";
import { commentSchema, regenerateSectionSchema, sectionsSchema, transitionSchema } from "./schema";
import { TRANSITIONS, type TransitionAction } from "./workflow";

const NOT_FOUND: ActionResult<never> = { ok: false, reason: "not_found", message: "报告不存在，或您无权访问" };

export type TransitionResult = ActionResult<{ version: number; status: ReportStatus }> | { ok: false; reason: "blocked"; message: string; blocking: CheckItem[] };

export const createReportHandler = handler("report.submit", arg.id(NOT_FOUND))(ensureSelfEvaluationReport);
export const createOverallReportHandler = handler("report.submit", arg.year)(ensureDepartmentOverallReport);
export const saveSectionsHandler = handler("project.write", arg.id(NOT_FOUND), arg.version, arg.input(sectionsSchema))((prisma, actor, reportId, version, input) =>
  saveSections(prisma, actor, reportId, version, input.sections),
);
/** A fresh data draft of one data section of a report (nothing is saved). */
export const regenerateSectionHandler = handler("project.write", arg.id(NOT_FOUND), arg.input(regenerateSectionSchema, "本节不是按数据生成的章节"))((prisma, actor, reportId, input) =>
  draftSectionForReport(prisma, actor, reportId, input.sectionKey),
);

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

export const addCommentHandler = handler("report.comment", arg.id(NOT_FOUND), arg.input(commentSchema))(addComment);
export const resolveCommentHandler = handler("project.write", arg.id(NOT_FOUND), arg.flag(NOT_FOUND))(setCommentResolved);
