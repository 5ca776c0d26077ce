/**
 * 导入自评表（全国格式）in two steps, both given the actor: preview (parse, nothing
 * written) and import (parse the same file again and save, all or nothing). The file
 * travels twice rather than being kept anywhere between the steps.
 */
import { versionSchema } from "@/features/projects/schema";
import type { Actor } from "@/lib/actor";
import { type ActionResult, BAD_VERSION } from "@/lib/action-result";
import type { PrismaClient } from "@/lib/db-client";
import { decimalText } from "@/lib/money";
import { MAX_UPLOAD_BYTES, type ImportError } from "./excel/cells";
import type { NationalFramework, NationalPreview, NationalParse } from "./excel/national";
import { parseNationalSelfEvaluationOffloaded } from "./excel/offloaded";
import { importTarget } from "./import-target";
import { saveIndicators } from "./mutations";

export type NationalFailure = { ok: false; reason: "invalid_file"; message: string; errors: ImportError[] };
export type NationalPreviewResult = { ok: true; preview: NationalPreview } | NationalFailure | (ActionResult<never> & { ok: false });
export type NationalImportResult = ActionResult<{ version: number; imported: number }> | NationalFailure;

type Refused = { ok: false; message: string; reason?: string };
type Prepared = { refused: Refused } | { refused: null; actor: Actor; parsed: NationalParse };

async function prepare(prisma: PrismaClient, actor: Actor | null, projectId: unknown, file: unknown): Promise<Prepared> {
  const target = await importTarget(prisma, actor, projectId);
  if (target.refused) return { refused: target.refused };
  if (!(file instanceof Blob) || file.size === 0) return { refused: { ok: false as const, reason: "invalid", message: "请选择要导入的自评表（.xlsx）" } };
  if (file.size > MAX_UPLOAD_BYTES) return { refused: { ok: false as const, reason: "invalid", message: "文件超过5 MB，请删除无关内容后再导入" } };
  const framework: NationalFramework = {
    budgetExecutionPoints: decimalText(target.framework.budgetExecutionPoints),
    groups: target.framework.level1.map((g) => ({ id: g.id, name: g.name, category: g.category, points: decimalText(g.points), level2Ids: g.level2.map((x) => x.id), level2: g.level2 })),
  };
  const parsed = await parseNationalSelfEvaluationOffloaded(Buffer.from(await file.arrayBuffer()), framework);
  return { refused: null, actor: target.actor, parsed };
}

const failure = (errors: ImportError[]): NationalFailure => ({ ok: false, reason: "invalid_file", message: `自评表有 ${errors.length} 处问题，未导入任何数据`, errors: errors.slice(0, 1000) });

export async function previewNationalHandler(prisma: PrismaClient, actor: Actor | null, projectId: unknown, file: unknown): Promise<NationalPreviewResult> {
  const p = await prepare(prisma, actor, projectId, file);
  if (p.refused) return p.refused;
  if (!p.parsed.ok) return failure(p.parsed.errors);
  return { ok: true, preview: p.parsed.preview };
}

export async function importNationalHandler(prisma: PrismaClient, actor: Actor | null, projectId: unknown, version: unknown, file: unknown): Promise<NationalImportResult> {
  const v = versionSchema.safeParse(version);
  if (!v.success) return BAD_VERSION;
  const p = await prepare(prisma, actor, projectId, file);
  if (p.refused) return p.refused;
  if (!p.parsed.ok) return failure(p.parsed.errors);
  const saved = await saveIndicators(prisma, p.actor, projectId as string, v.data, p.parsed.rows);
  if (!saved.ok) return saved;
  return { ok: true, version: saved.version, imported: p.parsed.rows.length };
}
