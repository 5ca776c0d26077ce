/**
 * The check every server action and route starts with, as a plain function of the
 * actor (null = anonymous) so that tests can drive it without a request.
 */
import { type ActionResult, FORBIDDEN, NOT_SIGNED_IN } from "@/lib/action-result";
import type { Role } from "@/lib/generated/prisma/enums";
import { hasPermission, type Permission } from "@/lib/permissions";

export function checkPermission<A extends { role: Role }>(actor: A | null, permission: Permission): { actor: A } | { refusal: ActionResult<never> } {
  if (!actor) return { refusal: NOT_SIGNED_IN };
  if (!hasPermission(actor.role, permission)) return { refusal: FORBIDDEN };
  return { actor };
}

/** The same check for a download route: the actor, or the refusal as a JSON response (401 signed out, 403 not allowed). */
export function checkDownloadPermission<A extends { role: Role }>(actor: A | null, permission: Permission): { actor: A } | { response: Response } {
  const auth = checkPermission(actor, permission);
  if ("actor" in auth) return auth;
  const r = auth.refusal;
  const message = r.ok ? "" : r.message;
  return { response: Response.json({ message }, { status: !r.ok && r.reason === "unauthenticated" ? 401 : 403, headers: { "Cache-Control": "no-store" } }) };
}
