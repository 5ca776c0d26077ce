/** Framework admin actions given the actor (null = anonymous): permission, validation, mutation. */
import { checkPermission } from "@/features/auth/guard";
import { arg, handler } from "@/features/auth/handler";
import type { Actor } from "@/lib/actor";
import type { ActionResult } from "@/lib/action-result";
import type { z } from "@/lib/zod";
import type { PrismaClient } from "@/lib/db-client";
import type { ImportError } from "@/features/indicators/excel/cells";
import { parseLibraryWorkbookOffloaded } from "./library-excel";
import { copyFramework, importLibraryItems, newFrameworkVersion, saveLibraryItem, setLibraryItemRetired, updateFrameworkStructure } from "./mutations";
import { copyFrameworkSchema, libraryItemSchema, structureSchema } from "./schema";

const BAD_ID: ActionResult<never> = { ok: false, reason: "invalid", message: "参数无效，请刷新页面" };
const str = (x: unknown): x is string => typeof x === "string" && x.length > 0 && x.length < 100;
const id = arg.that(str, BAD_ID);
const FIRST_LEVEL_MESSAGE = (error: z.ZodError) => error.issues.find((i) => i.path.length === 1 && i.path[0] === "level1")?.message;

export const copyFrameworkHandler = handler("framework.manage", id, arg.input(copyFrameworkSchema))(copyFramework);
export const newVersionHandler = handler("framework.manage", id)(newFrameworkVersion);
export const updateStructureHandler = handler(
  "framework.manage",
  id,
  arg.that((v): v is number => typeof v === "number", BAD_ID),
  arg.input(structureSchema, FIRST_LEVEL_MESSAGE),
)(updateFrameworkStructure);
/** itemId null: a new item. */
export const saveLibraryItemHandler = handler(
  "framework.manage",
  id,
  arg.that((v): v is string | null => v === null || str(v), BAD_ID),
  arg.input(libraryItemSchema),
)(saveLibraryItem);
export const retireLibraryItemHandler = handler("framework.manage", id, id, arg.flag(BAD_ID))(setLibraryItemRetired);

export async function importLibraryHandler(
  prisma: PrismaClient,
  actor: Actor | null,
  frameworkId: unknown,
  file: unknown,
): Promise<ActionResult<{ created: number; updated: number }> | { ok: false; reason: "invalid_file"; message: string; errors: ImportError[] }> {
  const auth = checkPermission(actor, "framework.manage");
  if ("refusal" in auth) return auth.refusal;
  if (!str(frameworkId) || !(file instanceof Blob)) return BAD_ID;
  const framework = await prisma.indicatorFramework.findUnique({
    where: { id: frameworkId },
    select: { level1: { orderBy: { sortOrder: "asc" }, select: { name: true, level2: { orderBy: { sortOrder: "asc" }, select: { id: true, name: true } } } } },
  });
  if (!framework) return { ok: false, reason: "not_found", message: "指标体系不存在，请刷新页面" };
  const parsed = await parseLibraryWorkbookOffloaded(Buffer.from(await file.arrayBuffer()), framework);
  if (!parsed.ok) return { ok: false, reason: "invalid_file", message: `文件有 ${parsed.errors.length} 处问题，未导入任何条目`, errors: parsed.errors };
  return importLibraryItems(prisma, auth.actor, frameworkId, parsed.rows);
}
