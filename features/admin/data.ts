import "server-only";
import { db } from "@/lib/db";

export async function getAdminOverview() {
  const [users, departments, years, frameworks] = await Promise.all([
    db().user.findMany({
      orderBy: [{ role: "asc" }, { username: "asc" }],
      select: { id: true, username: true, name: true, role: true, active: true, lastLoginAt: true, department: { select: { shortName: true } } },
    }),
    db().department.findMany({
      orderBy: [{ parentId: { sort: "asc", nulls: "first" } }, { sortOrder: "asc" }],
      select: { id: true, code: true, name: true, shortName: true, unitKind: true, isBudgetUnit: true, parent: { select: { shortName: true } } },
    }),
    db().fiscalYear.findMany({ orderBy: { year: "desc" }, select: { year: true, status: true, framework: { select: { name: true } } } }),
    db().indicatorFramework.findMany({
      orderBy: { createdAt: "asc" },
      select: { id: true, code: true, name: true, level1: { orderBy: { sortOrder: "asc" }, select: { name: true, points: true, level2: { orderBy: { sortOrder: "asc" }, select: { name: true } } } } },
    }),
  ]);
  return { users, departments, years, frameworks };
}

