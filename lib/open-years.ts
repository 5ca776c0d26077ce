/**
 * The fiscal years a department may work in: open, and open to every department or to
 * this one (an admin can open a year for some departments only). One rule for every
 * list that offers a year to an owner (新建项目, 新建整体报告, the dashboard's first step);
 * the server applies the same rule again when a project is created.
 */
import type { Prisma } from "@/lib/generated/prisma/client";

export function openYearsOf(departmentId: string): Prisma.FiscalYearWhereInput {
  return { status: "OPEN", OR: [{ allDepartments: true }, { departmentYears: { some: { departmentId } } }] };
}
