/**
 * Indicator frameworks are data and versioned. A copy (local variant or new version)
 * duplicates the 一级/二级 structure and the 指标库. A framework that any project uses
 * never changes: its structure is frozen and the admin makes a new version
 * (CY-2021-101 → CY-2021-101-v2) to edit. The 指标库 is only a list of suggestions,
 * so its items can be added, edited and retired at any time. Every write is one
 * transaction with its audit row.
 */
import { writeAudit } from "@/features/audit/mutations";
import { lockRow } from "@/lib/row-lock";
import type { Actor } from "@/lib/actor";
import { type ActionResult, refusal } from "@/lib/action-result";
import type { PrismaClient, TxClient } from "@/lib/db-client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { LibraryItemValues, StructureValues } from "./schema";

const refuse = refusal;
const notFound = refuse("not_found", "指标体系不存在，请刷新页面");
const isUnique = (e: unknown) => e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";

async function lockFramework(tx: TxClient, id: string) {
  if (!(await lockRow(tx, "IndicatorFramework", "id", id))) return null;
  return tx.indicatorFramework.findUnique({ where: { id }, select: { id: true, code: true, name: true, version: true } });
}

/** How many projects use the framework (then it cannot change). */
export async function projectsUsing(tx: Pick<TxClient, "project">, frameworkId: string) {
  return tx.project.count({ where: { frameworkId } });
}

export const inUseMessage = (name: string, count: number) =>
  `指标体系“${name}”已有 ${count} 个项目使用，不能修改（已填报的指标表须保持原样）。请点击“生成新版本”，在新版本中修改，再在财政年度中选用新版本`;

/** Duplicates structure and library of `sourceId` into a new framework. */
async function duplicate(tx: TxClient, sourceId: string, data: { code: string; name: string; description?: string }) {
  const source = await tx.indicatorFramework.findUniqueOrThrow({
    where: { id: sourceId },
    include: { level1: { orderBy: { sortOrder: "asc" }, include: { level2: { orderBy: { sortOrder: "asc" }, include: { library: { orderBy: { sortOrder: "asc" } } } } } } },
  });
  const created = await tx.indicatorFramework.create({
    data: { code: data.code, name: data.name, description: data.description ?? source.description, budgetExecutionPoints: source.budgetExecutionPoints, basedOnId: source.id },
  });
  for (const l1 of source.level1) {
    const n1 = await tx.frameworkLevel1.create({ data: { frameworkId: created.id, name: l1.name, category: l1.category, points: l1.points, sortOrder: l1.sortOrder } });
    for (const l2 of l1.level2) {
      await tx.frameworkLevel2.create({
        data: {
          level1Id: n1.id,
          name: l2.name,
          sortOrder: l2.sortOrder,
          library: {
            create: l2.library.map((x) => ({ name: x.name, nature: x.nature, unit: x.unit, targetText: x.targetText, description: x.description, sortOrder: x.sortOrder, retiredAt: x.retiredAt })),
          },
        },
      });
    }
  }
  return { source, created };
}

export async function copyFramework(prisma: PrismaClient, actor: Actor, sourceId: string, v: { code: string; name: string }): Promise<ActionResult<{ id: string }>> {
  try {
    return await prisma.$transaction(async (tx) => {
      if (!(await tx.indicatorFramework.findUnique({ where: { id: sourceId }, select: { id: true } }))) return notFound;
      if (await tx.indicatorFramework.findUnique({ where: { code: v.code }, select: { id: true } })) return refuse("duplicate", `编码 ${v.code} 已被使用，请换一个`, "code");
      const { source, created } = await duplicate(tx, sourceId, v);
      await writeAudit(tx, {
        actor,
        action: "framework.copy",
        entityType: "IndicatorFramework",
        entityId: created.id,
        comment: `由“${source.name}”复制为“${v.name}”（${v.code}）`,
        data: { from: source.id, code: v.code },
      });
      return { ok: true as const, id: created.id };
    });
  } catch (e) {
    if (isUnique(e)) return refuse("duplicate", `编码 ${v.code} 已被使用，请换一个`, "code");
    throw e;
  }
}

/** CY-2021-101 → CY-2021-101-v2 → …-v3: the next free version code of a framework's line. */
export async function newFrameworkVersion(prisma: PrismaClient, actor: Actor, id: string): Promise<ActionResult<{ id: string; code: string }>> {
  return prisma.$transaction(async (tx) => {
    const current = await lockFramework(tx, id);
    if (!current) return notFound;
    const base = current.code.replace(/-v\d+$/, "");
    const baseName = current.name.replace(/（第\d+版）$/, "");
    const siblings = await tx.indicatorFramework.findMany({ where: { code: { startsWith: `${base}-v` } }, select: { code: true } });
    const taken = siblings.map((s) => Number(/-v(\d+)$/.exec(s.code)?.[1] ?? 0));
    const n = Math.max(1, ...taken) + 1;
    const code = `${base}-v${n}`;
    const { created } = await duplicate(tx, id, { code, name: `${baseName}（第${n}版）` });
    await writeAudit(tx, {
      actor,
      action: "framework.new_version",
      entityType: "IndicatorFramework",
      entityId: created.id,
      comment: `“${current.name}”（${current.code}）的新版本 ${code}`,
      data: { from: id, code },
    });
    return { ok: true as const, id: created.id, code };
  });
}

export async function updateFrameworkStructure(prisma: PrismaClient, actor: Actor, id: string, version: number, v: StructureValues): Promise<ActionResult<{ version: number }>> {
  try {
    return await prisma.$transaction(async (tx) => {
      const current = await lockFramework(tx, id);
      if (!current) return notFound;
      if (current.version !== version) return refuse("stale", "该指标体系刚被其他管理员修改，请刷新页面后再修改");
      const used = await projectsUsing(tx, id);
      if (used > 0) return refuse("in_use", inUseMessage(current.name, used));
      const before = await tx.frameworkLevel1.findMany({ where: { frameworkId: id }, orderBy: { sortOrder: "asc" }, include: { level2: { orderBy: { sortOrder: "asc" } } } });
      const keep1 = new Set(v.level1.map((l) => l.id).filter((x): x is string => !!x && before.some((b) => b.id === x)));
      await tx.frameworkLevel1.deleteMany({ where: { frameworkId: id, id: { notIn: [...keep1] } } });
      // Names are unique per framework: park the kept rows under temporary names first.
      for (const l1 of before.filter((b) => keep1.has(b.id))) await tx.frameworkLevel1.update({ where: { id: l1.id }, data: { name: `__${l1.id}` } });
      for (const [i, l1] of v.level1.entries()) {
        const row = l1.id && keep1.has(l1.id)
          ? await tx.frameworkLevel1.update({ where: { id: l1.id }, data: { name: l1.name, category: l1.category, points: l1.points, sortOrder: i } })
          : await tx.frameworkLevel1.create({ data: { frameworkId: id, name: l1.name, category: l1.category, points: l1.points, sortOrder: i } });
        const old2 = before.find((b) => b.id === row.id)?.level2 ?? [];
        const keep2 = new Set(l1.level2.map((x) => x.id).filter((x): x is string => !!x && old2.some((o) => o.id === x)));
        await tx.frameworkLevel2.deleteMany({ where: { level1Id: row.id, id: { notIn: [...keep2] } } });
        for (const o of old2.filter((o) => keep2.has(o.id))) await tx.frameworkLevel2.update({ where: { id: o.id }, data: { name: `__${o.id}` } });
        for (const [j, l2] of l1.level2.entries()) {
          if (l2.id && keep2.has(l2.id)) await tx.frameworkLevel2.update({ where: { id: l2.id }, data: { name: l2.name, sortOrder: j } });
          else await tx.frameworkLevel2.create({ data: { level1Id: row.id, name: l2.name, sortOrder: j } });
        }
      }
      await tx.indicatorFramework.update({
        where: { id },
        data: { name: v.name, description: v.description, budgetExecutionPoints: v.budgetExecutionPoints, version: { increment: 1 } },
      });
      await writeAudit(tx, {
        actor,
        action: "framework.update",
        entityType: "IndicatorFramework",
        entityId: id,
        comment: `${v.name}：预算执行率${v.budgetExecutionPoints}分；${v.level1.map((l) => `${l.name}${l.points}分（${l.level2.map((x) => x.name).join("、")}）`).join("；")}`,
        data: {
          before: before.map((b) => ({ name: b.name, points: b.points.toString(), level2: b.level2.map((x) => x.name) })),
          after: v.level1.map((l) => ({ name: l.name, points: l.points, level2: l.level2.map((x) => x.name) })),
        },
      });
      return { ok: true as const, version: version + 1 };
    });
  } catch (e) {
    if (isUnique(e)) return refuse("duplicate", "一级或二级指标名称重复，请检查");
    throw e;
  }
}

/** The 二级 the item belongs to must be of the framework being edited. */
async function level2Of(tx: TxClient, frameworkId: string, level2Id: string) {
  return tx.frameworkLevel2.findFirst({ where: { id: level2Id, level1: { frameworkId } }, select: { id: true, name: true, level1: { select: { name: true } } } });
}

export async function saveLibraryItem(
  prisma: PrismaClient,
  actor: Actor,
  frameworkId: string,
  itemId: string | null,
  v: LibraryItemValues,
): Promise<ActionResult<{ id: string }>> {
  try {
    return await prisma.$transaction(async (tx) => {
      const l2 = await level2Of(tx, frameworkId, v.level2Id);
      if (!l2) return refuse("invalid", "所选二级指标不属于该指标体系，请刷新页面", "level2Id");
      const data = { level2Id: l2.id, name: v.name, nature: v.nature, unit: v.unit || null, targetText: v.targetText || null, description: v.description };
      let id: string;
      if (itemId) {
        const existing = await tx.libraryIndicator.findFirst({ where: { id: itemId, level2: { level1: { frameworkId } } } });
        if (!existing) return refuse("not_found", "指标库条目不存在，请刷新页面");
        await tx.libraryIndicator.update({ where: { id: itemId }, data });
        id = itemId;
      } else {
        const count = await tx.libraryIndicator.count({ where: { level2Id: l2.id } });
        id = (await tx.libraryIndicator.create({ data: { ...data, sortOrder: count } })).id;
      }
      await writeAudit(tx, {
        actor,
        action: itemId ? "library.update" : "library.create",
        entityType: "LibraryIndicator",
        entityId: id,
        comment: `${l2.level1.name}/${l2.name}/${v.name}`,
        data: { frameworkId, ...data },
      });
      return { ok: true as const, id };
    });
  } catch (e) {
    if (isUnique(e)) return refuse("duplicate", `该二级指标下已有“${v.name}”`, "name");
    throw e;
  }
}

export async function setLibraryItemRetired(prisma: PrismaClient, actor: Actor, frameworkId: string, itemId: string, retired: boolean): Promise<ActionResult> {
  return prisma.$transaction(async (tx) => {
    const item = await tx.libraryIndicator.findFirst({ where: { id: itemId, level2: { level1: { frameworkId } } }, select: { id: true, name: true, retiredAt: true } });
    if (!item) return refuse("not_found", "指标库条目不存在，请刷新页面");
    if (!!item.retiredAt === retired) return { ok: true as const };
    await tx.libraryIndicator.update({ where: { id: itemId }, data: { retiredAt: retired ? new Date() : null } });
    await writeAudit(tx, { actor, action: retired ? "library.retire" : "library.restore", entityType: "LibraryIndicator", entityId: itemId, comment: item.name, data: { frameworkId } });
    return { ok: true as const };
  });
}

/** Adds or updates (by 二级 + name) the parsed rows of an .xlsx, all or nothing. */
export async function importLibraryItems(
  prisma: PrismaClient,
  actor: Actor,
  frameworkId: string,
  rows: (Omit<LibraryItemValues, "level2Id"> & { level2Id: string })[],
): Promise<ActionResult<{ created: number; updated: number }>> {
  return prisma.$transaction(async (tx) => {
    let created = 0;
    let updated = 0;
    for (const r of rows) {
      const data = { name: r.name, nature: r.nature, unit: r.unit || null, targetText: r.targetText || null, description: r.description };
      const existing = await tx.libraryIndicator.findUnique({ where: { level2Id_name: { level2Id: r.level2Id, name: r.name } } });
      if (existing) {
        await tx.libraryIndicator.update({ where: { id: existing.id }, data: { ...data, retiredAt: null } });
        updated++;
      } else {
        const count = await tx.libraryIndicator.count({ where: { level2Id: r.level2Id } });
        await tx.libraryIndicator.create({ data: { ...data, level2Id: r.level2Id, sortOrder: count } });
        created++;
      }
    }
    await writeAudit(tx, { actor, action: "library.import", entityType: "IndicatorFramework", entityId: frameworkId, comment: `导入指标库：新增 ${created} 条，更新 ${updated} 条`, data: { created, updated } });
    return { ok: true as const, created, updated };
  });
}
