/**
 * Reference data every installation needs: indicator frameworks (as data, so old
 * reports keep the framework they used) and the 支出功能分类 codes the seed uses.
 * Upserted by natural keys: running it again changes nothing.
 */
import type { TxClient } from "../../lib/db-client";
import { IndicatorCategory } from "../../lib/generated/prisma/enums";
import { z } from "../../lib/zod";
import reference from "./reference.json";

const Framework = z.object({
  code: z.string(),
  name: z.string(),
  description: z.string(),
  level1: z.array(z.object({ name: z.string(), category: z.enum(IndicatorCategory), points: z.number(), level2: z.array(z.string()) })),
});
const LibraryEntry = z.object({
  level1: z.string(),
  level2: z.string(),
  name: z.string(),
  nature: z.enum(["EQ", "GTE", "LTE", "QUALITATIVE"]),
  unit: z.string().optional(),
  targetText: z.string().optional(),
});

/**
 * The data itself is reference.json, read through this schema (a mistyped category or nature fails
 * the seed at once): the indicator frameworks (财预〔2021〕101号, 财预〔2020〕10号 and its variant, the
 * 广元 2020 local template), each framework's common third-level indicators (指标库) offered when
 * filling in, and the 2020 支出功能分类科目 the seed uses (类 → 款 → 项; admins can add more).
 */
const REFERENCE = z
  .object({ frameworks: z.array(Framework), library: z.record(z.string(), z.array(LibraryEntry)), functionClasses: z.array(z.object({ code: z.string(), name: z.string() })) })
  .parse(reference);

export const FRAMEWORKS = REFERENCE.frameworks;
export const LIBRARY = REFERENCE.library;
export const FUNCTION_CLASSES = REFERENCE.functionClasses;

export function functionLevel(code: string): { level: number; parentCode: string | null } {
  if (!/^\d+$/.test(code)) throw new Error(`功能分类科目编码只能包含数字: ${code}`);
  if (code.length === 3) return { level: 1, parentCode: null };
  if (code.length === 5) return { level: 2, parentCode: code.slice(0, 3) };
  if (code.length === 7) return { level: 3, parentCode: code.slice(0, 5) };
  throw new Error(`功能分类科目编码应为3、5或7位数字: ${code}`);
}

export async function seedReferenceData(tx: TxClient) {
  for (const f of FRAMEWORKS) {
    const framework = await tx.indicatorFramework.upsert({
      where: { code: f.code },
      create: { code: f.code, name: f.name, description: f.description },
      update: {},
    });
    for (const [i, l1] of f.level1.entries()) {
      const level1 = await tx.frameworkLevel1.upsert({
        where: { frameworkId_name: { frameworkId: framework.id, name: l1.name } },
        create: { frameworkId: framework.id, name: l1.name, category: l1.category, points: l1.points, sortOrder: i },
        update: {},
      });
      for (const [j, name] of l1.level2.entries()) {
        await tx.frameworkLevel2.upsert({
          where: { level1Id_name: { level1Id: level1.id, name } },
          create: { level1Id: level1.id, name, sortOrder: j },
          update: {},
        });
      }
    }
  }
  for (const [code, items] of Object.entries(LIBRARY)) {
    const framework = await tx.indicatorFramework.findUniqueOrThrow({ where: { code }, include: { level1: { include: { level2: true } } } });
    for (const [i, item] of items.entries()) {
      const level2 = framework.level1.find((l) => l.name === item.level1)?.level2.find((l) => l.name === item.level2);
      if (!level2) throw new Error(`指标库条目的类别不存在：${code} ${item.level1}/${item.level2}`);
      await tx.libraryIndicator.upsert({
        where: { level2Id_name: { level2Id: level2.id, name: item.name } },
        create: { level2Id: level2.id, name: item.name, nature: item.nature, unit: item.unit ?? null, targetText: item.targetText ?? null, sortOrder: i },
        update: {},
      });
    }
  }
  for (const fc of FUNCTION_CLASSES) {
    const { level, parentCode } = functionLevel(fc.code);
    await tx.functionClass.upsert({
      where: { code: fc.code },
      create: { code: fc.code, name: fc.name, level, parentCode },
      update: {},
    });
  }
}
