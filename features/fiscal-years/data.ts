import "server-only";
import { db } from "@/lib/db";

/** Everything the 财政年度 admin page shows. */
export async function getYearsAdmin() {
  const [years, frameworks, departments, projectCounts] = await Promise.all([
    db().fiscalYear.findMany({
      orderBy: { year: "desc" },
      select: {
        year: true,
        status: true,
        version: true,
        allDepartments: true,
        departmentReview: true,
        framework: { select: { id: true, name: true } },
        alternativeFrameworks: { select: { id: true, name: true } },
        departmentYears: { select: { department: { select: { id: true, shortName: true, parentId: true } } } },
      },
    }),
    db().indicatorFramework.findMany({ where: { retiredAt: null }, orderBy: { code: "asc" }, select: { id: true, code: true, name: true } }),
    db().department.findMany({ where: { parentId: null }, orderBy: { sortOrder: "asc" }, select: { id: true, shortName: true, name: true } }),
    db().project.groupBy({ by: ["year"], _count: { _all: true } }),
  ]);
  const counts = new Map(projectCounts.map((c) => [c.year, c._count._all]));
  return {
    years: years.map((y) => ({
      ...y,
      projects: counts.get(y.year) ?? 0,
      departments: y.departmentYears.map((d) => d.department).filter((d) => d.parentId === null),
    })),
    frameworks,
    departments,
  };
}

export type YearsAdmin = Awaited<ReturnType<typeof getYearsAdmin>>;
