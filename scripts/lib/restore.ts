/**
 * Restores a backup written by backup.ts into an empty database: either one with no
 * tables at all (the migrations are applied first) or one migrated to exactly the
 * backup's migration list and holding no rows. Everything is inserted in one
 * transaction, in the backup's foreign-key order, then every sequence is set past the
 * largest restored value. Any refusal leaves the target untouched.
 */
import { createReadStream } from "node:fs";
import { access } from "node:fs/promises";
import readline from "node:readline";
import { createGunzip } from "node:zlib";
import pg from "pg";
import { appliedMigrations, BACKUP_FORMAT, foreignKeyOrder, foreignKeys, listTables, quoteIdent, type BackupHeader } from "./backup";
import { applyMigrations } from "./migrate";

export type RestoreResult = { tables: number; rows: number; migrated: boolean; ms: number };

/** Rows per INSERT, and a byte budget per INSERT (export files are large). */
const BATCH_ROWS = 1000;
const BATCH_BYTES = 16 * 1024 * 1024;

function openLines(file: string) {
  const input = createReadStream(file).pipe(createGunzip());
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  return { lines: rl[Symbol.asyncIterator](), close: () => { rl.close(); input.destroy(); } };
}

function parseHeader(line: string | undefined): BackupHeader {
  let h: Partial<BackupHeader> | undefined;
  try {
    h = line ? (JSON.parse(line) as Partial<BackupHeader>) : undefined;
  } catch {
    /* reported below */
  }
  if (!h || h.format !== BACKUP_FORMAT || !Array.isArray(h.migrations) || !Array.isArray(h.tables)) {
    throw new Error(`文件不是本系统的备份（格式应为 ${BACKUP_FORMAT}）`);
  }
  return h as BackupHeader;
}

/** Reads only the header line of a backup file. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  try {
    await access(file);
  } catch {
    throw new Error(`找不到备份文件：${file}`);
  }
  const { lines, close } = openLines(file);
  try {
    const first = await lines.next();
    return parseHeader(first.done ? undefined : first.value);
  } catch (e) {
    if (e instanceof Error && /incorrect header check|unexpected end/i.test(e.message)) throw new Error(`备份文件已损坏或不是 gzip 文件：${file}`);
    throw e;
  } finally {
    close();
  }
}

/** `{"table":"T","row":{…}}` → [T, raw row JSON], without parsing the row (keeps numerics exact). */
function splitLine(line: string): [string, string] {
  const m = /^\{"table":("(?:[^"\\]|\\.)*"),"row":/.exec(line);
  if (!m || !line.endsWith("}")) throw new Error("备份文件内容有误（数据行格式不对）");
  return [JSON.parse(m[1]!) as string, line.slice(m[0].length, -1)];
}

function sameList(a: string[], b: string[]) {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export async function restoreBackup(databaseUrl: string, file: string): Promise<RestoreResult> {
  const started = Date.now();
  const header = await readBackupHeader(file);
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "jixiao-restore" });
  await client.connect();
  try {
    let migrated = false;
    let applied = await appliedMigrations(client);
    if (applied === null) {
      const existing = await listTables(client);
      if (existing.length > 0) throw new Error(`目标数据库已有数据表（${existing.slice(0, 5).join("、")}…）却没有迁移记录，拒绝恢复`);
      await applyMigrations(databaseUrl);
      migrated = true;
      applied = (await appliedMigrations(client)) ?? [];
    }
    if (!sameList(applied, [...header.migrations].sort())) {
      const missing = header.migrations.filter((m) => !applied.includes(m));
      const extra = applied.filter((m) => !header.migrations.includes(m));
      throw new Error(
        `目标数据库的迁移与备份不一致，拒绝恢复` +
          (missing.length ? `；备份有而目标没有：${missing.join("、")}` : "") +
          (extra.length ? `；目标有而备份没有：${extra.join("、")}` : ""),
      );
    }

    const tables = await listTables(client);
    const names = header.tables.map((t) => t.name);
    if (!sameList([...names].sort(), tables)) throw new Error("目标数据库的数据表与备份不一致，拒绝恢复");
    // The backup's order must respect this database's foreign keys (it does when the migrations match).
    const fks = await foreignKeys(client);
    foreignKeyOrder(tables, fks);
    const position = new Map(names.map((n, i) => [n, i]));
    for (const { child, parent } of fks) {
      if (child !== parent && position.get(parent)! > position.get(child)!) throw new Error(`备份中表的顺序不满足外键（${parent} 应在 ${child} 之前）`);
    }
    const selfReferencing = new Set(fks.filter((k) => k.child === k.parent).map((k) => k.child));

    await client.query("BEGIN ISOLATION LEVEL SERIALIZABLE");
    try {
      // Nobody may write while we check emptiness and fill the tables.
      await client.query(`LOCK TABLE ${tables.map(quoteIdent).join(", ")} IN ACCESS EXCLUSIVE MODE`);
      for (const t of tables) {
        const r = await client.query(`SELECT EXISTS (SELECT 1 FROM ${quoteIdent(t)}) AS has`);
        if (r.rows[0].has) throw new Error(`目标数据库不是空的（表 ${t} 已有数据），只能恢复到空数据库`);
      }

      const counts = new Map<string, number>();
      let batch: string[] = [];
      let batchTable = "";
      let batchBytes = 0;
      const flush = async () => {
        if (batch.length === 0) return;
        // A table that references itself goes in as one statement: its foreign keys are checked at the statement's end.
        const r = await client.query(
          `INSERT INTO ${quoteIdent(batchTable)} SELECT * FROM json_populate_recordset(null::${quoteIdent(batchTable)}, $1::json)`,
          [`[${batch.join(",")}]`],
        );
        counts.set(batchTable, (counts.get(batchTable) ?? 0) + (r.rowCount ?? 0));
        batch = [];
        batchBytes = 0;
      };

      const { lines, close } = openLines(file);
      try {
        await lines.next(); // header
        for (let it = await lines.next(); !it.done; it = await lines.next()) {
          if (!it.value) continue;
          const [table, row] = splitLine(it.value);
          if (!position.has(table)) throw new Error(`备份文件内容有误（未知的表 ${table}）`);
          if (table !== batchTable) {
            await flush();
            if (counts.has(table)) throw new Error(`备份文件内容有误（表 ${table} 的数据不连续）`);
            batchTable = table;
          }
          batch.push(row);
          batchBytes += row.length;
          if (!selfReferencing.has(table) && (batch.length >= BATCH_ROWS || batchBytes >= BATCH_BYTES)) await flush();
        }
        await flush();
      } finally {
        close();
      }

      let rows = 0;
      for (const { name, rows: expected } of header.tables) {
        const got = counts.get(name) ?? 0;
        if (got !== expected) throw new Error(`备份文件不完整：表 ${name} 应有 ${expected} 行，读到 ${got} 行`);
        rows += got;
      }

      // Sequences (serial / identity columns) continue after the largest restored value.
      const seqs = await client.query<{ tbl: string; col: string; seq: string }>(
        `SELECT c.relname AS tbl, a.attname AS col, pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) AS seq
           FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
            AND pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) IS NOT NULL`,
      );
      for (const { tbl, col, seq } of seqs.rows) {
        await client.query(`SELECT setval($1, COALESCE(max(${quoteIdent(col)}), 1), max(${quoteIdent(col)}) IS NOT NULL) FROM ${quoteIdent(tbl)}`, [seq]);
      }

      await client.query("COMMIT");
      return { tables: header.tables.length, rows, migrated, ms: Date.now() - started };
    } catch (e) {
      await client.query("ROLLBACK").catch(() => {});
      throw e;
    }
  } finally {
    await client.end().catch(() => {});
  }
}
