import "server-only";
import { createPrismaClient, type PrismaClient } from "@/lib/db-client";
import { env } from "@/lib/env";

// One client per server process; cached on globalThis so that dev-mode hot reloads
// do not open a new pool each time.
const globalForPrisma = globalThis as unknown as { jixiaoPrisma?: PrismaClient };

export function db(): PrismaClient {
  globalForPrisma.jixiaoPrisma ??= createPrismaClient(env().DATABASE_URL);
  return globalForPrisma.jixiaoPrisma;
}
