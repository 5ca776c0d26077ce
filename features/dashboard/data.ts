import "server-only";
import { hasPermission } from "@/lib/permissions";
import { departmentScope } from "@/lib/actor";
import { projectCreateDepartment } from "@/features/projects/access";
import { db } from "@/lib/db";
import { listSpec, pageInfo, pageWindow, type ListQueryOf } from "@/lib/list-query";
import { openYearsOf } from "@/lib/open-years";
import type { CurrentUser } from "@/features/auth/session";

/** Department-years per page of the 工作台, and projects shown per department-year (the rest: 项目 list). */
export const DASHBOARD_LIST = listSpec({ sorts: ["year"], defaultSort: "year", defaultDir: "desc", pageSize: 10 });
export const PROJECTS_PER_CARD = 20;

/**
 * What each role sees first: one page of department-years, newest first. Owners: their own
 * department only (the scope is in the where clause). Reviewers and admins: every department,
 * a page at a time (a city has 100+ departments), each with its first projects and their count.
 */
export async function getDashboard(user: CurrentUser, query: ListQueryOf<typeof DASHBOARD_LIST>) {
  const where = departmentScope(user);
  const [total, years] = await db().$transaction([
    db().departmentYear.count({ where }),
    db().departmentYear.findMany({
      where,
      orderBy: [{ year: "desc" }, { department: { sortOrder: "asc" } }, { department: { code: "asc" } }],
      ...pageWindow(query, DASHBOARD_LIST.pageSize),
      select: {
        id: true,
        year: true,
        department: { select: { name: true, shortName: true, code: true } },
        reports: { where: { kind: { in: ["FINAL_ACCOUNTS", "DEPARTMENT_OVERALL"] } }, select: { id: true, kind: true, status: true } },
        _count: { select: { projects: true } },
        projects: {
          orderBy: { sortOrder: "asc" },
          take: PROJECTS_PER_CARD,
          select: {
            id: true,
            name: true,
            funding: { select: { annualBudget: true, executed: true } },
            _count: { select: { indicators: true } },
            report: { select: { status: true } },
          },
        },
      },
    }),
  ]);
  return { years, info: pageInfo(total, query, DASHBOARD_LIST.pageSize) };
}

/**
 * Open fiscal years in which the owner's department has nothing yet: a new owner's first
 * task is to enter projects there, so the dashboard shows these years before any data exists.
 */
export async function openYearsToStart(user: CurrentUser): Promise<number[]> {
  const departmentId = projectCreateDepartment(user);
  if (!departmentId) return [];
  const open = await db().fiscalYear.findMany({
    where: { AND: [openYearsOf(departmentId), { departmentYears: { none: { departmentId } } }] },
    orderBy: { year: "desc" },
    select: { year: true },
  });
  return open.map((y) => y.year);
}

/** A department reviewer's inbox: their department's (and its sub-units') reports waiting in 部门审核中, oldest submission first. */
export async function awaitingDepartmentReview(user: CurrentUser) {
  if (!hasPermission(user.role, "report.deptReview") || !user.departmentId) return [];
  return db().report.findMany({
    where: { ...departmentScope(user), status: "DEPT_REVIEW" },
    orderBy: [{ submittedAt: "asc" }],
    select: { id: true, title: true, year: true, submittedAt: true },
  });
}
