/** The indicator-table save, given the actor (null = anonymous); see projects/handlers.ts. */
import { checkPermission } from "@/features/auth/guard";
import type { Actor } from "@/lib/actor";
import { projectReadScope } from "@/features/projects/access";
import { REFUSAL_MESSAGES } from "@/features/projects/mutations";
import { versionSchema } from "@/features/projects/schema";
import { type ActionResult, invalid } from "@/lib/action-result";
import type { PrismaClient } from "@/lib/db-client";
import { frameworkShapeOfProject } from "./framework-shape";
import { switchProjectFramework } from "./framework-switch";
import { saveIndicators } from "./mutations";
import { indicatorTableSchema } from "./schema";

export async function saveIndicatorsHandler(
  prisma: PrismaClient,
  actor: Actor | null,
  projectId: unknown,
  version: unknown,
  input: unknown,
): Promise<ActionResult<{ version: number }>> {
  const auth = checkPermission(actor, "project.write");
  if ("refusal" in auth) return auth.refusal;
  const notFound = { ok: false as const, reason: "not_found", message: REFUSAL_MESSAGES.not_found };
  if (typeof projectId !== "string") return notFound;
  const visible = await prisma.project.findFirst({ where: { id: projectId, ...projectReadScope(auth.actor) }, select: { id: true } });
  if (!visible) return notFound;
  const framework = await frameworkShapeOfProject(prisma, projectId);
  if (!framework) return notFound;
  const v = versionSchema.safeParse(version);
  if (!v.success) return { ok: false, reason: "invalid", message: "版本号无效，请重新加载页面" };
  const parsed = indicatorTableSchema(framework).safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return saveIndicators(prisma, auth.actor, projectId, v.data, parsed.data.rows);
}

export async function switchFrameworkHandler(
  prisma: PrismaClient,
  actor: Actor | null,
  projectId: unknown,
  version: unknown,
  frameworkId: unknown,
): Promise<ActionResult<{ version: number; moved: number }>> {
  const auth = checkPermission(actor, "project.write");
  if ("refusal" in auth) return auth.refusal;
  const notFound = { ok: false as const, reason: "not_found", message: REFUSAL_MESSAGES.not_found };
  if (typeof projectId !== "string") return notFound;
  const visible = await prisma.project.findFirst({ where: { id: projectId, ...projectReadScope(auth.actor) }, select: { id: true } });
  if (!visible) return notFound;
  const v = versionSchema.safeParse(version);
  if (!v.success) return { ok: false, reason: "invalid", message: "版本号无效，请重新加载页面" };
  if (typeof frameworkId !== "string" || frameworkId === "") return { ok: false, reason: "invalid", message: "请选择指标体系" };
  return switchProjectFramework(prisma, auth.actor, projectId, v.data, frameworkId);
}
