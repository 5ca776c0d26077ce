/**
 * A project switches its indicator framework (e.g. 财预〔2020〕10号 ⇄ 财预〔2021〕101号)
 * to one its fiscal year allows. Every row is moved onto the new framework's 一级 /
 * 二级 by name (see mapLevels); if any row cannot be placed, nothing changes and the
 * message names the rows to fix first. Weights stay as entered: the editor's checks
 * then show where the new framework's points differ.
 */
import { writeAudit } from "@/features/audit/mutations";
import { guardProjectEdit } from "@/features/projects/mutations";
import { mapLevels } from "@/features/projects/level-mapping";
import type { Actor } from "@/lib/actor";
import type { Db, PrismaClient } from "@/lib/db-client";
import type { MutationResult } from "@/lib/mutation-result";

/** Frameworks a project of this year may use: the year's own first, then the alternatives. */
export async function frameworksAllowedForYear(prisma: Db, year: number) {
  const fy = await prisma.fiscalYear.findUnique({
    where: { year },
    select: {
      status: true,
      framework: { select: { id: true, code: true, name: true } },
      alternativeFrameworks: { orderBy: { code: "asc" }, select: { id: true, code: true, name: true } },
    },
  });
  if (!fy) return { open: false, frameworks: [] };
  return { open: fy.status === "OPEN", frameworks: [fy.framework, ...fy.alternativeFrameworks.filter((f) => f.id !== fy.framework.id)] };
}

export async function switchProjectFramework(
  prisma: PrismaClient,
  actor: Actor,
  projectId: string,
  expectedVersion: number,
  frameworkId: string,
): Promise<MutationResult<{ version: number; moved: number }>> {
  return prisma.$transaction(async (tx) => {
    const refusal = await guardProjectEdit(tx, actor, projectId, expectedVersion);
    if (refusal) return refusal;
    const project = await tx.project.findUniqueOrThrow({
      where: { id: projectId },
      select: { year: true, framework: { select: { id: true, name: true } }, indicators: { orderBy: { sortOrder: "asc" }, select: { id: true, name: true, level1: true, level2: true } } },
    });
    if (project.framework.id === frameworkId) return { ok: true as const, version: expectedVersion, moved: 0 };
    const allowed = await frameworksAllowedForYear(tx, project.year);
    if (!allowed.open) return { ok: false as const, reason: "locked" as const, message: `${project.year}年度已关闭，不能更换指标体系` };
    const target = allowed.frameworks.find((f) => f.id === frameworkId);
    if (!target) return { ok: false as const, reason: "invalid" as const, message: `${project.year}年度不允许使用所选指标体系，请联系系统管理员` };
    const levels = await tx.frameworkLevel1.findMany({ where: { frameworkId }, select: { id: true, name: true, category: true, level2: { select: { id: true, name: true } } } });
    const moves: { id: string; level1Id: string; level2Id: string }[] = [];
    const unplaced: string[] = [];
    project.indicators.forEach((ind, i) => {
      const m = mapLevels({ level1Name: ind.level1.name, category: ind.level1.category, level2Name: ind.level2.name }, levels);
      if (m) moves.push({ id: ind.id, ...m });
      else unplaced.push(`第${i + 1}行“${ind.name}”（${ind.level1.name}/${ind.level2.name}）`);
    });
    if (unplaced.length > 0) {
      return {
        ok: false as const,
        reason: "invalid" as const,
        message: `“${target.name}”中没有与下列指标对应的一级/二级指标，请先修改这些行的一级/二级指标或删除后再更换：${unplaced.slice(0, 5).join("；")}${unplaced.length > 5 ? ` 等 ${unplaced.length} 行` : ""}`,
      };
    }
    for (const m of moves) await tx.indicator.update({ where: { id: m.id }, data: { level1Id: m.level1Id, level2Id: m.level2Id } });
    await tx.project.update({ where: { id: projectId }, data: { frameworkId, version: { increment: 1 } } });
    await writeAudit(tx, {
      actor,
      action: "project.framework.switch",
      entityType: "Project",
      entityId: projectId,
      comment: `${project.framework.name} → ${target.name}（${moves.length} 项指标随之调整）`,
      data: { from: project.framework.id, to: frameworkId, moved: moves.length },
    });
    return { ok: true as const, version: expectedVersion + 1, moved: moves.length };
  });
}
