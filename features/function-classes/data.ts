import "server-only";
import { db } from "@/lib/db";
import type { Db } from "@/lib/db-client";
import type { FunctionLevel } from "./schema";

/** A selectable 项 code with the names of its 类 and 款, for pickers and labels. */
export type ItemCode = { code: string; name: string; className: string; subclassName: string };

/**
 * Every 项 (7-digit) code with its 类 and 款 names, sorted by code, e.g.
 * `{ code: "2011001", name: "行政运行", className: "一般公共服务支出", subclassName: "人力资源事务" }`.
 * These are the codes an ExpenditureLine may use. Pass a transaction or a test client
 * as `prisma`; the app's client is the default.
 */
export async function listItemCodes(prisma: Db = db()): Promise<ItemCode[]> {
  const items = await prisma.functionClass.findMany({
    where: { level: 3 },
    orderBy: { code: "asc" },
    select: { code: true, name: true, parent: { select: { name: true, parent: { select: { name: true } } } } },
  });
  return items.map((i) => ({ code: i.code, name: i.name, className: i.parent?.parent?.name ?? "", subclassName: i.parent?.name ?? "" }));
}

export type FunctionClassRow = {
  code: string;
  name: string;
  level: FunctionLevel;
  parentCode: string | null;
  childCount: number;
  /** How many final-accounts expenditure lines use the code (it cannot be deleted while > 0). */
  lineCount: number;
};

/**
 * The whole tree in display order. Sorting by code is the tree's pre-order: a child's
 * code begins with its parent's, so 201 < 20110 < 2011001 < 2011002 < 208.
 */
export async function listFunctionClasses(prisma: Db = db()): Promise<FunctionClassRow[]> {
  const rows = await prisma.functionClass.findMany({
    orderBy: { code: "asc" },
    select: { code: true, name: true, level: true, parentCode: true, _count: { select: { children: true, lines: true } } },
  });
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    level: r.level as FunctionLevel,
    parentCode: r.parentCode,
    childCount: r._count.children,
    lineCount: r._count.lines,
  }));
}
