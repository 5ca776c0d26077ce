import "server-only";
import type pg from "pg";
import { createPgPool, createPrismaClient, type PrismaClient } from "@/lib/db-client";
import { env } from "@/lib/env";

// One client (and one connection pool) per server process; cached on globalThis so that
// dev-mode hot reloads do not open a new pool each time, and so that proxy.ts, which
// Next bundles separately, shares them with the pages.
const globalForPrisma = globalThis as unknown as { jixiaoDb?: { prisma: PrismaClient; pool: pg.Pool } };

function database() {
  if (!globalForPrisma.jixiaoDb) {
    const url = env().DATABASE_URL;
    const pool = createPgPool(url);
    globalForPrisma.jixiaoDb = { pool, prisma: createPrismaClient(url, pool) };
  }
  return globalForPrisma.jixiaoDb;
}

export function db(): PrismaClient {
  return database().prisma;
}

/**
 * The pool under db(), for the rare query on every public request where Prisma's own
 * overhead would dominate (the portal's version lookup in proxy.ts: a named prepared
 * statement, ~10× cheaper). Everything else goes through db().
 */
export function pgPool(): pg.Pool {
  return database().pool;
}
