"use strict";
/**
 * A migration-aware driver adapter factory for the WebAssembly schema engine, built on
 * `@prisma/adapter-pg`, with the fixes the engine needs (see README.md, "Pitfalls"):
 *
 *  - Postgres' internal `"char"` type (OID 18, e.g. pg_constraint.contype, which the
 *    engine's introspection reads) is relabelled: adapter-pg refuses to decode it.
 *  - Migration scripts run as ONE simple query: adapter-pg's executeScript splits on `;`,
 *    which cuts PL/pgSQL `$$ … $$` bodies apart.
 *  - The shadow database is a fresh `prisma_migrate_shadow_db_<uuid>` on the main server
 *    (adapter-pg would reuse the main database, because its config holds a
 *    connectionString that wins over `database`), and it is dropped WITH (FORCE) after its
 *    pool has been closed (adapter-pg drops first, which fails while connections are open).
 */
const { randomUUID } = require("node:crypto");
const pg = require("pg");
const { PrismaPg } = require("@prisma/adapter-pg");
const { ColumnTypeEnum } = require("@prisma/driver-adapter-utils");

/** Query parameters that mean something to Prisma's native engine but not to node-postgres. */
const PRISMA_ONLY_PARAMS = [
  "schema",
  "connection_limit",
  "pool_timeout",
  "pgbouncer",
  "statement_cache_size",
  "socket_timeout",
  "connect_timeout",
  "max_connection_lifetime",
  "max_idle_connection_lifetime",
];

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
const DEFAULT_CONNECT_TIMEOUT_S = 5;

function quoteIdent(name) {
  return `"${String(name).replace(/"/g, '""')}"`;
}

/** Parses a postgres:// URL into what node-postgres and adapter-pg need. */
function parseUrl(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    throw Object.assign(new Error("The database URL is not a valid URL (expected postgresql://user:password@host:port/database)."), {
      code: "P1013",
    });
  }
  if (u.protocol !== "postgresql:" && u.protocol !== "postgres:") {
    throw Object.assign(
      new Error(`The database URL must start with \`postgresql://\` or \`postgres://\` (got \`${u.protocol}//\`). This offline schema engine only supports PostgreSQL.`),
      { code: "P1013" },
    );
  }
  const schema = u.searchParams.get("schema") || undefined;
  const timeout = Number(u.searchParams.get("connect_timeout") ?? DEFAULT_CONNECT_TIMEOUT_S);
  for (const p of PRISMA_ONLY_PARAMS) u.searchParams.delete(p);
  const database = decodeURIComponent(u.pathname.replace(/^\//, "")) || "postgres";
  const config = { connectionString: u.toString() };
  if (Number.isFinite(timeout) && timeout > 0) config.connectionTimeoutMillis = timeout * 1000;
  if (schema) config.options = `-c search_path=${quoteIdent(schema)}`;
  return {
    config,
    schema,
    database,
    host: u.hostname || "localhost",
    port: u.port || "5432",
    user: decodeURIComponent(u.username || process.env.PGUSER || "postgres"),
    /** The same server and credentials, another database. */
    withDatabase(name) {
      const v = new URL(u.toString());
      v.pathname = `/${encodeURIComponent(name)}`;
      const c = { ...config, connectionString: v.toString() };
      return c;
    },
  };
}

/** Runs `fn` with a plain pg client; the connection is always closed. */
async function withClient(config, fn) {
  const client = new pg.Client(config);
  client.on("error", () => {}); // a dying server must not crash the engine
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * A client for administrative statements (CREATE/DROP DATABASE) on the server of `parsed`:
 * its own database if it exists, else the `postgres` maintenance database.
 */
async function withAdminClient(parsed, fn) {
  try {
    return await withClient(parsed.config, fn);
  } catch (e) {
    if (e && e.code === "3D000" && parsed.database !== "postgres") {
      return withClient(parsed.withDatabase("postgres"), fn);
    }
    throw e;
  }
}

/**
 * `"char"` columns (OID 18) make adapter-pg throw "Unsupported column type char". They are
 * relabelled as text for adapter-pg's decoding, then reported to the engine as the
 * Character column type, which is what its introspection reads them as (`get_char`).
 * The rows array is the same object in performIO's and queryRaw's results, which links
 * the two steps without shared mutable state.
 */
const charColumnsByRows = new WeakMap();

function relabelCharColumns(queryable) {
  if (!queryable || queryable.__charRelabelled) return queryable;
  const performIO = queryable.performIO;
  const queryRaw = queryable.queryRaw;
  if (typeof performIO !== "function" || typeof queryRaw !== "function") return queryable;
  queryable.performIO = async function (query) {
    const result = await performIO.call(this, query);
    if (result && Array.isArray(result.fields) && Array.isArray(result.rows)) {
      const charColumns = [];
      result.fields.forEach((field, i) => {
        if (field.dataTypeID === PG_CHAR_OID) {
          field.dataTypeID = PG_TEXT_OID;
          charColumns.push(i);
        }
      });
      if (charColumns.length > 0) charColumnsByRows.set(result.rows, charColumns);
    }
    return result;
  };
  queryable.queryRaw = async function (query) {
    const result = await queryRaw.call(this, query);
    const charColumns = result && charColumnsByRows.get(result.rows);
    if (charColumns) for (const i of charColumns) result.columnTypes[i] = ColumnTypeEnum.Character;
    return result;
  };
  queryable.__charRelabelled = true;
  return queryable;
}

/** Remembers the raw database error (SQLSTATE, message, detail) for error reports. */
function recordErrors(queryable, onDbError) {
  const onError = queryable.onError;
  if (typeof onError === "function" && !queryable.__errorsRecorded) {
    queryable.onError = function (error) {
      if (error && typeof error.code === "string" && typeof error.severity === "string") onDbError(error);
      return onError.call(this, error);
    };
    queryable.__errorsRecorded = true;
  }
  return queryable;
}

/** Applies the fixes to an adapter returned by adapter-pg's factory. */
function patchAdapter(adapter, onDbError) {
  relabelCharColumns(recordErrors(adapter, onDbError));

  // The whole script in one simple-protocol query: `$$` bodies survive, and Postgres runs
  // the statements in order (in one implicit transaction unless the script has its own).
  adapter.executeScript = async function (script) {
    try {
      await this.client.query(script);
    } catch (error) {
      this.onError(error);
    }
  };

  const startTransaction = adapter.startTransaction;
  adapter.startTransaction = async function (...args) {
    return relabelCharColumns(recordErrors(await startTransaction.apply(this, args), onDbError));
  };
  return adapter;
}

class OfflinePgAdapterFactory {
  /**
   * @param {{ url: string, shadowDatabaseUrl?: string }} datasource
   * @param {(msg: string) => void} [log]
   */
  constructor(datasource, log = () => {}, { mainDatabaseOptional = false } = {}) {
    if (!datasource || !datasource.url) {
      throw new Error("No database URL was given to the schema engine: set `datasource.url` in prisma.config.ts (DATABASE_URL).");
    }
    this.provider = "postgres";
    this.adapterName = "@prisma/adapter-pg";
    this.main = parseUrl(datasource.url);
    this.shadow = datasource.shadowDatabaseUrl ? parseUrl(datasource.shadowDatabaseUrl) : undefined;
    this.log = log;
    /** Only the server is needed (diff from migrations): a missing main database is fine. */
    this.mainDatabaseOptional = mainDatabaseOptional;
    /** Temporary shadow databases not yet dropped (dropped on exit as a last resort). */
    this.pendingShadowDbs = new Set();
    /** The last error PostgreSQL reported (adapter-pg keeps only a summary of it). */
    this.lastDbError = undefined;
    this.onDbError = (error) => {
      this.lastDbError = error;
    };
  }

  async connect() {
    const options = this.main.schema ? { schema: this.main.schema } : undefined;
    let config = this.main.config;
    if (this.mainDatabaseOptional && this.main.database !== "postgres") {
      const missing = await withClient(config, () => false).catch((e) => e && e.code === "3D000");
      if (missing) {
        this.log(`database ${this.main.database} does not exist: using the server's postgres database`);
        config = this.main.withDatabase("postgres");
      }
    }
    return patchAdapter(await new PrismaPg(config, options).connect(), this.onDbError);
  }

  async connectToShadowDb() {
    if (this.shadow) return this.connectToConfiguredShadowDb();

    const name = `prisma_migrate_shadow_db_${randomUUID()}`;
    try {
      await withAdminClient(this.main, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`));
    } catch (error) {
      if (error && error.code === "42501") {
        throw Object.assign(
          new Error(
            "Prisma Migrate could not create the shadow database. Please make sure the database user has permission to create databases " +
              "(CREATEDB), or set a disposable shadowDatabaseUrl (SHADOW_DATABASE_URL). Read more about the shadow database at https://pris.ly/d/migrate-shadow\n\n" +
              `Original error: ${error.code}\n${error.message}`,
          ),
          { code: "P3014" },
        );
      }
      throw error;
    }
    this.pendingShadowDbs.add(name);
    this.log(`created shadow database ${name}`);

    // Same schema (search_path) as the main database, e.g. `?schema=app`.
    const schema = this.main.schema;
    if (schema && schema !== "public") {
      await withClient(this.main.withDatabase(name), (c) => c.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`));
    }
    const adapter = patchAdapter(await new PrismaPg(this.main.withDatabase(name), schema ? { schema } : undefined).connect(), this.onDbError);
    const dispose = adapter.dispose;
    let disposed = false;
    adapter.dispose = async () => {
      if (disposed) return;
      disposed = true;
      try {
        await dispose.call(adapter); // close the pool first …
      } finally {
        await this.dropShadowDb(name); // … then the database can go
      }
    };
    return adapter;
  }

  /** A user-configured shadow database (shadowDatabaseUrl) is emptied before use, like the native engine does. */
  async connectToConfiguredShadowDb() {
    const s = this.shadow;
    const local = (h) => (["localhost", "127.0.0.1", "::1", "[::1]"].includes(h) ? "localhost" : h);
    if (local(s.host) === local(this.main.host) && s.port === this.main.port && s.database === this.main.database) {
      // The shadow database is wiped before use: never let that be the main database.
      throw new Error(
        "The shadow database you configured appears to be the same as the main database. Please specify another, disposable database in `shadowDatabaseUrl`.",
      );
    }
    const keep = s.schema || "public";
    await withClient(s.config, async (c) => {
      const { rows } = await c.query(
        "SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'",
      );
      for (const { nspname } of rows) {
        // Schemas of other owners may not be droppable: their objects go with DROP OWNED.
        await c.query(`DROP SCHEMA ${quoteIdent(nspname)} CASCADE`).catch(() => {});
      }
      await c.query("DROP OWNED BY CURRENT_USER").catch(() => {});
      await c.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(keep)}`);
    });
    const options = s.schema ? { schema: s.schema } : undefined;
    return patchAdapter(await new PrismaPg(s.config, options).connect(), this.onDbError);
  }

  async dropShadowDb(name) {
    await withAdminClient(this.main, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
    this.pendingShadowDbs.delete(name);
    this.log(`dropped shadow database ${name}`);
  }

  /** Drops shadow databases the engine did not dispose of (e.g. after an error). */
  async cleanup() {
    for (const name of [...this.pendingShadowDbs]) {
      await this.dropShadowDb(name).catch((e) => this.log(`could not drop shadow database ${name}: ${e.message}`));
    }
  }
}

/**
 * A factory for commands that need no database: the engine's start-up probe (schema
 * exists? server version?) gets a fixed answer, anything else fails with `reason`.
 */
function noDatabaseFactory(reason) {
  const answerProbe = reason === undefined;
  reason ??= "This command runs without a database connection.";
  const fail = async () => {
    throw new Error(reason);
  };
  const adapter = {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    async queryRaw(query) {
      if (!answerProbe || !/server_version_num/.test(query.sql)) return fail();
      return {
        columnNames: ["exists", "version", "numeric_version"],
        columnTypes: [ColumnTypeEnum.Boolean, ColumnTypeEnum.Text, ColumnTypeEnum.Int32],
        rows: [[true, "PostgreSQL 18.0 (no database connection)", 180000]],
      };
    },
    executeRaw: fail,
    executeScript: fail,
    startTransaction: fail,
    getConnectionInfo: () => ({ supportsRelationJoins: true }),
    dispose: async () => {},
  };
  return { provider: "postgres", adapterName: "@prisma/adapter-pg", connect: async () => adapter, connectToShadowDb: fail };
}

module.exports = { OfflinePgAdapterFactory, noDatabaseFactory, parseUrl, withClient, withAdminClient, quoteIdent };
