"use server";

import { revalidatePath } from "next/cache";
import { authorize } from "@/features/auth/session";
import { type ActionResult, invalid } from "@/lib/action-result";
import { db } from "@/lib/db";
import { copyProjectToYear, createProject, updateProject } from "./mutations";
import { projectSchema, versionSchema } from "./schema";

export async function createProjectAction(year: number, input: unknown): Promise<ActionResult<{ id: string }>> {
  const auth = await authorize("project.write");
  if ("refusal" in auth) return auth.refusal;
  const parsed = projectSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  if (!Number.isInteger(year)) return { ok: false, message: "年度无效" };
  const result = await createProject(db(), auth.actor, year, parsed.data);
  if (result.ok) revalidatePath("/projects");
  return result;
}

export async function updateProjectAction(id: string, version: number, input: unknown): Promise<ActionResult<{ version: number }>> {
  const auth = await authorize("project.write");
  if ("refusal" in auth) return auth.refusal;
  const parsed = projectSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const v = versionSchema.safeParse(version);
  if (!v.success) return { ok: false, message: "版本号无效，请重新加载页面" };
  const result = await updateProject(db(), auth.actor, id, v.data, parsed.data);
  if (result.ok) revalidatePath(`/projects/${id}`);
  return result;
}

export async function copyProjectAction(sourceId: string, targetYear: number): Promise<ActionResult<{ id: string }>> {
  const auth = await authorize("project.write");
  if ("refusal" in auth) return auth.refusal;
  if (!Number.isInteger(targetYear)) return { ok: false, message: "年度无效" };
  const result = await copyProjectToYear(db(), auth.actor, sourceId, targetYear);
  if (result.ok) revalidatePath("/projects");
  return result;
}
