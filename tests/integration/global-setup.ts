/**
 * Integration tier: one real PostgreSQL for the whole run. With TEST_DATABASE_ADMIN_URL
 * set (a server on which the tests may create and drop databases) that server is used;
 * otherwise an embedded PostgreSQL is started in a temp folder and removed afterwards.
 * A template database with every migration applied is built once; each test file clones it.
 */
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../scripts/lib/embedded-pg";
import { applyMigrations } from "../../scripts/lib/migrate";
import { TEMPLATE_DB } from "./db";

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

export default async function setup(project: TestProject) {
  let adminUrl = process.env.TEST_DATABASE_ADMIN_URL;
  let stop: (() => Promise<void>) | undefined;
  if (!adminUrl) {
    const db = await startEmbeddedPostgres({
      dataDir: path.join(os.tmpdir(), `jixiao-it-${process.pid}-${Date.now()}`),
      ephemeral: true,
    });
    adminUrl = db.url("postgres");
    stop = db.stop;
  }
  const pg = await import("pg");
  const client = new pg.default.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${TEMPLATE_DB}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${TEMPLATE_DB}"`);
  await client.end();
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${TEMPLATE_DB}`;
  await applyMigrations(templateUrl.toString());

  project.provide("pgAdminUrl", adminUrl);
  return async () => {
    await stop?.();
  };
}
