import "server-only";
import { db } from "@/lib/db";

/** Departments with their fiscal years, for the public home page (no sign-in). */
export async function listPublicDepartmentYears() {
  const departments = await db().department.findMany({
    where: { parentId: null },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: {
      id: true,
      code: true,
      name: true,
      shortName: true,
      region: true,
      years: {
        orderBy: { year: "desc" },
        select: {
          year: true,
          _count: { select: { projects: true } },
          reports: {
            where: { kind: "FINAL_ACCOUNTS", status: "PUBLISHED" },
            select: { id: true, publishedAt: true },
          },
        },
      },
    },
  });
  return departments.map((d) => ({
    ...d,
    years: d.years.map((y) => ({ year: y.year, projectCount: y._count.projects, published: y.reports.length > 0 })),
  }));
}

/** Every department and sub-unit for the admin page, with how much data hangs on each. */
export async function listDepartmentsForAdmin() {
  const rows = await db().department.findMany({
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    select: {
      id: true,
      code: true,
      name: true,
      shortName: true,
      unitKind: true,
      region: true,
      isBudgetUnit: true,
      parentId: true,
      sortOrder: true,
      retiredAt: true,
      _count: { select: { users: true, projects: true, reports: true } },
    },
  });
  // Departments first, each followed by its sub-units.
  const top = rows.filter((r) => !r.parentId);
  const orphans = rows.filter((r) => r.parentId && !top.some((t) => t.id === r.parentId));
  return [...top.flatMap((t) => [t, ...rows.filter((r) => r.parentId === t.id)]), ...orphans];
}

export type DepartmentAdminRow = Awaited<ReturnType<typeof listDepartmentsForAdmin>>[number];
