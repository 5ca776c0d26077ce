import type { Db } from "@/lib/db-client";
import type { FrameworkShape } from "./schema";

/** The framework a project uses, in the shape the table schema checks against. */
export async function frameworkShapeOfProject(client: Db, projectId: string): Promise<FrameworkShape | null> {
  const p = await client.project.findUnique({
    where: { id: projectId },
    select: {
      framework: {
        select: {
          budgetExecutionPoints: true,
          level1: { orderBy: { sortOrder: "asc" }, select: { id: true, name: true, category: true, points: true, level2: { select: { id: true } } } },
        },
      },
    },
  });
  if (!p) return null;
  return {
    budgetExecutionPoints: p.framework.budgetExecutionPoints.toString(),
    groups: p.framework.level1.map((g) => ({ id: g.id, name: g.name, category: g.category, points: g.points.toString(), level2Ids: g.level2.map((x) => x.id) })),
  };
}
