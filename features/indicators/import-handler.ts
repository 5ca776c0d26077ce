/** 导入绩效指标, given the actor (null = anonymous): testable without a request. */
import type { Actor } from "@/lib/actor";
import { versionSchema } from "@/features/projects/schema";
import { type ActionResult, BAD_VERSION } from "@/lib/action-result";
import type { PrismaClient } from "@/lib/db-client";
import type { ImportError } from "./excel/cells";
import { MAX_IMPORT_BYTES } from "./excel/columns";
import { excelFrameworkOf } from "./excel/framework";
import { parseIndicatorWorkbookOffloaded } from "./excel/offloaded";
import { importTarget } from "./import-target";
import { saveIndicators } from "./mutations";

/** At most this many errors travel back to the browser (the message gives the full count). */
const MAX_LISTED_ERRORS = 1_000;

export type ImportIndicatorsFailure = {
  ok: false;
  reason: "invalid";
  message: string;
  /** The problems found, by cell (the first MAX_LISTED_ERRORS of `errorCount`). */
  errors: ImportError[];
  errorCount: number;
};

export type ImportIndicatorsResult = ActionResult<{ version: number; imported: number }> | ImportIndicatorsFailure;

const invalidFile = (errors: ImportError[]): ImportIndicatorsFailure => ({
  ok: false,
  reason: "invalid",
  message: `导入失败：共${errors.length}处错误，未导入任何数据`,
  errors: errors.slice(0, MAX_LISTED_ERRORS),
  errorCount: errors.length,
});

/**
 * 导入绩效指标: replaces the project's whole indicator table with the rows of an uploaded .xlsx
 * (a `File`). Nothing is written unless the whole file is valid. See projects/handlers.ts.
 */
export async function importIndicatorsHandler(
  prisma: PrismaClient,
  actor: Actor | null,
  projectId: unknown,
  version: unknown,
  file: unknown,
): Promise<ImportIndicatorsResult> {
  const target = await importTarget(prisma, actor, projectId);
  if (target.refused) return target.refused;
  const v = versionSchema.safeParse(version);
  if (!v.success) return BAD_VERSION;

  if (!(file instanceof File) || file.size === 0) return { ok: false, reason: "invalid", message: "请选择要导入的 Excel（.xlsx）文件" };
  if (file.size > MAX_IMPORT_BYTES) return invalidFile([{ row: 0, column: "", cell: "", message: "文件超过5 MB，请删除无关内容或分批导入" }]);

  const parsed = await parseIndicatorWorkbookOffloaded(Buffer.from(await file.arrayBuffer()), excelFrameworkOf(target.framework));
  if (!parsed.ok) return invalidFile(parsed.errors);

  const result = await saveIndicators(prisma, target.actor, target.projectId, v.data, parsed.rows);
  if (!result.ok) return result;
  return { ok: true, version: result.version, imported: parsed.rows.length };
}
