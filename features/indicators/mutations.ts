/**
 * Saves a project's whole indicator table in one transaction: rows keep their ids
 * (reviewer comments point at them), new rows are created, removed rows deleted, and
 * the project's version guards against overwriting someone else's save.
 */
import { writeAudit } from "@/features/audit/mutations";
import type { Actor } from "@/lib/actor";
import type { MutationResult } from "@/lib/mutation-result";
import { guardProjectEdit } from "@/features/projects/mutations";
import { randomUUID } from "node:crypto";
import type { PrismaClient, TxClient } from "@/lib/db-client";
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

/**
 * One INSERT … ON CONFLICT over unnest()ed column arrays: a 10,000-row table is one
 * round trip instead of 10,000 (Prisma's createMany/update cost ~1 ms a row).
 */
async function upsertRows(tx: TxClient, projectId: string, rows: (ReturnType<typeof indicatorData> & { id: string })[]) {
  if (rows.length === 0) return;
  const col = <K extends keyof (typeof rows)[number]>(k: K) => rows.map((r) => r[k]);
  const text = (k: "targetValue" | "actualValue" | "weight" | "manualScore") => rows.map((r) => (r[k] == null ? null : String(r[k])));
  await tx.$executeRaw`
    INSERT INTO "Indicator" ("id", "projectId", "sortOrder", "level1Id", "level2Id", "name", "nature", "targetValue", "unit",
      "targetText", "actualValue", "actualText", "weight", "manualScore", "applicable", "deviationReason", "updatedAt")
    SELECT v."id", ${projectId}, v."sortOrder", v."level1Id", v."level2Id", v."name", v."nature"::"IndicatorNature",
      v."targetValue"::numeric, v."unit", v."targetText", v."actualValue"::numeric, v."actualText", v."weight"::numeric,
      v."manualScore"::numeric, v."applicable", v."deviationReason", now()
    FROM unnest(${col("id")}::text[], ${col("sortOrder")}::int[], ${col("level1Id")}::text[], ${col("level2Id")}::text[],
      ${col("name")}::text[], ${col("nature")}::text[], ${text("targetValue")}::text[], ${col("unit")}::text[],
      ${col("targetText")}::text[], ${text("actualValue")}::text[], ${col("actualText")}::text[], ${text("weight")}::text[],
      ${text("manualScore")}::text[], ${col("applicable")}::boolean[], ${col("deviationReason")}::text[])
      AS v("id", "sortOrder", "level1Id", "level2Id", "name", "nature", "targetValue", "unit", "targetText", "actualValue",
        "actualText", "weight", "manualScore", "applicable", "deviationReason")
    ON CONFLICT ("id") DO UPDATE SET
      "sortOrder" = EXCLUDED."sortOrder", "level1Id" = EXCLUDED."level1Id", "level2Id" = EXCLUDED."level2Id",
      "name" = EXCLUDED."name", "nature" = EXCLUDED."nature", "targetValue" = EXCLUDED."targetValue", "unit" = EXCLUDED."unit",
      "targetText" = EXCLUDED."targetText", "actualValue" = EXCLUDED."actualValue", "actualText" = EXCLUDED."actualText",
      "weight" = EXCLUDED."weight", "manualScore" = EXCLUDED."manualScore", "applicable" = EXCLUDED."applicable",
      "deviationReason" = EXCLUDED."deviationReason", "updatedAt" = now()
    WHERE "Indicator"."projectId" = ${projectId}`;
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
      // Only ids of this project's own rows are kept; anything else becomes a new row.
      const keep = new Set(rows.map((r) => r.id).filter((id): id is string => !!id && existingIds.has(id)));
      await tx.indicator.deleteMany({ where: { projectId, id: { notIn: [...keep] } } });
      const data = rows.map((r, i) => ({ ...indicatorData(r, i), id: r.id && keep.has(r.id) ? r.id : randomUUID() }));
      await upsertRows(tx, projectId, data);
      await tx.project.update({ where: { id: projectId }, data: { version: { increment: 1 } } });
      const created = data.length - keep.size;
      await writeAudit(tx, {
        actor,
        action: "project.indicators.save",
        entityType: "Project",
        entityId: projectId,
        comment: `共 ${rows.length} 项指标`,
        data: { rows: rows.length, created, deleted: existing.length - keep.size },
      });
      return { ok: true as const, version: expectedVersion + 1 };
    },
    { timeout: 60_000 },
  );
}
