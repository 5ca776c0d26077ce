import "server-only";
import type pg from "pg";
import { createPgPool, createPrismaClient, type PrismaClient } from "@/lib/db-client";
import { env } from "@/lib/env";

// One client (and one connection pool) per server process; cached on globalThis so that
// dev-mode hot reloads do not open a new pool each time, and so that proxy.ts, which
// Next bundles separately, shares them with the pages.
declare global {
  // A global `var` is what `declare global` needs for a property of globalThis.
  var jixiaoDb: { prisma: PrismaClient; pool: pg.Pool } | undefined;
}

function database() {
  if (!globalThis.jixiaoDb) {
    const url = env().DATABASE_URL;
    const pool = createPgPool(url);
    globalThis.jixiaoDb = { pool, prisma: createPrismaClient(url, pool) };
  }
  return globalThis.jixiaoDb;
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
