/**
 * Creates a Prisma client on the `pg` driver adapter (Prisma 7's Rust-free client).
 * Password hashes are omitted from every result unless a query asks for them.
 * Imported by lib/db.ts (the app's singleton), scripts and tests; feature code
 * uses lib/db.ts.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient as GeneratedPrismaClient } from "@/lib/generated/prisma/client";

/** The connection pool under a Prisma client. */
export function createPgPool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  // An idle connection that the server ends (the database stopped or restarted) is reported
  // here; without a listener that 'error' event would end the whole process. The pool drops
  // the connection and opens a new one for the next query, so recovery needs no restart.
  pool.on("error", (e) => console.error("database pool: idle connection lost:", e.message));
  return pool;
}

/**
 * Interactive transactions wait up to 10 s for a connection and may run 30 s. Prisma's
 * defaults (2 s / 5 s) failed a 30-statement framework save on a loaded 2-core CI machine:
 * the save was rolled back and the user saw nothing. Long imports set their own, longer limit.
 */
export const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 30_000 } as const;

/** A Prisma client on `pool` (its own unless given); `$disconnect()` ends the pool. */
export function createPrismaClient(connectionString: string, pool: pg.Pool = createPgPool(connectionString)) {
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  return new GeneratedPrismaClient({ adapter, omit: { user: { passwordHash: true } }, transactionOptions: TRANSACTION_OPTIONS });
}

export type PrismaClient = ReturnType<typeof createPrismaClient>;
/** The client inside `prisma.$transaction(async (tx) => …)`. */
export type TxClient = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
/** Either the client or a transaction, for mutations that can join a caller's transaction. */
export type Db = PrismaClient | TxClient;
