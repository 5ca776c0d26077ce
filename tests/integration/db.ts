/** Per-test-file databases cloned from the migrated template (see global-setup.ts). */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db-client";
import { seedDemoData } from "@/prisma/seed/run";

export const TEMPLATE_DB = "jixiao_it_template";

export type TestDatabase = { url: string; prisma: PrismaClient; drop: () => Promise<void> };

function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** An empty, fully migrated database of its own. */
export async function freshDatabase(): Promise<TestDatabase> {
  const adminUrl = inject("pgAdminUrl");
  const name = `jixiao_it_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DB}"`);
  await admin.end();
  const url = withDatabase(adminUrl, name);
  const prisma = createPrismaClient(url);
  return {
    url,
    prisma,
    drop: async () => {
      await prisma.$disconnect();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await a.end();
    },
  };
}

/** A database with nothing in it, not even migrations (for migration tests). */
export async function emptyDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = inject("pgAdminUrl");
  const name = `jixiao_it_raw_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  return {
    url: withDatabase(adminUrl, name),
    drop: async () => {
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await a.end();
    },
  };
}

/** The acting user (as the server re-reads it) of a stored account, by user name. */
export async function actorOf(prisma: PrismaClient, username: string) {
  const u = await prisma.user.findUniqueOrThrow({ where: { username } });
  return { id: u.id, name: u.name, role: u.role, departmentId: u.departmentId };
}

/** A fresh database with the demo data (prisma/seed) and its three demo accounts as actors. */
export async function demoDatabase() {
  const t = await freshDatabase();
  await seedDemoData(t.prisma);
  return { t, admin: await actorOf(t.prisma, "admin"), owner: await actorOf(t.prisma, "owner"), reviewer: await actorOf(t.prisma, "reviewer") };
}

/**
 * This test file's own database: created (with the demo data when `demo`) before its tests and
 * dropped after them. Call it at the top of the file; the object is filled in before the tests
 * (and any later beforeAll) run.
 */
export function databaseForFile({ demo = false } = {}): TestDatabase {
  const t = {} as TestDatabase;
  beforeAll(async () => {
    Object.assign(t, await freshDatabase());
    if (demo) await seedDemoData(t.prisma);
  });
  afterAll(() => t.drop());
  return t;
}
