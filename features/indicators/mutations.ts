/**
 * Saves a project's whole indicator table in one transaction: rows keep their ids
 * (reviewer comments point at them), new rows are created, removed rows deleted, and
 * the project's version guards against overwriting someone else's save.
 */
import { writeAudit } from "@/features/audit/mutations";
import type { Actor } from "@/features/projects/access";
import { guardProjectEdit, type MutationResult } from "@/features/projects/mutations";
import type { PrismaClient } from "@/lib/db-client";
import type { IndicatorRow } from "./schema";

const orNull = (s: string) => (s === "" ? null : s);

export function indicatorData(r: IndicatorRow, sortOrder: number) {
  return {
    sortOrder,
    level1Id: r.level1Id,
    level2Id: r.level2Id,
    name: r.name,
    nature: r.nature,
    targetValue: r.nature === "QUALITATIVE" ? null : orNull(r.targetValue),
    unit: orNull(r.unit),
    targetText: r.targetText,
    actualValue: r.nature === "QUALITATIVE" ? null : orNull(r.actualValue),
    actualText: r.actualText,
    weight: orNull(r.weight),
    manualScore: r.nature === "QUALITATIVE" ? orNull(r.manualScore) : null,
    applicable: r.applicable,
    deviationReason: r.deviationReason,
  };
}

export async function saveIndicators(
  prisma: PrismaClient,
  actor: Actor,
  projectId: string,
  expectedVersion: number,
  rows: IndicatorRow[],
): Promise<MutationResult<{ version: number }>> {
  return prisma.$transaction(
    async (tx) => {
      const refusal = await guardProjectEdit(tx, actor, projectId, expectedVersion);
      if (refusal) return refusal;
      const existing = await tx.indicator.findMany({ where: { projectId }, select: { id: true } });
      const existingIds = new Set(existing.map((e) => e.id));
      const keep = new Set(rows.map((r) => r.id).filter((id): id is string => !!id && existingIds.has(id)));
      await tx.indicator.deleteMany({ where: { projectId, id: { notIn: [...keep] } } });
      const creates = [];
      for (const [i, r] of rows.entries()) {
        const data = indicatorData(r, i);
        if (r.id && keep.has(r.id)) await tx.indicator.update({ where: { id: r.id }, data });
        else creates.push({ ...data, projectId });
      }
      if (creates.length) await tx.indicator.createMany({ data: creates });
      await tx.project.update({ where: { id: projectId }, data: { version: { increment: 1 } } });
      await writeAudit(tx, {
        actor,
        action: "project.indicators.save",
        entityType: "Project",
        entityId: projectId,
        comment: `共 ${rows.length} 项指标`,
        data: { rows: rows.length, created: creates.length, deleted: existing.length - keep.size },
      });
      return { ok: true as const, version: expectedVersion + 1 };
    },
    { timeout: 60_000 },
  );
}
