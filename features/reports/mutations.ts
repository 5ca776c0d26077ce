/**
 * Report writes. Every change is one transaction: a guarded update of the report's
 * status and version (`updateMany where status ∈ allowed and version = expected`,
 * then check the count), its audit row, and its notifications; publishing also
 * freezes a snapshot. Two reviewers acting at once, or an owner editing while a
 * reviewer decides: exactly one succeeds, the other gets "stale".
 */
import { writeAudit } from "@/features/audit/mutations";
import { lockRow } from "@/lib/row-lock";
import { reportCreateDepartment, reportPolicy } from "./access";
import { newReportData, reportScopeKey } from "@/lib/report-create";
import type { Actor } from "@/lib/actor";
import type { MutationResult, Refusal } from "@/lib/mutation-result";
import type { PrismaClient, TxClient } from "@/lib/db-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ReportStatus } from "@/lib/generated/prisma/enums";
import { REPORT_STATUS_LABELS } from "@/lib/labels";
import { checkReport, type CheckItem } from "./check-report";
import { checkWithoutProject } from "./check-without-project";
import { buildSnapshot, checkInputOf, loadProjectForReport } from "./snapshot";
import { loadYearDocument } from "@/features/publication/year-document";
import { loadOverallDraft } from "./overall-draft-data";
import { DEPARTMENT_OVERALL_SECTIONS, isOverallDataSection, OVERALL_DATA_SECTION_KEYS, SELF_EVALUATION_SECTIONS, sectionsFor } from "./template";
import { submitTarget, TRANSITIONS, type TransitionAction } from "./workflow";

export const REPORT_MESSAGES = {
  not_found: "报告不存在，或您无权访问",
  forbidden: "您无权执行此操作",
  locked: "报告已提交或已通过，不能修改；如需修改，请由审核人退回",
  stale: "报告已被其他人处理或修改。请重新加载页面查看最新状态（您填写的内容不会自动丢失，可先复制保存）",
} as const;

const refuse = (reason: keyof typeof REPORT_MESSAGES): Refusal => ({ ok: false, reason, message: REPORT_MESSAGES[reason] });

export type TransitionRefusal = Refusal | { ok: false; reason: "blocked"; message: string; blocking: CheckItem[] };

/** Creates the project's self-evaluation report (草稿) with the standard sections, or returns the existing one. */
export async function ensureSelfEvaluationReport(prisma: PrismaClient, actor: Actor, projectId: string): Promise<MutationResult<{ id: string }>> {
  const departmentId = reportCreateDepartment(actor);
  if (!departmentId) return refuse("forbidden");
  return prisma.$transaction(async (tx) => {
    const project = (await lockRow(tx, "Project", "id", projectId))
      ? await tx.project.findUnique({ where: { id: projectId }, select: { id: true, departmentId: true, departmentYearId: true, year: true, name: true } })
      : null;
    if (!project || project.departmentId !== departmentId) return refuse("not_found");
    const existing = await tx.report.findUnique({ where: { projectId }, select: { id: true } });
    if (existing) return { ok: true as const, id: existing.id };
    const report = await tx.report.create({
      data: newReportData({
        kind: "PROJECT_SELF_EVALUATION",
        departmentYear: { id: project.departmentYearId, departmentId: project.departmentId, year: project.year },
        projectId,
        title: `${project.name}项目支出绩效自评报告`,
        sections: SELF_EVALUATION_SECTIONS,
      }),
    });
    await writeAudit(tx, { actor, action: "report.create", entityType: "Report", entityId: report.id, toStatus: "DRAFT", comment: report.title });
    return { ok: true as const, id: report.id };
  });
}

/** Locks the report row and checks the actor may see it. */
async function lockReport(tx: TxClient, actor: Actor, reportId: string) {
  if (!(await lockRow(tx, "Report", "id", reportId))) return null;
  const { department, ...report } = await tx.report.findUniqueOrThrow({
    where: { id: reportId },
    select: { id: true, departmentId: true, departmentYearId: true, year: true, kind: true, status: true, version: true, projectId: true, title: true, correctionNote: true, department: { select: { parentId: true } } },
  });
  const r = { ...report, parentId: department.parentId };
  if (reportPolicy.denial(actor, "read", r)) return null;
  return r;
}

export async function saveSections(
  prisma: PrismaClient,
  actor: Actor,
  reportId: string,
  expectedVersion: number,
  sections: { key: string; body: string }[],
): Promise<MutationResult<{ version: number }>> {
  return prisma.$transaction(async (tx) => {
    const r = await lockReport(tx, actor, reportId);
    if (!r) return refuse("not_found");
    const denial = reportPolicy.denial(actor, "edit", r);
    if (denial) return refuse(denial);
    if (r.version !== expectedVersion) return refuse("stale");
    const template = sectionsFor(r.kind);
    for (const s of sections) {
      const def = template.find((d) => d.key === s.key);
      if (!def || def.group) continue;
      await tx.reportSection.upsert({
        where: { reportId_key: { reportId, key: s.key } },
        create: { reportId, key: s.key, heading: def.heading, body: s.body, sortOrder: template.indexOf(def) },
        update: { body: s.body },
      });
    }
    const updated = await tx.report.updateMany({ where: { id: reportId, version: expectedVersion }, data: { version: { increment: 1 } } });
    if (updated.count !== 1) return refuse("stale");
    await writeAudit(tx, { actor, action: "report.save", entityType: "Report", entityId: reportId, comment: `保存 ${sections.length} 节` });
    return { ok: true as const, version: expectedVersion + 1 };
  });
}

async function notify(tx: TxClient, where: Prisma.UserWhereInput, reportId: string, kind: string, message: string) {
  const users = await tx.user.findMany({ where: { ...where, active: true }, select: { id: true } });
  if (users.length) await tx.notification.createMany({ data: users.map((u) => ({ userId: u.id, reportId, kind, message })) });
}

/** Who moves which report by which action, from the version they saw, with their comment. */
type TransitionArgs = [actor: Actor, reportId: string, action: TransitionAction, expectedVersion: number, comment: string];
type TransitionOutcome = MutationResult<{ version: number; status: ReportStatus }> | TransitionRefusal;

export async function transitionReport(prisma: PrismaClient, ...args: TransitionArgs): Promise<TransitionOutcome> {
  return prisma.$transaction((tx) => transitionInTransaction(tx, ...args), { timeout: 30_000 });
}

/**
 * The same transition inside a transaction the caller holds (e.g. the sampling review returns a
 * report as part of its own write): permission, lock, state and version checks, the guarded update,
 * the audit row, the comment and the notifications.
 */
export async function transitionInTransaction(tx: TxClient, ...[actor, reportId, action, expectedVersion, comment]: TransitionArgs): Promise<TransitionOutcome> {
  const t = TRANSITIONS[action];
  const r = await lockReport(tx, actor, reportId);
  if (!r) return refuse("not_found");
  const denial = reportPolicy.denial(actor, action, r);
  if (denial && denial !== "locked") return refuse(denial);
  if (r.version !== expectedVersion) return refuse("stale");
  if (denial) {
    return { ok: false as const, reason: "stale" as const, message: `报告当前为“${REPORT_STATUS_LABELS[r.status]}”，不能${t.label}。请重新加载页面。` };
  }
  const project = r.projectId ? await loadProjectForReport(tx, r.projectId) : null;
  if (action === "submit") {
    const sections = await tx.reportSection.findMany({ where: { reportId }, orderBy: { sortOrder: "asc" } });
    const check = project ? checkReport(checkInputOf(project, sections)) : await checkWithoutProject(tx, r, sections);
    if (check.blocking.length) {
      return { ok: false as const, reason: "blocked" as const, message: `还有 ${check.blocking.length} 个问题需要处理后才能提交`, blocking: check.blocking };
    }
  }
  const now = new Date();
  const to = action === "submit" ? submitTarget(r.kind, await yearHasDepartmentReview(tx, r.year)) : t.to;
  const updated = await tx.report.updateMany({
    where: { id: reportId, version: expectedVersion, status: { in: [...t.from] } },
    data: {
      status: to,
      version: { increment: 1 },
      ...(action === "submit" ? { submittedAt: now } : {}),
      ...(action === "return" || action === "approve" ? { decidedAt: now } : {}),
      // A reopening writes the correction the next publication carries; publishing uses it up.
      ...(action === "reopen" ? { correctionNote: comment } : {}),
      ...(action === "publish" ? { publishedAt: now, correctionNote: "" } : {}),
    },
  });
  if (updated.count !== 1) return refuse("stale");
  await writeAudit(tx, { actor, action: t.audit, entityType: "Report", entityId: reportId, fromStatus: r.status, toStatus: to, comment });
  if (action === "return" || action === "deptReturn") await tx.reportComment.create({ data: { reportId, authorId: actor.id, body: comment } });

  const title = `“${r.title}”`;
  const owners = { role: "OWNER" as const, departmentId: r.departmentId };
  // The department's reviewers, and for a sub-unit's report those of the department above it.
  if (to === "DEPT_REVIEW") await notify(tx, { role: "DEPT_REVIEWER", department: { OR: [{ id: r.departmentId }, ...(r.parentId ? [{ id: r.parentId }] : [])] } }, reportId, "submitted", `${title}已提交，等待部门审核`);
  if (action === "submit" && to === "SUBMITTED") await notify(tx, { role: "REVIEWER" }, reportId, "submitted", `${title}已提交，等待审核`);
  if (action === "deptReturn") await notify(tx, owners, reportId, "returned", `${title}被部门审核人退回：${comment}`);
  if (action === "deptApprove") {
    await notify(tx, { role: "REVIEWER" }, reportId, "submitted", `${title}已通过部门审核，等待审核`);
    await notify(tx, owners, reportId, "dept_approved", `${title}已通过部门审核，已报送财政审核`);
  }
  if (action === "return") await notify(tx, owners, reportId, "returned", `${title}被退回：${comment}`);
  if (action === "approve") await notify(tx, owners, reportId, "approved", `${title}已审核通过`);
  if (action === "publish") {
    const previous = await tx.reportPublication.findFirst({ where: { reportId }, orderBy: { versionNo: "desc" } });
    const correctionNote = previous ? r.correctionNote : "";
    const sections = await tx.reportSection.findMany({ where: { reportId }, orderBy: { sortOrder: "asc" } });
    const versionNo = (previous?.versionNo ?? 0) + 1;
    if (previous && !previous.supersededAt) await tx.reportPublication.update({ where: { id: previous.id }, data: { supersededAt: now } });
    await tx.reportPublication.create({
      data: {
        reportId,
        versionNo,
        publishedAt: now,
        publishedById: actor.id,
        correctionNote,
        snapshot: {
          ...buildSnapshot({ title: r.title, project, sections, versionNo, publishedAt: now, correctionNote }),
          // The year document embeds its figures, tables and attachments as they are now.
          ...(r.kind === "FINAL_ACCOUNTS" ? { document: await yearDocumentAsPublished(tx, r, { versionNo, publishedAt: now, correctionNote }) } : {}),
        },
      },
    });
    await notify(tx, owners, reportId, "published", `${title}已公开`);
  }
  if (action === "reopen") await notify(tx, owners, reportId, "reopened", `${title}已重新打开以更正：${comment}`);
  return { ok: true as const, version: expectedVersion + 1, status: to };
}

/** Whether the report's fiscal year routes submissions through the department stage (read under FOR SHARE so a settings change waits). */
async function yearHasDepartmentReview(tx: TxClient, year: number): Promise<boolean> {
  await lockRow(tx, "FiscalYear", "year", year, "share");
  const fiscalYear = await tx.fiscalYear.findUnique({ where: { year }, select: { departmentReview: true } });
  return fiscalYear?.departmentReview ?? false;
}

/** The year document as this publication freezes it (its own version, date and correction note). */
async function yearDocumentAsPublished(tx: TxClient, r: { departmentId: string; year: number }, v: { versionNo: number; publishedAt: Date; correctionNote: string }) {
  const doc = await loadYearDocument(tx, await yearRef(tx, r.departmentId, r.year));
  return doc && { ...doc, versionNo: v.versionNo, publishedAt: v.publishedAt.toISOString(), correctionNote: v.correctionNote };
}

async function yearRef(tx: TxClient, departmentId: string, year: number) {
  const d = await tx.department.findUniqueOrThrow({ where: { id: departmentId }, select: { code: true } });
  return { departmentCode: d.code, year };
}

/** Creates the department's overall evaluation report (部门整体支出绩效评价报告) for a year, or returns it. */
export async function ensureDepartmentOverallReport(prisma: PrismaClient, actor: Actor, year: number): Promise<MutationResult<{ id: string }>> {
  const departmentId = reportCreateDepartment(actor);
  if (!departmentId) return refuse("forbidden");
  return prisma.$transaction(async (tx) => {
    if (!(await tx.fiscalYear.findUnique({ where: { year } }))) return refuse("not_found");
    const dy = await tx.departmentYear.upsert({
      where: { departmentId_year: { departmentId, year } },
      create: { departmentId, year },
      update: {},
      include: { department: true },
    });
    const existing = await tx.report.findUnique({ where: { scopeKey: reportScopeKey("DEPARTMENT_OVERALL", dy.id) }, select: { id: true } });
    if (existing) return { ok: true as const, id: existing.id };
    // The sections the year's data can say start with a draft of it (overall-draft.ts).
    const draft = await loadOverallDraft(tx, dy.id);
    const body = (key: string) => (isOverallDataSection(key) ? draft[key] : "");
    const report = await tx.report.create({
      data: newReportData({
        kind: "DEPARTMENT_OVERALL",
        departmentYear: dy,
        title: `${dy.department.name}${year}年部门整体支出绩效评价报告`,
        sections: DEPARTMENT_OVERALL_SECTIONS.map((s) => ({ ...s, body: body(s.key) })),
      }),
    });
    const drafted = OVERALL_DATA_SECTION_KEYS.filter((k) => draft[k]);
    await writeAudit(tx, { actor, action: "report.create", entityType: "Report", entityId: report.id, toStatus: "DRAFT", comment: report.title, data: { draftedFromData: drafted } });
    return { ok: true as const, id: report.id };
  });
}

export async function addComment(
  prisma: PrismaClient,
  actor: Actor,
  reportId: string,
  input: { body: string; sectionKey?: string; indicatorId?: string },
): Promise<MutationResult<{ id: string }>> {
  return prisma.$transaction(async (tx) => {
    const r = await lockReport(tx, actor, reportId);
    if (!r) return refuse("not_found");
    const denial = reportPolicy.denial(actor, "comment", r);
    if (denial && denial !== "locked") return refuse(denial);
    if (denial) {
      const message = actor.role === "DEPT_REVIEWER"
        ? `报告当前为“${REPORT_STATUS_LABELS[r.status]}”，部门审核人只能在“部门审核中”添加意见`
        : "报告已通过或已公开，不能再添加审核意见；如需更正，请由管理员重新打开报告";
      return { ok: false as const, reason: "locked" as const, message };
    }
    if (input.indicatorId && r.projectId) {
      const ok = await tx.indicator.count({ where: { id: input.indicatorId, projectId: r.projectId } });
      if (!ok) return refuse("not_found");
    }
    const c = await tx.reportComment.create({ data: { reportId, authorId: actor.id, body: input.body, sectionKey: input.sectionKey ?? null, indicatorId: input.indicatorId ?? null } });
    await writeAudit(tx, { actor, action: "report.comment", entityType: "Report", entityId: reportId, comment: input.body, data: { commentId: c.id, sectionKey: input.sectionKey ?? null, indicatorId: input.indicatorId ?? null } });
    return { ok: true as const, id: c.id };
  });
}

/** The owner marks a reviewer's comment resolved (or open again). */
export async function setCommentResolved(prisma: PrismaClient, actor: Actor, commentId: string, resolved: boolean): Promise<MutationResult> {
  return prisma.$transaction(async (tx) => {
    const c = await tx.reportComment.findUnique({ where: { id: commentId }, include: { report: { select: { id: true, departmentId: true, status: true, department: { select: { parentId: true } } } } } });
    if (!c) return refuse("not_found");
    const denial = reportPolicy.denial(actor, "resolve", { ...c.report, parentId: c.report.department.parentId });
    if (denial) return refuse(denial);
    await tx.reportComment.update({ where: { id: commentId }, data: resolved ? { resolvedAt: new Date(), resolvedById: actor.id } : { resolvedAt: null, resolvedById: null } });
    await writeAudit(tx, { actor, action: resolved ? "report.comment_resolved" : "report.comment_reopened", entityType: "Report", entityId: c.report.id, data: { commentId } });
    return { ok: true as const };
  });
}
