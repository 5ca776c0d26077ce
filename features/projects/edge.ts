/**
 * The edge check of an action on one project, before any input is read: the actor holds
 * "project.write" and can see the project (projectPolicy.readWhere); anything else is "not found" or the
 * permission's refusal. The mutation then re-checks scope, state and version under its row lock.
 */
import { checkPermission } from "@/features/auth/guard";
import type { ActionResult } from "@/lib/action-result";
import type { Actor } from "@/lib/actor";
import type { PrismaClient } from "@/lib/db-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { projectPolicy } from "./access";
import { REFUSAL_MESSAGES } from "./mutations";

export const PROJECT_NOT_FOUND: ActionResult<never> = { ok: false, reason: "not_found", message: REFUSAL_MESSAGES.not_found };

export async function projectForWrite<S extends Prisma.ProjectSelect>(
  prisma: PrismaClient,
  actor: Actor | null,
  projectId: unknown,
  select: S,
): Promise<{ refused: ActionResult<never> } | { refused: null; actor: Actor; projectId: string; project: Prisma.ProjectGetPayload<{ select: S }> }> {
  const auth = checkPermission(actor, "project.write");
  if ("refusal" in auth) return { refused: auth.refusal };
  if (typeof projectId !== "string") return { refused: PROJECT_NOT_FOUND };
  const project = await prisma.project.findFirst({ where: { id: projectId, ...projectPolicy.readWhere(auth.actor) }, select });
  if (!project) return { refused: PROJECT_NOT_FOUND };
  return { refused: null, actor: auth.actor, projectId, project: project as Prisma.ProjectGetPayload<{ select: S }> };
}
