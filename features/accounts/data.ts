import "server-only";
import { db } from "@/lib/db";
import type { Db } from "@/lib/db-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { listSpec, pageInfo, pageWindow, type ListQueryOf } from "@/lib/list-query";
import { ACCOUNT_FIELDS } from "@/features/auth/session-version";
import { ROLES } from "./schema";

/** The admin list's query: search (username, name, department), role and status filters, sort, page. */
export const ACCOUNT_LIST = listSpec({
  sorts: ["created", "username", "name", "role", "department", "lastLogin"],
  defaultSort: "created",
  defaultDir: "desc",
  filters: { role: ROLES, status: ["active", "inactive", "mustChange"] },
  pageSize: 50,
});
export type AccountListQuery = ListQueryOf<typeof ACCOUNT_LIST>;

const STATUS_WHERE: Record<string, Prisma.UserWhereInput> = {
  active: { active: true },
  inactive: { active: false },
  mustChange: { active: true, mustChangePassword: true },
};

function accountOrder(q: AccountListQuery): Prisma.UserOrderByWithRelationInput[] {
  const d = q.dir;
  const by: Record<AccountListQuery["sort"], Prisma.UserOrderByWithRelationInput[]> = {
    created: [{ createdAt: d }],
    username: [{ username: d }],
    name: [{ name: d }],
    role: [{ role: d }],
    department: [{ department: { shortName: d } }],
    lastLogin: [{ lastLoginAt: { sort: d, nulls: "last" } }],
  };
  // A unique key last, so that pages never overlap or skip a row between requests.
  return [...by[q.sort], { id: "asc" }];
}

/**
 * One page of the admin's account list, searched, filtered and sorted in the database
 * (indexes: User.username unique, User.departmentId; a province has thousands of accounts).
 */
export async function listAccounts(q: AccountListQuery, prisma: Db = db()) {
  const now = new Date();
  const text = q.q ? { contains: q.q, mode: "insensitive" as const } : undefined;
  const where: Prisma.UserWhereInput = {
    AND: [
      text ? { OR: [{ username: text }, { name: text }, { department: { OR: [{ shortName: text }, { name: text }, { code: text }] } }] } : {},
      q.filters.role ? { role: q.filters.role as Role } : {},
      q.filters.status ? STATUS_WHERE[q.filters.status]! : {},
    ],
  };
  const [total, users] = await prisma.$transaction([
    prisma.user.count({ where }),
    prisma.user.findMany({
      where,
      orderBy: accountOrder(q),
      ...pageWindow(q, ACCOUNT_LIST.pageSize),
      select: {
        ...ACCOUNT_FIELDS,
        phone: true,
        email: true,
        lastLoginAt: true,
        department: { select: { shortName: true } },
      },
    }),
  ]);
  const throttled = await prisma.loginThrottle.findMany({ where: { username: { in: users.map((u) => u.username) }, lockedUntil: { gt: now } }, select: { username: true } });
  const slowed = new Set(throttled.map((t) => t.username));
  return { rows: users.map((u) => ({ ...u, throttled: slowed.has(u.username) })), info: pageInfo(total, q, ACCOUNT_LIST.pageSize) };
}

export type AccountRow = Awaited<ReturnType<typeof listAccounts>>["rows"][number];

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
