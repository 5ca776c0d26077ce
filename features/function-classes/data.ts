import "server-only";
import { db } from "@/lib/db";
import type { Db } from "@/lib/db-client";
import type { FunctionLevel } from "./schema";

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
