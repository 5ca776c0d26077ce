import "server-only";
import { departmentScope } from "@/lib/actor";
import { db } from "@/lib/db";
import { openYearsOf } from "@/lib/open-years";
import type { CurrentUser } from "@/features/auth/session";

/**
 * What each role sees first. Owners: their own department only (the scope is in
 * the where clause). Reviewers and admins: every department.
 */
export async function getDashboard(user: CurrentUser) {
  const scope = departmentScope(user);
  const years = await db().departmentYear.findMany({
    where: scope,
    orderBy: [{ year: "desc" }, { department: { sortOrder: "asc" } }],
    select: {
      id: true,
      year: true,
      department: { select: { name: true, shortName: true, code: true } },
      reports: { where: { kind: { in: ["FINAL_ACCOUNTS", "DEPARTMENT_OVERALL"] } }, select: { id: true, kind: true, status: true } },
      projects: {
        orderBy: { sortOrder: "asc" },
        select: {
          id: true,
          name: true,
          funding: { select: { annualBudget: true, executed: true } },
          _count: { select: { indicators: true } },
          report: { select: { status: true } },
        },
      },
    },
  });
  return years;
}

/**
 * Open fiscal years in which the owner's department has nothing yet: a new owner's first
 * task is to enter projects there, so the dashboard shows these years before any data exists.
 */
export async function openYearsToStart(user: CurrentUser): Promise<number[]> {
  if (user.role !== "OWNER" || !user.departmentId) return [];
  const open = await db().fiscalYear.findMany({
    where: { AND: [openYearsOf(user.departmentId), { departmentYears: { none: { departmentId: user.departmentId } } }] },
    orderBy: { year: "desc" },
    select: { year: true },
  });
  return open.map((y) => y.year);
}

/** A department reviewer's inbox: their department's (and its sub-units') reports waiting in 部门审核中, oldest submission first. */
export async function awaitingDepartmentReview(user: CurrentUser) {
  if (user.role !== "DEPT_REVIEWER" || !user.departmentId) return [];
  return db().report.findMany({
    where: { ...departmentScope(user), status: "DEPT_REVIEW" },
    orderBy: [{ submittedAt: "asc" }],
    select: { id: true, title: true, year: true, submittedAt: true },
  });
}
