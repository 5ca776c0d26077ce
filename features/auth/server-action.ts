import "server-only";
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/action-result";
import type { Actor } from "@/lib/actor";
import type { CheckedHandler } from "./handler";
import { db } from "@/lib/db";
import type { PrismaClient } from "@/lib/db-client";
import { getCurrentUser } from "./session";

/** A page to revalidate after a change: its path, or its path and "layout" (the page and every page below it). */
export type Revalidation = string | readonly [path: string, type: "layout"];

/**
 * A server action from its handler (features/auth/handler.ts): the handler runs with the database
 * and the signed-in user re-read from it; when it succeeds, the pages `revalidate` names (or derives
 * from the action's first argument, the id of what it changed) are revalidated. The "use server" files in
 * each feature's actions.ts export these and add nothing else.
 */
export function serverAction<A extends unknown[], S extends object>(
  handler: CheckedHandler<A, S>,
  revalidate: readonly Revalidation[] | ((subject: NoInfer<A>[0]) => readonly Revalidation[]),
): (...args: A) => Promise<ActionResult<S>>;
export function serverAction<A extends unknown[], R extends { ok: boolean }>(
  handler: (prisma: PrismaClient, actor: Actor | null, ...args: A) => Promise<R>,
  revalidate: readonly Revalidation[] | ((subject: NoInfer<A>[0]) => readonly Revalidation[]),
): (...args: A) => Promise<R>;
export function serverAction(
  handler: (prisma: PrismaClient, actor: Actor | null, ...args: unknown[]) => Promise<{ ok: boolean }>,
  revalidate: readonly Revalidation[] | ((subject: unknown) => readonly Revalidation[]),
) {
  return async (...args: unknown[]) => {
    const result = await handler(db(), await getCurrentUser(), ...args);
    if (!result.ok) return result;
    for (const page of typeof revalidate === "function" ? revalidate(args[0]) : revalidate) {
      if (typeof page === "string") revalidatePath(page);
      else revalidatePath(page[0], page[1]);
    }
    return result;
  };
}
