/** Framework admin actions given the actor (null = anonymous): permission, validation, mutation. */
import { checkPermission } from "@/features/auth/guard";
import type { Actor } from "@/lib/actor";
import { type ActionResult, invalid } from "@/lib/action-result";
import type { PrismaClient } from "@/lib/db-client";
import type { ImportError } from "@/features/indicators/excel/cells";
import { parseLibraryWorkbookOffloaded } from "./library-excel";
import { copyFramework, importLibraryItems, newFrameworkVersion, saveLibraryItem, setLibraryItemRetired, updateFrameworkStructure } from "./mutations";
import { copyFrameworkSchema, libraryItemSchema, structureSchema } from "./schema";

const BAD_ID: ActionResult<never> = { ok: false, reason: "invalid", message: "参数无效，请刷新页面" };
const str = (x: unknown): x is string => typeof x === "string" && x.length > 0 && x.length < 100;

export async function copyFrameworkHandler(prisma: PrismaClient, actor: Actor | null, sourceId: unknown, input: unknown) {
  const auth = checkPermission(actor, "framework.manage");
  if ("refusal" in auth) return auth.refusal;
  if (!str(sourceId)) return BAD_ID;
  const parsed = copyFrameworkSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return copyFramework(prisma, auth.actor, sourceId, parsed.data);
}

export async function newVersionHandler(prisma: PrismaClient, actor: Actor | null, id: unknown) {
  const auth = checkPermission(actor, "framework.manage");
  if ("refusal" in auth) return auth.refusal;
  if (!str(id)) return BAD_ID;
  return newFrameworkVersion(prisma, auth.actor, id);
}

export async function updateStructureHandler(prisma: PrismaClient, actor: Actor | null, id: unknown, version: unknown, input: unknown) {
  const auth = checkPermission(actor, "framework.manage");
  if ("refusal" in auth) return auth.refusal;
  if (!str(id) || typeof version !== "number") return BAD_ID;
  const parsed = structureSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error, parsed.error.issues.find((i) => i.path.length === 1 && i.path[0] === "level1")?.message);
  return updateFrameworkStructure(prisma, auth.actor, id, version, parsed.data);
}

export async function saveLibraryItemHandler(prisma: PrismaClient, actor: Actor | null, frameworkId: unknown, itemId: unknown, input: unknown) {
  const auth = checkPermission(actor, "framework.manage");
  if ("refusal" in auth) return auth.refusal;
  if (!str(frameworkId) || (itemId !== null && !str(itemId))) return BAD_ID;
  const parsed = libraryItemSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return saveLibraryItem(prisma, auth.actor, frameworkId, itemId, parsed.data);
}

export async function retireLibraryItemHandler(prisma: PrismaClient, actor: Actor | null, frameworkId: unknown, itemId: unknown, retired: unknown) {
  const auth = checkPermission(actor, "framework.manage");
  if ("refusal" in auth) return auth.refusal;
  if (!str(frameworkId) || !str(itemId) || typeof retired !== "boolean") return BAD_ID;
  return setLibraryItemRetired(prisma, auth.actor, frameworkId, itemId, retired);
}

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
