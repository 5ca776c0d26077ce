/**
 * Whole-database backup without pg_dump (the embedded PostgreSQL 18 ships none): one
 * REPEATABLE READ READ ONLY transaction, so the file is a consistent snapshot while the
 * app keeps running. The file is gzip NDJSON:
 *   line 1: BackupHeader (format, createdAt, applied migrations, tables in foreign-key order with row counts)
 *   then:   {"table":"T","row":<row_to_json of one row>} for every row, table by table in that order.
 * Rows stay PostgreSQL's own JSON text end to end (never parsed in Node), so numerics,
 * bigints, bytea ("\\x…" hex), timestamps and Json columns restore exactly.
 */
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { finished } from "node:stream/promises";
import { createGzip } from "node:zlib";
import pg from "pg";

export const BACKUP_FORMAT = "jixiao-backup/1";
/** Prisma's bookkeeping table: not backed up as data; the migration names are recorded in the header. */
export const MIGRATIONS_TABLE = "_prisma_migrations";

export type BackupHeader = {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  migrations: string[];
  /** In foreign-key order: every table comes after the tables it references. */
  tables: { name: string; rows: number }[];
};

export type BackupResult = { file: string; bytes: number; rows: number; tables: number; ms: number };

type Queryable = Pick<pg.Client, "query">;

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Ordinary tables of schema public, except Prisma's migration table, sorted by name. */
export async function listTables(db: Queryable): Promise<string[]> {
  const r = await db.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> $1 ORDER BY c.relname`,
    [MIGRATIONS_TABLE],
  );
  return r.rows.map((x) => x.name);
}

/** Names of the successfully applied migrations, or null when the database has no migration table. */
export async function appliedMigrations(db: Queryable): Promise<string[] | null> {
  const exists = await db.query(`SELECT to_regclass('public.${MIGRATIONS_TABLE}') IS NOT NULL AS ok`);
  if (!exists.rows[0].ok) return null;
  const r = await db.query<{ name: string }>(
    `SELECT migration_name AS name FROM ${quoteIdent(MIGRATIONS_TABLE)}
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return r.rows.map((x) => x.name);
}

/** Foreign-key references between public tables (self references included). */
export async function foreignKeys(db: Queryable): Promise<{ child: string; parent: string }[]> {
  const r = await db.query<{ child: string; parent: string }>(
    `SELECT c.relname AS child, p.relname AS parent
       FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace cn ON cn.oid = c.relnamespace
       JOIN pg_class p ON p.oid = k.confrelid JOIN pg_namespace pn ON pn.oid = p.relnamespace
      WHERE k.contype = 'f' AND cn.nspname = 'public' AND pn.nspname = 'public'`,
  );
  return r.rows;
}

/** Tables ordered so that each comes after every other table it references (Kahn, ties by name). */
export function foreignKeyOrder(tables: string[], fks: { child: string; parent: string }[]): string[] {
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const { child, parent } of fks) {
    if (child !== parent && parents.has(child) && parents.has(parent)) parents.get(child)!.add(parent);
  }
  const order: string[] = [];
  const done = new Set<string>();
  while (order.length < tables.length) {
    const next = tables.filter((t) => !done.has(t) && [...parents.get(t)!].every((p) => done.has(p)));
    if (next.length === 0) {
      const rest = tables.filter((t) => !done.has(t));
      throw new Error(`数据表之间的外键成环，无法确定恢复顺序：${rest.join("、")}`);
    }
    for (const t of next) {
      order.push(t);
      done.add(t);
    }
  }
  return order;
}

/** Writes a consistent backup of the whole database at `databaseUrl` to `file` (atomically: temp file, then rename). */
export async function writeBackup(databaseUrl: string, file: string, opts: { batchRows?: number } = {}): Promise<BackupResult> {
  const started = Date.now();
  const batchRows = opts.batchRows ?? 500;
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = `${file}.part-${process.pid}`;
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "jixiao-backup" });
  await client.connect();
  let rows = 0;
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const migrations = await appliedMigrations(client);
    if (!migrations) throw new Error("数据库尚未建立数据表（没有迁移记录），无可备份的内容");
    const tables = foreignKeyOrder(await listTables(client), await foreignKeys(client));
    const counts: BackupHeader["tables"] = [];
    for (const name of tables) {
      const r = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${quoteIdent(name)}`);
      counts.push({ name, rows: Number(r.rows[0]!.n) });
    }
    const header: BackupHeader = { format: BACKUP_FORMAT, createdAt: new Date().toISOString(), migrations, tables: counts };

    const gzip = createGzip({ level: 6 });
    const out = createWriteStream(tmp, { mode: 0o600 });
    gzip.pipe(out);
    const write = async (line: string) => {
      if (!gzip.write(line + "\n")) await once(gzip, "drain");
    };
    try {
      await write(JSON.stringify(header));
      for (const { name, rows: expected } of counts) {
        const prefix = `{"table":${JSON.stringify(name)},"row":`;
        // A server-side cursor inside the snapshot transaction: memory stays flat for big tables.
        await client.query(`DECLARE backup_rows NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS j FROM ${quoteIdent(name)} t`);
        let seen = 0;
        for (;;) {
          const r = await client.query<{ j: string }>(`FETCH ${batchRows} FROM backup_rows`);
          for (const { j } of r.rows) await write(prefix + j + "}");
          seen += r.rows.length;
          if (r.rows.length < batchRows) break;
        }
        await client.query("CLOSE backup_rows");
        if (seen !== expected) throw new Error(`表 ${name} 的行数在备份过程中不一致（${seen} ≠ ${expected}）`);
        rows += seen;
      }
      gzip.end();
      await finished(out);
    } catch (e) {
      gzip.destroy();
      out.destroy();
      throw e;
    }
    await client.query("COMMIT");
    await rename(tmp, file);
    const { size } = await stat(file);
    return { file, bytes: size, rows, tables: counts.length, ms: Date.now() - started };
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  } finally {
    await client.end().catch(() => {});
  }
}
