import "server-only";
import { departmentScope, type Actor } from "@/lib/actor";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ReportKind, ReportStatus } from "@/lib/generated/prisma/enums";
import { hasPermission } from "@/lib/permissions";
import { checkReport } from "./check-report";
import { checkWithoutProject } from "./check-without-project";
import { checkInputOf, loadProjectForReport, projectView } from "./snapshot";
import { readReportSnapshot } from "./snapshot-reader";
import { canTransition, mayComment, TRANSITION_ACTIONS, TRANSITIONS } from "./workflow";

function reportScope(actor: Actor): Prisma.ReportWhereInput {
  if (!hasPermission(actor.role, "project.read")) return { id: "__none__" };
  return departmentScope(actor);
}

/** Reports the actor may see (the reviewer inbox, an owner's list), newest activity first. */
export async function listReports(actor: Actor, filter: { status?: ReportStatus; departmentId?: string; year?: number; kind?: ReportKind } = {}) {
  const reports = await db().report.findMany({
    where: { AND: [reportScope(actor), filter] },
    orderBy: [{ updatedAt: "desc" }],
    select: {
      id: true,
      title: true,
      kind: true,
      status: true,
      year: true,
      version: true,
      submittedAt: true,
      updatedAt: true,
      department: { select: { id: true, shortName: true } },
      project: { select: { id: true, name: true } },
      _count: { select: { comments: { where: { resolvedAt: null } } } },
    },
  });
  return reports.map((r) => ({
    id: r.id,
    title: r.title,
    kind: r.kind,
    status: r.status,
    year: r.year,
    departmentId: r.department.id,
    department: r.department.shortName,
    projectId: r.project?.id ?? null,
    projectName: r.project?.name ?? null,
    openComments: r._count.comments,
    submittedAt: r.submittedAt?.toISOString() ?? null,
    updatedAt: r.updatedAt.toISOString(),
  }));
}

export type ReportRow = Awaited<ReturnType<typeof listReports>>[number];

/** One report with its project figures, check, comments, history and what the actor may do. */
/** The report's title for the page title (null when absent or out of scope). */
export async function reportTitle(actor: Actor, id: string): Promise<string | null> {
  const r = await db().report.findFirst({ where: { id, ...reportScope(actor) }, select: { title: true } });
  return r?.title ?? null;
}

export async function getReportDetail(actor: Actor, id: string) {
  const report = await db().report.findFirst({
    where: { id, ...reportScope(actor) },
    include: {
      department: { select: { name: true, shortName: true, code: true } },
      sections: { orderBy: { sortOrder: "asc" } },
      comments: { orderBy: { createdAt: "asc" }, include: { author: { select: { name: true } } } },
      publications: { orderBy: { versionNo: "desc" }, select: { id: true, versionNo: true, publishedAt: true, supersededAt: true, correctionNote: true } },
    },
  });
  if (!report) return null;
  const project = report.projectId ? await loadProjectForReport(db(), report.projectId) : null;
  const history = await db().auditLog.findMany({ where: { entityType: "Report", entityId: report.id }, orderBy: { id: "asc" } });
  const ownsDepartment = actor.role === "OWNER" && actor.departmentId === report.departmentId;
  const can = Object.fromEntries(
    TRANSITION_ACTIONS.map((a) => [a, hasPermission(actor.role, TRANSITIONS[a].permission) && canTransition(a, report.status) && (a !== "submit" || ownsDepartment)]),
  ) as Record<(typeof TRANSITION_ACTIONS)[number], boolean>;
  return {
    report,
    project: project ? projectView(project) : null,
    check: project ? checkReport(checkInputOf(project, report.sections)) : await checkWithoutProject(db(), report, report.sections),
    history,
    can: {
      ...can,
      edit: ownsDepartment && (report.status === "DRAFT" || report.status === "RETURNED"),
      comment: mayComment(actor.role, report.status),
      resolve: ownsDepartment,
    },
  };
}

export type ReportDetail = NonNullable<Awaited<ReturnType<typeof getReportDetail>>>;

/** The actor's notifications, unread first. */
export async function listNotifications(userId: string, take = 20) {
  return db().notification.findMany({ where: { userId }, orderBy: [{ readAt: { sort: "asc", nulls: "first" } }, { createdAt: "desc" }], take });
}

/** Public: the latest (or the given) published version of a report; no sign-in. */
export async function getPublication(reportId: string, versionNo?: number) {
  const publications = await db().reportPublication.findMany({
    where: { reportId },
    orderBy: { versionNo: "desc" },
    select: { versionNo: true, publishedAt: true, supersededAt: true, correctionNote: true },
  });
  if (publications.length === 0) return null;
  const wanted = versionNo ?? publications[0]!.versionNo;
  const current = await db().reportPublication.findUnique({ where: { reportId_versionNo: { reportId, versionNo: wanted } } });
  if (!current) return null;
  const report = readReportSnapshot(current.snapshot) ?? { title: "", sections: [], project: null };
  return { report, versionNo: current.versionNo, latest: publications[0]!.versionNo, versions: publications };
}
