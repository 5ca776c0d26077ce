/**
 * What the final-accounts server actions do, given the actor (null = anonymous):
 * check the permission, validate with the shared zod schema, run the mutation.
 */
import { checkPermission } from "@/features/auth/guard";
import type { Actor } from "@/lib/actor";
import { BAD_VERSION, type ActionResult, invalid } from "@/lib/action-result";
import type { PrismaClient } from "@/lib/db-client";
import { isFiscalYear } from "@/lib/fiscal-year";
import { saveFinalAccounts, startFinalAccounts } from "./mutations";
import { finalAccountsSchema, versionSchema } from "./schema";

export async function startFinalAccountsHandler(
  prisma: PrismaClient,
  actor: Actor | null,
  departmentId: unknown,
  year: unknown,
): Promise<ActionResult<{ departmentYearId: string; reportId: string }>> {
  const auth = checkPermission(actor, "finalAccounts.write");
  if ("refusal" in auth) return auth.refusal;
  if (typeof departmentId !== "string" || !isFiscalYear(year)) return { ok: false, reason: "invalid", message: "部门或年度无效" };
  return startFinalAccounts(prisma, auth.actor, departmentId, year);
}

export async function saveFinalAccountsHandler(
  prisma: PrismaClient,
  actor: Actor | null,
  departmentYearId: unknown,
  version: unknown,
  input: unknown,
): Promise<ActionResult<{ version: number; changes: number }>> {
  const auth = checkPermission(actor, "finalAccounts.write");
  if ("refusal" in auth) return auth.refusal;
  if (typeof departmentYearId !== "string") return { ok: false, reason: "not_found", message: "该部门该年度的决算不存在" };
  const v = versionSchema.safeParse(version);
  if (!v.success) return BAD_VERSION;
  const parsed = finalAccountsSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return saveFinalAccounts(prisma, auth.actor, departmentYearId, v.data, parsed.data);
}
