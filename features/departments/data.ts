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
