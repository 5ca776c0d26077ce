/** The indicator-table save, given the actor (null = anonymous); see projects/handlers.ts. */
import type { Actor } from "@/lib/actor";
import { PROJECT_NOT_FOUND, projectForWrite } from "@/features/projects/edge";
import { versionSchema } from "@/features/projects/schema";
import { type ActionResult, BAD_VERSION, invalid } from "@/lib/action-result";
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
  const edge = await projectForWrite(prisma, actor, projectId, { id: true });
  if (edge.refused) return edge.refused;
  const framework = await frameworkShapeOfProject(prisma, edge.projectId);
  if (!framework) return PROJECT_NOT_FOUND;
  const v = versionSchema.safeParse(version);
  if (!v.success) return BAD_VERSION;
  const parsed = indicatorTableSchema(framework).safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return saveIndicators(prisma, edge.actor, edge.projectId, v.data, parsed.data.rows);
}

export async function switchFrameworkHandler(
  prisma: PrismaClient,
  actor: Actor | null,
  projectId: unknown,
  version: unknown,
  frameworkId: unknown,
): Promise<ActionResult<{ version: number; moved: number }>> {
  const edge = await projectForWrite(prisma, actor, projectId, { id: true });
  if (edge.refused) return edge.refused;
  const v = versionSchema.safeParse(version);
  if (!v.success) return BAD_VERSION;
  if (typeof frameworkId !== "string" || frameworkId === "") return { ok: false, reason: "invalid", message: "请选择指标体系" };
  return switchProjectFramework(prisma, edge.actor, edge.projectId, v.data, frameworkId);
}
