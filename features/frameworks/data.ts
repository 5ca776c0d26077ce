import "server-only";
import { db } from "@/lib/db";
import { frameworkLevels } from "@/lib/framework-select";

export async function listFrameworksAdmin() {
  const [frameworks, used] = await Promise.all([
    db().indicatorFramework.findMany({
      orderBy: { code: "asc" },
      select: {
        id: true,
        code: true,
        name: true,
        retiredAt: true,
        basedOn: { select: { code: true } },
        level1: { orderBy: { sortOrder: "asc" }, select: { name: true, points: true } },
        budgetExecutionPoints: true,
        fiscalYears: { select: { year: true } },
        alternativeForYears: { select: { year: true } },
      },
    }),
    db().project.groupBy({ by: ["frameworkId"], _count: { _all: true } }),
  ]);
  const counts = new Map(used.map((u) => [u.frameworkId, u._count._all]));
  return frameworks.map((f) => ({ ...f, projects: counts.get(f.id) ?? 0 }));
}

export async function getFrameworkAdmin(id: string) {
  const f = await db().indicatorFramework.findUnique({
    where: { id },
    select: {
      id: true,
      code: true,
      name: true,
      description: true,
      version: true,
      budgetExecutionPoints: true,
      level1: frameworkLevels({ orderBy: { sortOrder: "asc" }, select: { id: true, name: true, nature: true, unit: true, targetText: true, description: true, retiredAt: true } }),
    },
  });
  if (!f) return null;
  return { ...f, projects: await db().project.count({ where: { frameworkId: id } }) };
}
export type FrameworkAdmin = NonNullable<Awaited<ReturnType<typeof getFrameworkAdmin>>>;
