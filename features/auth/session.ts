import "server-only";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { authOptions } from "@/features/auth/options";
import type { ActionResult } from "@/lib/action-result";
import { checkPermission } from "./guard";
import { db } from "@/lib/db";
import { hasPermission, type Permission } from "@/lib/permissions";

/**
 * The signed-in user, re-read from the database on every request: a deactivated
 * account or a changed role takes effect at once, whatever the JWT says.
 */
export async function getCurrentUser() {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  const user = await db().user.findUnique({
    where: { id },
    select: {
      id: true,
      username: true,
      name: true,
      role: true,
      active: true,
      departmentId: true,
      department: { select: { id: true, name: true, shortName: true } },
    },
  });
  return user && user.active ? user : null;
}

export type CurrentUser = NonNullable<Awaited<ReturnType<typeof getCurrentUser>>>;

export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  return user;
}

/** For pages: redirect to sign-in when anonymous, render 403 when not allowed. */
export async function requirePermission(permission: Permission): Promise<CurrentUser> {
  const user = await requireUser();
  if (!hasPermission(user.role, permission)) forbidden();
  return user;
}

/**
 * For server actions and route handlers: the actor when signed in and holding the
 * permission, otherwise the refusal to return (never a redirect or a throw).
 */
export async function authorize(permission: Permission): Promise<{ actor: CurrentUser } | { refusal: ActionResult<never> }> {
  return checkPermission(await getCurrentUser(), permission);
}
