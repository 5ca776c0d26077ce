/**
 * The project an upload imports indicators into, as the actor may reach it: checked before the file
 * is read (saveIndicators checks scope, state and version again, under its lock).
 */
import { checkPermission } from "@/features/auth/guard";
import { editDenial, projectReadScope } from "@/features/projects/access";
import { REFUSAL_MESSAGES } from "@/features/projects/mutations";
import type { Actor } from "@/lib/actor";
import type { PrismaClient } from "@/lib/db-client";

type Refused = { ok: false; reason?: string; message: string };

/** The actor and the project's framework (points and groups in order), or why the import is refused. */
export async function importTarget(prisma: PrismaClient, actor: Actor | null, projectId: unknown) {
  const auth = checkPermission(actor, "project.write");
  if ("refusal" in auth) return { refused: auth.refusal as Refused };
  const notFound = { refused: { ok: false as const, reason: "not_found", message: REFUSAL_MESSAGES.not_found } };
  if (typeof projectId !== "string") return notFound;
  const project = await prisma.project.findFirst({
    where: { id: projectId, ...projectReadScope(auth.actor) },
    select: {
      departmentId: true,
      report: { select: { status: true } },
      framework: {
        select: {
          budgetExecutionPoints: true,
          level1: { orderBy: { sortOrder: "asc" }, select: { id: true, name: true, category: true, points: true, level2: { orderBy: { sortOrder: "asc" }, select: { id: true, name: true } } } },
        },
      },
    },
  });
  if (!project) return notFound;
  const denial = editDenial(auth.actor, { departmentId: project.departmentId, reportStatus: project.report?.status ?? null });
  if (denial) return { refused: { ok: false as const, reason: denial, message: REFUSAL_MESSAGES[denial] } };
  return { refused: null, actor: auth.actor, projectId, framework: project.framework };
}
