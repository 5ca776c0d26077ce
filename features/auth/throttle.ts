/**
 * Limits repeated failed sign-ins per username. The counter lives in PostgreSQL so
 * that every app instance behind a load balancer shares it; each change is one
 * atomic upsert.
 */
import type { Db } from "@/lib/db-client";

export const THROTTLE = { maxFailures: 5, windowMinutes: 15, lockMinutes: 15 } as const;

export function throttleKey(username: string) {
  return `user:${username.trim().toLowerCase()}`;
}

/** When the key is locked, the time the lock ends; otherwise null. */
export async function lockedUntil(db: Db, key: string, now = new Date()): Promise<Date | null> {
  const row = await db.loginThrottle.findUnique({ where: { key } });
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

export async function recordFailure(db: Db, key: string): Promise<{ failures: number; lockedUntil: Date | null }> {
  const w = `${THROTTLE.windowMinutes} minutes`;
  const l = `${THROTTLE.lockMinutes} minutes`;
  const rows = await db.$queryRaw<{ failures: number; lockedUntil: Date | null }[]>`
    INSERT INTO "LoginThrottle" ("key", "failures", "windowStart", "lockedUntil", "updatedAt")
    VALUES (${key}, 1, now(), NULL, now())
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN "LoginThrottle"."windowStart" < now() - ${w}::interval
                        THEN 1 ELSE "LoginThrottle"."failures" + 1 END,
      "windowStart" = CASE WHEN "LoginThrottle"."windowStart" < now() - ${w}::interval
                           THEN now() ELSE "LoginThrottle"."windowStart" END,
      "lockedUntil" = CASE WHEN "LoginThrottle"."windowStart" >= now() - ${w}::interval
                             AND "LoginThrottle"."failures" + 1 >= ${THROTTLE.maxFailures}
                           THEN now() + ${l}::interval ELSE "LoginThrottle"."lockedUntil" END,
      "updatedAt" = now()
    RETURNING "failures", "lockedUntil"`;
  const row = rows[0];
  if (!row) throw new Error("login throttle upsert returned no row");
  return row;
}

export async function clearFailures(db: Db, key: string) {
  await db.loginThrottle.deleteMany({ where: { key } });
}
