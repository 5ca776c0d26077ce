/**
 * The Prisma selection of an indicator framework's 一级 → 二级 tree, in its order: each 一级 with its
 * category and points, each 二级 with `library` — what the caller needs of its 指标库 (the editor
 * the live items, the admin page every item).
 */
export function frameworkLevels<const L extends object>(library: L) {
  return {
    orderBy: { sortOrder: "asc" },
    select: { id: true, name: true, category: true, points: true, level2: { orderBy: { sortOrder: "asc" }, select: { id: true, name: true, library } } },
  } as const;
}
