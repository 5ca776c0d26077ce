import "server-only";
import { db } from "@/lib/db";

/** Every account for the admin list (the table sorts and filters in the browser: an office has hundreds, not millions). */
export async function listAccounts() {
  const now = new Date();
  const [users, throttled] = await Promise.all([
    db().user.findMany({
      orderBy: [{ active: "desc" }, { role: "asc" }, { username: "asc" }],
      select: {
        id: true,
        username: true,
        name: true,
        role: true,
        active: true,
        phone: true,
        email: true,
        departmentId: true,
        mustChangePassword: true,
        lastLoginAt: true,
        department: { select: { shortName: true } },
      },
    }),
    db().loginThrottle.findMany({ where: { username: { not: null }, lockedUntil: { gt: now } }, select: { username: true } }),
  ]);
  const slowed = new Set(throttled.map((t) => t.username));
  return users.map((u) => ({ ...u, throttled: slowed.has(u.username) }));
}

export type AccountRow = Awaited<ReturnType<typeof listAccounts>>[number];

/** Departments an account can belong to (not retired), sub-units under their parent. */
export async function listDepartmentChoices() {
  const rows = await db().department.findMany({
    where: { retiredAt: null },
    orderBy: [{ parentId: { sort: "asc", nulls: "first" } }, { sortOrder: "asc" }, { code: "asc" }],
    select: { id: true, code: true, shortName: true, parent: { select: { shortName: true } } },
  });
  return rows.map((d) => ({ id: d.id, label: d.parent ? `${d.parent.shortName} / ${d.shortName}` : d.shortName, code: d.code }));
}

export type DepartmentChoice = Awaited<ReturnType<typeof listDepartmentChoices>>[number];
