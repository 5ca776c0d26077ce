import type { Db } from "@/lib/db-client";

/** A selectable 项 code with its 类 and 款, for pickers, labels and by-类 totals. */
export type ItemCode = { code: string; name: string; classCode: string; className: string; subclassName: string };

/**
 * Every 项 (7-digit) code with its 类 and 款, sorted by code, e.g.
 * `{ code: "2011001", name: "行政运行", classCode: "201", className: "一般公共服务支出", subclassName: "人力资源事务" }`.
 * These are the codes an ExpenditureLine may use. Takes any client (a transaction included).
 */
export async function listItemCodes(prisma: Db): Promise<ItemCode[]> {
  const items = await prisma.functionClass.findMany({
    where: { level: 3 },
    orderBy: { code: "asc" },
    select: { code: true, name: true, parent: { select: { name: true, parent: { select: { code: true, name: true } } } } },
  });
  return items.map((i) => ({
    code: i.code,
    name: i.name,
    classCode: i.parent?.parent?.code ?? i.code.slice(0, 3),
    className: i.parent?.parent?.name ?? "",
    subclassName: i.parent?.name ?? "",
  }));
}
