/**
 * Slows down password guessing without letting anyone lock another person out.
 *
 * Decisions (also in the README):
 * - Failures are counted per client address + username pair. After `pairFree`
 *   failures the pair must wait before its next attempt, 30 s doubling with every
 *   further failure, at most 15 minutes. An anonymous stranger guessing `admin` only
 *   slows down their own address: the real admin, from another address, signs in.
 * - Per address (all usernames together) the same after `addressFree` failures, so one
 *   address cannot spray many usernames.
 * - Per username (all addresses together) nothing is ever refused: after `userFree`
 *   failures each further attempt is answered a little later (1 s per failure, at most
 *   `userMaxDelaySeconds`), which slows a guess spread over many addresses.
 * - A successful sign-in clears its pair. An admin can unlock an account (clears every
 *   row counting for that username, audited as `user.unlock`).
 * - Sessions opened before a throttle are unaffected: the throttle guards sign-in only,
 *   and ending sessions on failed guesses would let a stranger sign anybody out.
 *
 * The counters live in PostgreSQL so that every app instance behind a load balancer
 * shares them; each change is one atomic upsert.
 */
import type { Db } from "@/lib/db-client";

export const THROTTLE = {
  windowMinutes: 60,
  pairFree: 5,
  addressFree: 20,
  baseDelaySeconds: 30,
  maxDelayMinutes: 15,
  userFree: 10,
  userMaxDelaySeconds: 5,
} as const;

export type Attempt = { username: string; address: string };

export function normaliseUsername(username: string) {
  return username.trim().toLowerCase();
}

export function throttleKeys({ username, address }: Attempt) {
  const u = normaliseUsername(username);
  return { pair: `pair:${address}|${u}`, address: `addr:${address}`, user: `user:${u}`, username: u };
}

/** When the attempt must still wait (its pair or its address is slowed down), the time it may retry; otherwise null. */
export async function retryAt(db: Db, attempt: Attempt, now = new Date()): Promise<Date | null> {
  const keys = throttleKeys(attempt);
  const rows = await db.loginThrottle.findMany({ where: { key: { in: [keys.pair, keys.address] } }, select: { lockedUntil: true } });
  const until = rows.reduce<Date | null>((max, r) => (r.lockedUntil && r.lockedUntil > now && (!max || r.lockedUntil > max) ? r.lockedUntil : max), null);
  return until;
}

/** How long to hold the answer for this username (never a refusal). */
export async function usernameDelayMs(db: Db, attempt: Attempt): Promise<number> {
  const row = await db.loginThrottle.findUnique({ where: { key: throttleKeys(attempt).user } });
  if (!row || row.windowStart < new Date(Date.now() - THROTTLE.windowMinutes * 60_000)) return 0;
  const over = row.failures - THROTTLE.userFree;
  return over > 0 ? Math.min(over, THROTTLE.userMaxDelaySeconds) * 1000 : 0;
}

async function bump(db: Db, key: string, username: string | null, free: number | null) {
  const w = `${THROTTLE.windowMinutes} minutes`;
  const cap = `${THROTTLE.maxDelayMinutes} minutes`;
  const base = `${THROTTLE.baseDelaySeconds} seconds`;
  // `free` null: count only, never slow down (the per-username row).
  const threshold = free ?? 2_147_483_647;
  const rows = await db.$queryRaw<{ failures: number; lockedUntil: Date | null }[]>`
    INSERT INTO "LoginThrottle" ("key", "username", "failures", "windowStart", "lockedUntil", "updatedAt")
    VALUES (${key}, ${username}, 1, now(), NULL, now())
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN "LoginThrottle"."windowStart" < now() - ${w}::interval
                        THEN 1 ELSE "LoginThrottle"."failures" + 1 END,
      "windowStart" = CASE WHEN "LoginThrottle"."windowStart" < now() - ${w}::interval
                           THEN now() ELSE "LoginThrottle"."windowStart" END,
      "lockedUntil" = CASE WHEN "LoginThrottle"."windowStart" >= now() - ${w}::interval
                             AND "LoginThrottle"."failures" + 1 >= ${threshold}
                           THEN now() + LEAST(${cap}::interval,
                                  ${base}::interval * power(2, LEAST("LoginThrottle"."failures" + 1 - ${threshold}, 20)))
                           ELSE "LoginThrottle"."lockedUntil" END,
      "updatedAt" = now()
    RETURNING "failures", "lockedUntil"`;
  const row = rows[0];
  if (!row) throw new Error("login throttle upsert returned no row");
  return row;
}

/** Counts a failed attempt; returns when the pair or address may next try (null: at once). */
export async function recordFailure(db: Db, attempt: Attempt, now = new Date()): Promise<Date | null> {
  const keys = throttleKeys(attempt);
  const pair = await bump(db, keys.pair, keys.username, THROTTLE.pairFree);
  const address = await bump(db, keys.address, null, THROTTLE.addressFree);
  await bump(db, keys.user, keys.username, null);
  const until = [pair.lockedUntil, address.lockedUntil].filter((d): d is Date => !!d && d > now).sort((a, b) => b.getTime() - a.getTime())[0];
  return until ?? null;
}

/** A successful sign-in clears its own pair. */
export async function clearPair(db: Db, attempt: Attempt) {
  await db.loginThrottle.deleteMany({ where: { key: throttleKeys(attempt).pair } });
}

/** An admin's unlock: every row counting for the username, from every address. */
export async function unlockUsername(db: Db, username: string) {
  const { count } = await db.loginThrottle.deleteMany({ where: { username: normaliseUsername(username) } });
  return count;
}

/** Whether any address is currently slowed down for this username (shown to admins). */
export async function isThrottled(db: Db, username: string, now = new Date()) {
  return (await db.loginThrottle.count({ where: { username: normaliseUsername(username), lockedUntil: { gt: now } } })) > 0;
}
