import "server-only";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { authOptions } from "@/features/auth/options";
import type { ActionResult } from "@/lib/action-result";
import { checkPermission } from "./guard";
import { db } from "@/lib/db";
import { hasPermission, type Permission } from "@/lib/permissions";
import { currentAccount } from "./session-version";

/**
 * The account behind this request's session, re-read from the database on every
 * request: a deactivated account, a changed role or an ended session (see
 * session-version.ts) takes effect at once, whatever the JWT says. Includes an account
 * that must still replace its temporary password.
 */
export async function getSessionAccount() {
  const session = await getServerSession(authOptions);
  const user = session?.user;
  if (!user?.id) return null;
  return currentAccount(db(), { uid: user.id, sv: user.sessionVersion });
}

/**
 * The signed-in user allowed to work: null when anonymous, when the session has ended,
 * and while the account must still replace its temporary password.
 */
export async function getCurrentUser() {
  const account = await getSessionAccount();
  return account && !account.mustChangePassword ? account : null;
}

export type CurrentUser = NonNullable<Awaited<ReturnType<typeof getCurrentUser>>>;

export const PASSWORD_PAGE = "/account/password";

/** For pages: the user, or a redirect to sign-in (or to the password page while one must be set). */
export async function requireUser(): Promise<CurrentUser> {
  const account = await getSessionAccount();
  if (!account) redirect("/login");
  if (account.mustChangePassword) redirect(PASSWORD_PAGE);
  return account;
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
