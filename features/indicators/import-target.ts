/**
 * The project an upload imports indicators into, as the actor may reach it: checked before the file
 * is read (saveIndicators checks scope, state and version again, under its lock).
 */
import { projectPolicy } from "@/features/projects/access";
import { projectForWrite } from "@/features/projects/edge";
import { REFUSAL_MESSAGES } from "@/features/projects/mutations";
import type { Actor } from "@/lib/actor";
import type { PrismaClient } from "@/lib/db-client";

type Refused = { ok: false; reason?: string; message: string };

/** The actor and the project's framework (points and groups in order), or why the import is refused. */
export async function importTarget(prisma: PrismaClient, actor: Actor | null, projectId: unknown) {
  const edge = await projectForWrite(prisma, actor, projectId, {
    departmentId: true,
    report: { select: { status: true } },
    framework: {
      select: {
        budgetExecutionPoints: true,
        level1: { orderBy: { sortOrder: "asc" }, select: { id: true, name: true, category: true, points: true, level2: { orderBy: { sortOrder: "asc" }, select: { id: true, name: true } } } },
      },
    },
  });
  if (edge.refused) return { refused: edge.refused as Refused };
  const { project } = edge;
  const denial = projectPolicy.denial(edge.actor, "edit", { departmentId: project.departmentId, reportStatus: project.report?.status ?? null });
  if (denial) return { refused: { ok: false as const, reason: denial, message: REFUSAL_MESSAGES[denial] } };
  return { refused: null, actor: edge.actor, projectId: edge.projectId, framework: project.framework };
}
