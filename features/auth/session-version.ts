/**
 * Sessions are JWTs (no server-side store), so each one carries the user's
 * `sessionVersion` at sign-in. Signing out, changing or resetting a password,
 * deactivating and re-activating an account bump the number, and every request
 * compares the token's number with the stored one: an older cookie — even a copied
 * one — is refused at its next request.
 */
import type { Db } from "@/lib/db-client";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Who an account is and may do: what the session check and the admin's account list both read. */
export const ACCOUNT_FIELDS = { id: true, username: true, name: true, role: true, active: true, departmentId: true, mustChangePassword: true } as const satisfies Prisma.UserSelect;

export type SessionClaims = { uid?: string | null; sv?: number | null };

/** The stored account behind a token, when the token is still current; otherwise null. */
export async function currentAccount(db: Db, claims: SessionClaims | null | undefined) {
  if (!claims?.uid || typeof claims.sv !== "number") return null;
  const user = await db.user.findUnique({
    where: { id: claims.uid },
    select: {
      ...ACCOUNT_FIELDS,
      sessionVersion: true,
      department: { select: { id: true, name: true, shortName: true } },
    },
  });
  if (!user || !user.active || user.sessionVersion !== claims.sv) return null;
  return user;
}

/** Ends every session of the user at its next request. Runs inside the caller's transaction when given one. */
export async function endSessions(db: Db, userId: string) {
  await db.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
