import "server-only";
import { db } from "@/lib/db";
import type { Db } from "@/lib/db-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { UnitKind } from "@/lib/generated/prisma/enums";
import { listSpec, pageInfo, pageWindow, type ListQueryOf } from "@/lib/list-query";
import { UNIT_KINDS } from "./schema";

/** The admin list's query: search (code, names, region), status and unit-kind filters, sort, page of departments. */
export const DEPARTMENT_LIST = listSpec({
  sorts: ["order", "code", "name"],
  defaultSort: "order",
  defaultDir: "asc",
  filters: { status: ["active", "retired"], kind: UNIT_KINDS },
  pageSize: 30,
});
export type DepartmentListQuery = ListQueryOf<typeof DEPARTMENT_LIST>;

const adminSelect = {
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
} as const;

function departmentOrder(q: DepartmentListQuery): Prisma.DepartmentOrderByWithRelationInput[] {
  const d = q.dir;
  const by = { order: [{ sortOrder: d }, { code: "asc" as const }], code: [{ code: d }], name: [{ name: d }] }[q.sort];
  return [...by, { id: "asc" }];
}

/**
 * One page of departments for the admin page (searched, filtered and sorted in the database),
 * each followed by its sub-units (二级预算单位), with how much data hangs on each. A department
 * is listed when it or one of its sub-units matches; under a department that matches by itself
 * every sub-unit that passes the filters is shown, otherwise only the matching ones.
 */
export async function listDepartmentsForAdmin(q: DepartmentListQuery, prisma: Db = db()) {
  const text = q.q ? { contains: q.q, mode: "insensitive" as const } : undefined;
  const textMatch: Prisma.DepartmentWhereInput = text ? { OR: [{ code: text }, { name: text }, { shortName: text }, { region: text }] } : {};
  const filters: Prisma.DepartmentWhereInput = {
    AND: [
      q.filters.status === "active" ? { retiredAt: null } : q.filters.status === "retired" ? { retiredAt: { not: null } } : {},
      q.filters.kind ? { unitKind: q.filters.kind as UnitKind } : {},
    ],
  };
  const matches: Prisma.DepartmentWhereInput = { AND: [textMatch, filters] };
  const where: Prisma.DepartmentWhereInput = { parentId: null, OR: [matches, { subUnits: { some: matches } }] };
  const [total, top] = await prisma.$transaction([
    prisma.department.count({ where }),
    prisma.department.findMany({
      where,
      orderBy: departmentOrder(q),
      ...pageWindow(q, DEPARTMENT_LIST.pageSize),
      select: { ...adminSelect, subUnits: { where: filters, orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: adminSelect } },
    }),
  ]);
  // With a search: which of the page's departments and units match it (one query).
  const ids = top.flatMap((t) => [t.id, ...t.subUnits.map((u) => u.id)]);
  const matching = text ? new Set((await prisma.department.findMany({ where: { id: { in: ids }, ...matches }, select: { id: true } })).map((d) => d.id)) : null;
  const rows = top.flatMap(({ subUnits, ...d }) => [d, ...subUnits.filter((u) => !matching || matching.has(d.id) || matching.has(u.id))]);
  return { rows, info: pageInfo(total, q, DEPARTMENT_LIST.pageSize) };
}

export type DepartmentAdminRow = Awaited<ReturnType<typeof listDepartmentsForAdmin>>["rows"][number];

/** Departments that can take sub-units (top level, not retired), for the forms' 上级部门 choice. */
export async function listParentChoices(prisma: Db = db()) {
  const rows = await prisma.department.findMany({ where: { parentId: null, retiredAt: null }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { id: true, code: true, shortName: true } });
  return rows.map((r) => ({ id: r.id, label: `${r.code} ${r.shortName}` }));
}
