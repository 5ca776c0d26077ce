import "server-only";
import { db } from "@/lib/db";

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
