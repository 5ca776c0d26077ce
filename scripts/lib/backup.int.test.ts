/**
 * db:backup / db:restore on real databases: demo data (plus a stored export file with
 * every byte value) goes out and comes back row for row, byte for byte; a target with data
 * or another migration list is refused and left as it was.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "@/prisma/seed/run";
import { emptyDatabase, freshDatabase, type TestDatabase } from "@/tests/integration/db";
import { listTables, quoteIdent, writeBackup, type BackupResult } from "./backup";
import { restoreBackup } from "./restore";

let source: TestDatabase;
let dir: string;
let file: string;
let backup: BackupResult;
const fileBytes = Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), randomBytes(200_000)]);

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end();
  }
}

async function rowCounts(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const out: Record<string, number> = {};
    for (const t of await listTables(c)) out[t] = Number((await c.query(`SELECT count(*)::int AS n FROM ${quoteIdent(t)}`)).rows[0].n);
    return out;
  } finally {
    await c.end();
  }
}

const snapshots = (url: string) => query<{ id: string; s: string }>(url, `SELECT id, snapshot::text AS s FROM "ReportPublication" ORDER BY id`);
const exportFiles = (url: string) => query<{ id: string; bytes: Buffer }>(url, `SELECT id, bytes FROM "ExportFile" ORDER BY id`);
const money = (url: string) => query<{ id: string; v: string }>(url, `SELECT id, "annualBudget"::text AS v FROM "ProjectFunding" ORDER BY id`);

beforeAll(async () => {
  source = await freshDatabase();
  await seedDemoData(source.prisma);
  const pub = await source.prisma.reportPublication.findFirst({ orderBy: { id: "asc" } });
  await source.prisma.exportFile.create({
    data: { reportId: pub?.reportId ?? "r", versionNo: pub?.versionNo ?? 1, format: "pdf", contentType: "application/pdf", fileName: "报告.pdf", bytes: fileBytes, sizeBytes: fileBytes.length },
  });
  dir = await mkdtemp(path.join(os.tmpdir(), "jixiao-backup-"));
  file = path.join(dir, "b.ndjson.gz");
  backup = await writeBackup(source.url, file);
  console.log(`demo backup: ${backup.tables} tables, ${backup.rows} rows, ${backup.bytes} bytes, ${backup.ms} ms`);
});

afterAll(async () => {
  await source?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("backup and restore", () => {
  it("restores into a database without tables: same rows, same snapshots, same file bytes, same money", async () => {
    const target = await emptyDatabase();
    try {
      const r = await restoreBackup(target.url, file);
      expect(r.migrated).toBe(true);
      expect(r.rows).toBe(backup.rows);
      const counts = await rowCounts(source.url);
      expect(Object.values(counts).some((n) => n > 0)).toBe(true);
      expect(await rowCounts(target.url)).toEqual(counts);
      const snaps = await snapshots(source.url);
      expect(snaps.length).toBeGreaterThan(0);
      expect(await snapshots(target.url)).toEqual(snaps);
      const files = await exportFiles(target.url);
      expect(files).toHaveLength(1);
      expect(Buffer.compare(files[0]!.bytes, fileBytes)).toBe(0);
      expect(await money(target.url)).toEqual(await money(source.url));
    } finally {
      await target.drop();
    }
  });

  it("restores into a migrated empty database", async () => {
    const target = await freshDatabase();
    try {
      const r = await restoreBackup(target.url, file);
      expect(r.migrated).toBe(false);
      expect(await rowCounts(target.url)).toEqual(await rowCounts(source.url));
    } finally {
      await target.drop();
    }
  });

  it("refuses a database with data, and changes nothing", async () => {
    const before = await rowCounts(source.url);
    await expect(restoreBackup(source.url, file)).rejects.toThrow(/不是空的/);
    expect(await rowCounts(source.url)).toEqual(before);
  });

  it("refuses a database with another migration list", async () => {
    const target = await freshDatabase();
    try {
      await query(target.url, `DELETE FROM "_prisma_migrations" WHERE migration_name = (SELECT max(migration_name) FROM "_prisma_migrations")`);
      await expect(restoreBackup(target.url, file)).rejects.toThrow(/迁移与备份不一致/);
      const counts = await rowCounts(target.url);
      expect(Object.values(counts).every((n) => n === 0)).toBe(true);
    } finally {
      await target.drop();
    }
  });
});
