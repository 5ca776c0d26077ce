"use server";

import { revalidatePath } from "next/cache";
import { authorize } from "@/features/auth/session";
import { projectReadScope } from "@/features/projects/access";
import { REFUSAL_MESSAGES } from "@/features/projects/mutations";
import { versionSchema } from "@/features/projects/schema";
import { type ActionResult, invalid } from "@/lib/action-result";
import { db } from "@/lib/db";
import { frameworkShapeOfProject } from "./data";
import { saveIndicators } from "./mutations";
import { indicatorTableSchema } from "./schema";

export async function saveIndicatorsAction(projectId: string, version: number, input: unknown): Promise<ActionResult<{ version: number }>> {
  const auth = await authorize("project.write");
  if ("refusal" in auth) return auth.refusal;
  const visible = await db().project.findFirst({ where: { id: projectId, ...projectReadScope(auth.actor) }, select: { id: true } });
  if (!visible) return { ok: false, reason: "not_found", message: REFUSAL_MESSAGES.not_found };
  const framework = await frameworkShapeOfProject(projectId);
  if (!framework) return { ok: false, reason: "not_found", message: REFUSAL_MESSAGES.not_found };
  const parsed = indicatorTableSchema(framework).safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const v = versionSchema.safeParse(version);
  if (!v.success) return { ok: false, message: "版本号无效，请重新加载页面" };
  const result = await saveIndicators(db(), auth.actor, projectId, v.data, parsed.data.rows);
  if (result.ok) revalidatePath(`/projects/${projectId}`);
  return result;
}
