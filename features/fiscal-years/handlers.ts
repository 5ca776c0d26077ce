/** Fiscal-year admin actions given the actor (null = anonymous): permission, validation, mutation. */
import { checkPermission } from "@/features/auth/guard";
import type { Actor } from "@/lib/actor";
import { type ActionResult, invalid } from "@/lib/action-result";
import type { PrismaClient } from "@/lib/db-client";
import { openFiscalYear, setDepartmentReview, setFiscalYearStatus, updateFiscalYear } from "./mutations";
import { departmentReviewSchema, openYearSchema, reopenYearSchema, updateYearSchema, versionSchema } from "./schema";

const BAD: ActionResult<never> = { ok: false, reason: "invalid", message: "年度或版本号无效，请刷新页面" };

export async function openYearHandler(prisma: PrismaClient, actor: Actor | null, input: unknown): Promise<ActionResult<{ year: number }>> {
  const auth = checkPermission(actor, "year.manage");
  if ("refusal" in auth) return auth.refusal;
  const parsed = openYearSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return openFiscalYear(prisma, auth.actor, parsed.data);
}

export async function updateYearHandler(prisma: PrismaClient, actor: Actor | null, year: unknown, version: unknown, input: unknown): Promise<ActionResult<{ version: number }>> {
  const auth = checkPermission(actor, "year.manage");
  if ("refusal" in auth) return auth.refusal;
  const v = versionSchema.safeParse(version);
  if (typeof year !== "number" || !v.success) return BAD;
  const parsed = updateYearSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return updateFiscalYear(prisma, auth.actor, year, v.data, parsed.data);
}

export async function closeYearHandler(prisma: PrismaClient, actor: Actor | null, year: unknown, version: unknown): Promise<ActionResult<{ version: number }>> {
  const auth = checkPermission(actor, "year.manage");
  if ("refusal" in auth) return auth.refusal;
  const v = versionSchema.safeParse(version);
  if (typeof year !== "number" || !v.success) return BAD;
  return setFiscalYearStatus(prisma, auth.actor, year, v.data, "CLOSED", "");
}

export async function reopenYearHandler(prisma: PrismaClient, actor: Actor | null, year: unknown, version: unknown, input: unknown): Promise<ActionResult<{ version: number }>> {
  const auth = checkPermission(actor, "year.manage");
  if ("refusal" in auth) return auth.refusal;
  const v = versionSchema.safeParse(version);
  if (typeof year !== "number" || !v.success) return BAD;
  const parsed = reopenYearSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return setFiscalYearStatus(prisma, auth.actor, year, v.data, "OPEN", parsed.data.reason);
}

export async function departmentReviewHandler(prisma: PrismaClient, actor: Actor | null, year: unknown, version: unknown, input: unknown): Promise<ActionResult<{ version: number }>> {
  const auth = checkPermission(actor, "year.manage");
  if ("refusal" in auth) return auth.refusal;
  const v = versionSchema.safeParse(version);
  if (typeof year !== "number" || !v.success) return BAD;
  const parsed = departmentReviewSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return setDepartmentReview(prisma, auth.actor, year, v.data, parsed.data.departmentReview);
}
