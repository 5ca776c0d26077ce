/**
 * What the project server actions do, given the actor (null = anonymous): check the
 * permission, validate the input with the shared zod schema, run the mutation. The
 * "use server" wrappers in actions.ts add only the session and cache revalidation.
 */
import { checkPermission } from "@/features/auth/guard";
import { BAD_VERSION, type ActionResult, invalid } from "@/lib/action-result";
import type { PrismaClient } from "@/lib/db-client";
import type { Actor } from "@/lib/actor";
import { FISCAL_YEAR_MESSAGE, isFiscalYear } from "@/lib/fiscal-year";
import { copyProjectToYear, createProject, updateProject } from "./mutations";
import { projectSchema, versionSchema } from "./schema";

const BAD_YEAR = { ok: false as const, reason: "invalid", message: FISCAL_YEAR_MESSAGE };

export async function createProjectHandler(prisma: PrismaClient, actor: Actor | null, year: unknown, input: unknown): Promise<ActionResult<{ id: string }>> {
  const auth = checkPermission(actor, "project.write");
  if ("refusal" in auth) return auth.refusal;
  if (!isFiscalYear(year)) return BAD_YEAR;
  const parsed = projectSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return createProject(prisma, auth.actor, year, parsed.data);
}

export async function updateProjectHandler(
  prisma: PrismaClient,
  actor: Actor | null,
  id: unknown,
  version: unknown,
  input: unknown,
): Promise<ActionResult<{ version: number }>> {
  const auth = checkPermission(actor, "project.write");
  if ("refusal" in auth) return auth.refusal;
  if (typeof id !== "string") return { ok: false, reason: "not_found", message: "项目不存在" };
  const v = versionSchema.safeParse(version);
  if (!v.success) return BAD_VERSION;
  const parsed = projectSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return updateProject(prisma, auth.actor, id, v.data, parsed.data);
}

export async function copyProjectHandler(prisma: PrismaClient, actor: Actor | null, sourceId: unknown, targetYear: unknown): Promise<ActionResult<{ id: string }>> {
  const auth = checkPermission(actor, "project.write");
  if ("refusal" in auth) return auth.refusal;
  if (typeof sourceId !== "string") return { ok: false, reason: "not_found", message: "项目不存在" };
  if (!isFiscalYear(targetYear)) return BAD_YEAR;
  return copyProjectToYear(prisma, auth.actor, sourceId, targetYear);
}
