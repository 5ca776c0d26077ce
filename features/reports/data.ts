import "server-only";
import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ReportStatus } from "@/lib/generated/prisma/enums";
import { listSpec, pageInfo, pageWindow, type ListQueryOf } from "@/lib/list-query";
import { REPORT_STATUSES } from "@/lib/labels";
import { reportPolicy, type ReportAction } from "./access";
import { checkReport } from "./check-report";
import { checkWithoutProject } from "./check-without-project";
import { checkInputOf, loadProjectForReport, projectView } from "./snapshot";
import { readReportSnapshot } from "./snapshot-reader";
import { TRANSITION_ACTIONS } from "./workflow";

/** The reports list's query: search (title, project, department), status, sort, page; year and department are read apart. */
export const REPORT_LIST = listSpec({
  sorts: ["updated", "submitted", "year", "title"],
  defaultSort: "updated",
  defaultDir: "desc",
  filters: { status: ["ALL", ...REPORT_STATUSES] },
  pageSize: 50,
});
export type ReportListQuery = ListQueryOf<typeof REPORT_LIST>;

/** What each role's inbox shows first: the finance reviewer what waits for it (已提交), the department reviewer its stage. */
export function defaultReportStatus(role: Actor["role"]): ReportStatus | "ALL" {
  return role === "REVIEWER" ? "SUBMITTED" : role === "DEPT_REVIEWER" ? "DEPT_REVIEW" : "ALL";
}

function reportOrder(q: ReportListQuery): Prisma.ReportOrderByWithRelationInput[] {
  const d = q.dir;
  const by: Record<ReportListQuery["sort"], Prisma.ReportOrderByWithRelationInput[]> = {
    updated: [{ updatedAt: d }],
    submitted: [{ submittedAt: { sort: d, nulls: "last" } }],
    year: [{ year: d }, { updatedAt: "desc" }],
    title: [{ title: d }],
  };
  return [...by[q.sort], { id: "asc" }];
}

/**
 * One page of the reports the actor may see (the reviewer inbox, an owner's list), searched,
 * filtered and sorted in the database; scope and filters joined with AND, so no filter can
 * widen the scope. Also the years and departments the filters offer (within the scope).
 */
export async function listReports(actor: Actor, q: ReportListQuery, filter: { year?: number; departmentId?: string } = {}) {
  const text = q.q ? { contains: q.q, mode: "insensitive" as const } : undefined;
  const status = q.filters.status ?? defaultReportStatus(actor.role);
  const scope = reportPolicy.readWhere(actor);
  const where: Prisma.ReportWhereInput = {
    AND: [
      scope,
      filter.year ? { year: filter.year } : {},
      filter.departmentId ? { departmentId: filter.departmentId } : {},
      status !== "ALL" ? { status: status as ReportStatus } : {},
      text ? { OR: [{ title: text }, { project: { name: text } }, { department: { shortName: text } }] } : {},
    ],
  };
  const [total, reports, years, departments] = await db().$transaction([
    db().report.count({ where }),
    db().report.findMany({
      where,
      orderBy: reportOrder(q),
      ...pageWindow(q, REPORT_LIST.pageSize),
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
    }),
    db().report.groupBy({ by: ["year"], where: scope, orderBy: { year: "desc" } }),
    db().department.findMany({ where: { reports: { some: scope } }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { id: true, shortName: true } }),
  ]);
  const rows = reports.map((r) => ({
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
  return { rows, status, info: pageInfo(total, q, REPORT_LIST.pageSize), years: years.map((y) => y.year), departments };
}

/** The years in which the owner's department already has its overall evaluation report. */
export async function overallReportYears(actor: Actor): Promise<number[]> {
  const rows = await db().report.findMany({ where: { AND: [reportPolicy.readWhere(actor), { kind: "DEPARTMENT_OVERALL" }] }, select: { year: true } });
  return rows.map((r) => r.year);
}

export type ReportRow = Awaited<ReturnType<typeof listReports>>["rows"][number];

/** One report with its project figures, check, comments, history and what the actor may do. */
/** The report's title for the page title (null when absent or out of scope). */
export async function reportTitle(actor: Actor, id: string): Promise<string | null> {
  const r = await db().report.findFirst({ where: { id, ...reportPolicy.readWhere(actor) }, select: { title: true } });
  return r?.title ?? null;
}

export async function getReportDetail(actor: Actor, id: string) {
  const report = await db().report.findFirst({
    where: { id, ...reportPolicy.readWhere(actor) },
    include: {
      department: { select: { name: true, shortName: true, code: true, parentId: true } },
      sections: { orderBy: { sortOrder: "asc" } },
      comments: { orderBy: { createdAt: "asc" }, include: { author: { select: { name: true } } } },
      publications: { orderBy: { versionNo: "desc" }, select: { id: true, versionNo: true, publishedAt: true, supersededAt: true, correctionNote: true } },
    },
  });
  if (!report) return null;
  const project = report.projectId ? await loadProjectForReport(db(), report.projectId) : null;
  const history = await db().auditLog.findMany({ where: { entityType: "Report", entityId: report.id }, orderBy: { id: "asc" } });
  const target = { departmentId: report.departmentId, parentId: report.department.parentId, status: report.status };
  const may = (action: ReportAction) => reportPolicy.denial(actor, action, target) === null;
  const can = Object.fromEntries(TRANSITION_ACTIONS.map((a) => [a, may(a)])) as Record<(typeof TRANSITION_ACTIONS)[number], boolean>;
  return {
    report,
    project: project ? projectView(project) : null,
    check: project ? checkReport(checkInputOf(project, report.sections)) : await checkWithoutProject(db(), report, report.sections),
    history,
    can: {
      ...can,
      edit: may("edit"),
      comment: may("comment"),
      resolve: may("resolve"),
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
