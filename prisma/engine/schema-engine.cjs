#!/usr/bin/env node
"use strict";
/**
 * Offline stand-in for Prisma's native `schema-engine` binary (see README.md).
 *
 * The Prisma CLI spawns this file (through PRISMA_SCHEMA_ENGINE_BINARY, set by
 * prisma.config.ts) exactly as it would spawn the Rust binary:
 *
 *   schema-engine --version
 *   schema-engine [--datamodels FILE]… --datasource '{"url":…}' cli can-connect-to-database|create-database|drop-database
 *   schema-engine [--datamodels FILE]… [--datasource '{"url":…,"shadowDatabaseUrl":…}']   (JSON-RPC on stdin/stdout)
 *
 * and answers with Prisma's official WebAssembly schema engine, connected to PostgreSQL
 * through @prisma/adapter-pg.
 */
const readline = require("node:readline");
const { inspect } = require("node:util");

const { describe, prismaError, hasPrismaCode, userFacingConnectionError, toUserFacing } = require("./errors.cjs");

const { logLine, debug, parseArgs, readDatamodels } = require("./cli-args.cjs");

// ---------------------------------------------------------------------------------------
// `cli …` subcommands: exit 0 on success; on failure exit 1 with the error as an ERROR
// line of target `schema_engine::logger` (the CLI skips the first stderr line, then
// parses every further line as JSON).

async function runCliCommand(command, datasource) {
  const { parseUrl, withClient, withAdminClient, quoteIdent } = require("./pg-factory.cjs");
  let target;
  try {
    if (!datasource || !datasource.url) throw new Error("No database URL was given to the schema engine (--datasource).");
    target = parseUrl(datasource.url);
    switch (command) {
      case "can-connect-to-database":
        await withClient(target.config, (c) => c.query("SELECT 1"));
        break;
      case "create-database":
        await withAdminClient(target, (c) => c.query(`CREATE DATABASE ${quoteIdent(target.database)}`));
        break;
      case "drop-database":
        await withClient(target.withDatabase("postgres"), (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(target.database)} WITH (FORCE)`));
        break;
      default:
        throw new Error(`Unknown cli subcommand: ${command}`);
    }
    process.stderr.write(`${logLine("INFO", `${command}: ok`)}\n`);
    return 0;
  } catch (error) {
    const known = hasPrismaCode(error) ? error : userFacingConnectionError(error, target);
    const fields = known ? { message: known.message, error_code: known.code } : { message: describe(error) };
    // The CLI ignores the first stderr line and parses each further one as JSON (so no
    // trailing newline), looking for an ERROR of target schema_engine::logger.
    process.stderr.write(`${logLine("INFO", `schema engine cli ${command}`)}\n`);
    process.stderr.write(logLine("ERROR", fields.message, fields.error_code ? { error_code: fields.error_code } : {}, "schema_engine::logger"));
    return 1;
  }
}

// ---------------------------------------------------------------------------------------
// JSON-RPC server

const RPC_ERROR_CODE = 4466; // what the native engine uses for its domain errors

function errorResponse(id, { message, errorCode, meta, isPanic = false }) {
  return {
    jsonrpc: "2.0",
    id,
    error: {
      code: RPC_ERROR_CODE,
      message: "An error happened. Check the data field for details.",
      data: { is_panic: isPanic, message, meta: meta ?? null, error_code: errorCode ?? null },
    },
  };
}

class RpcServer {
  constructor(args) {
    this.args = args;
    this.queue = Promise.resolve();
    this.outgoing = new Map(); // id -> resolve, for our `print` requests
    this.nextOutgoingId = 1;
    this.dead = null; // set once the wasm machine trapped: it cannot be used any more
    this.factory = undefined;
    this.enginePromise = undefined; // started by the first request (see engine())
    // Rejected when the wasm machine traps outside of a promise the engine returned (e.g.
    // in a callback): the request in flight would otherwise never be answered.
    this.crashed = new Promise((_, reject) => (this.rejectCrashed = reject));
    this.crashed.catch(() => {});
  }

  /** Called for an uncaught exception: the engine is done for, answer what is pending. */
  onCrash(error) {
    this.dead = this.dead ?? error;
    this.rejectCrashed(error);
  }

  send(message) {
    process.stdout.write(`${JSON.stringify(message)}\n`);
  }

  /**
   * @param {"nothing" | "server" | "database"} needs  what the first request needs (see
   *   `needs()`): the wasm engine probes the server when it starts, even for a diff of
   *   two Prisma schemas, which natively works with no database at all.
   */
  async startEngine(needs) {
    const { loadWasmEngine } = require("./wasm-engine.cjs");
    const { bindMigrationAwareSqlAdapterFactory } = require("@prisma/driver-adapter-utils");
    const { OfflinePgAdapterFactory, noDatabaseFactory } = require("./pg-factory.cjs");

    const { SchemaEngine } = loadWasmEngine();
    const datamodels = readDatamodels(this.args.datamodels);
    const datasource = this.args.datasource ?? { url: undefined };
    if (needs !== "nothing" && datasource.url) {
      this.factory = new OfflinePgAdapterFactory(datasource, debug, { mainDatabaseOptional: needs === "server" });
    }
    const adapterFactory = bindMigrationAwareSqlAdapterFactory(
      this.factory ??
        noDatabaseFactory(needs === "nothing" ? undefined : "No database URL was given to the schema engine: set `datasource.url` in prisma.config.ts (DATABASE_URL)."),
    );
    this.errorRegistry = adapterFactory.errorRegistry;
    // The wasm engine logs tracing events as JSON lines, already in the native format.
    const logCallback = (msg) => {
      if (!debugEnabled) return;
      const line = (typeof msg === "string" ? msg : JSON.stringify(msg)).trim();
      process.stderr.write(`${line.startsWith("{") ? line : logLine("DEBUG", line)}\n`);
    };
    return SchemaEngine.new({ datamodels }, logCallback, adapterFactory);
  }

  onLine(line) {
    if (!line.trim()) return;
    let msg;
    try {
      msg = JSON.parse(line);
    } catch (e) {
      this.send({ jsonrpc: "2.0", id: null, error: { code: -32700, message: `Parse error: ${e.message}` } });
      return;
    }
    // A response to one of our own requests (`print`)
    if (msg.method === undefined && this.outgoing.has(msg.id)) {
      const resolve = this.outgoing.get(msg.id);
      this.outgoing.delete(msg.id);
      resolve(msg);
      return;
    }
    if (typeof msg.method !== "string") return;
    // Requests run one after the other, like in the native engine's single connection.
    this.queue = this.queue.then(() => this.handle(msg));
  }

  /** Asks the CLI to print something to its stdout (so that `--output` can capture it). */
  print(content) {
    const id = `print-${this.nextOutgoingId++}`;
    return new Promise((resolve) => {
      this.outgoing.set(id, resolve);
      this.send({ jsonrpc: "2.0", id, method: "print", params: { content } });
    });
  }

  async handle(msg) {
    const { id, method } = msg;
    const params = msg.params ?? undefined;
    if (this.factory) this.factory.lastDbError = undefined;
    let response;
    try {
      const result = await Promise.race([this.dispatch(method, params), this.crashed]);
      response = { jsonrpc: "2.0", id, result: result === undefined ? null : result };
    } catch (error) {
      debug(`${method} failed: ${inspect(error)}`);
      response = errorResponse(id, this.toRpcError(error, method));
    }
    if (id !== undefined && id !== null) this.send(response);
  }

  async engine(method, params) {
    if (this.dead) throw this.dead;
    if (!this.enginePromise) {
      this.enginePromise = this.startEngine(needs(method, params));
      this.enginePromise.catch(() => {}); // reported to each request
    }
    return this.enginePromise;
  }

  async dispatch(method, params) {
    switch (method) {
      case "getDatabaseVersion": {
        const engine = await this.engine(method, params);
        return engine.version(params ?? undefined);
      }
      case "createDatabase":
        return this.createDatabase(params);
      case "diff": {
        const engine = await this.engine(method, params);
        const result = await engine.diff(params);
        if (result && typeof result.stdout === "string" && result.stdout.length > 0) {
          await this.print(result.stdout.replace(/\n$/, ""));
        }
        return { exitCode: result?.exitCode ?? 0, stdout: null };
      }
      case "evaluateDataLoss":
      case "createMigration": {
        const engine = await this.engine(method, params);
        try {
          return await engine[method](params);
        } catch (error) {
          // After `migrate dev --create-only`, the engine has no shadow database factory
          // for these calls until devDiagnostic has run once: run it and retry.
          if (!isMissingShadowFactoryError(error) || !params?.migrationsList) throw error;
          debug(`${method}: ${describe(error)} -> running devDiagnostic and retrying`);
          await engine.devDiagnostic({ migrationsList: params.migrationsList, filters: params.filters ?? emptyFilter() });
          return await engine[method](params);
        }
      }
      case "debugPanic": {
        const engine = await this.engine(method, params);
        return engine.debugPanic();
      }
      case "getDatabaseDescription":
        throw new Error("getDatabaseDescription is not supported by the offline (WebAssembly) schema engine.");
      default: {
        const { SchemaEngine } = require("./wasm-engine.cjs").loadWasmEngine();
        if (typeof SchemaEngine.prototype[method] !== "function" || method === "free" || method.startsWith("_")) {
          throw new Error(`Unknown schema engine method: ${method}`);
        }
        const engine = await this.engine(method, params);
        return engine[method](params);
      }
    }
  }

  async createDatabase(params) {
    const { parseUrl, withAdminClient, quoteIdent } = require("./pg-factory.cjs");
    const ds = params?.datasource;
    const url = ds && ds.tag === "ConnectionString" ? ds.url : this.args.datasource?.url;
    if (!url) throw new Error("createDatabase: no database URL.");
    const target = parseUrl(url);
    try {
      await withAdminClient(target, (c) => c.query(`CREATE DATABASE ${quoteIdent(target.database)}`));
    } catch (error) {
      const known = userFacingConnectionError(error, target);
      throw known ? prismaError(known.code, known.message) : error;
    }
    return { databaseName: target.database };
  }

  /** Maps anything thrown by the engine (or by us) to the fields of a JSON-RPC error. */
  toRpcError(error, method) {
    const { isWasmPanic, lastPanicMessage } = require("./wasm-engine.cjs");
    if (isWasmPanic(error)) {
      // The wasm machine trapped and cannot be used any more. Report a plain error, so
      // that the CLI prints it and exits non-zero (instead of offering a crash report).
      const reason = lastPanicMessage() || describe(error);
      const message = `The schema engine (WebAssembly) crashed during \`${method}\`: ${reason}`;
      this.dead = new Error(message);
      return { message };
    }
    // An exception thrown by JavaScript inside the adapter reaches the engine as
    // { kind: "GenericJs", id } and comes back as "External error id#N": use the original.
    const ctx = { method, target: this.factory?.main, lastDbError: this.factory?.lastDbError };
    const original = this.takeJsError(error);
    if (original === undefined) return toUserFacing(error, ctx);
    const fromOriginal = toUserFacing(original, ctx);
    if (fromOriginal.errorCode) return fromOriginal;
    const context = toUserFacing(error, ctx).message.replace(/\n?External error id#\d+/, "").trim();
    return { message: context ? `${context}: ${fromOriginal.message}` : fromOriginal.message };
  }

  takeJsError(error) {
    const registry = this.errorRegistry;
    if (!registry || typeof registry.consumeError !== "function") return undefined;
    const id = error?.id ?? error?.cause?.id ?? /(?:External error id#|GenericJs\D*)(\d+)/.exec(describe(error))?.[1];
    if (id === undefined) return undefined;
    return registry.consumeError(Number(id))?.error;
  }

  async shutdown() {
    await this.queue.catch(() => {});
    try {
      const engine = await (this.enginePromise ?? Promise.resolve(undefined));
      if (!this.dead && engine && typeof engine.free === "function") engine.free();
    } catch {
      /* never started */
    }
    await this.factory?.cleanup();
  }
}

function emptyFilter() {
  return { externalTables: [], externalEnums: [] };
}

/** "PostgreSQL shadow DB must be provided through an external factory" */
function isMissingShadowFactoryError(error) {
  return /shadow DB must be provided through an external factory/i.test(describe(error));
}

/**
 * What a request needs: "nothing" for a diff between Prisma schemas (or empty), "server"
 * for a diff that replays migrations (a shadow database; the main database may not exist
 * yet), "database" for everything else.
 */
function needs(method, params) {
  if (method !== "diff") return "database";
  const sides = [params?.from?.tag, params?.to?.tag];
  if (sides.every((t) => t === "empty" || t === "schemaDatamodel")) return "nothing";
  if (sides.every((t) => t === "empty" || t === "schemaDatamodel" || t === "migrations")) return "server";
  return "database";
}

function runRpcServer(args) {
  const server = new RpcServer(args);
  process.on("uncaughtException", (error) => {
    debug(`uncaught exception: ${describe(error)}\n${error?.stack ?? ""}`);
    server.onCrash(error);
  });
  process.on("unhandledRejection", (error) => debug(`unhandled rejection: ${describe(error)}`));
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  rl.on("line", (line) => server.onLine(line));
  rl.on("close", async () => {
    await server.shutdown().catch((e) => debug(`shutdown: ${describe(e)}`));
    process.exit(0);
  });
}

// ---------------------------------------------------------------------------------------

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${describe(error)}\n`);
    return 1;
  }
  if (args.help) {
    process.stdout.write("Offline Prisma schema engine (WebAssembly). See prisma/engine/README.md.\n");
    return 0;
  }
  if (args.version) {
    const { loadWasmEngine } = require("./wasm-engine.cjs");
    process.stdout.write(`schema-engine-cli ${loadWasmEngine().version()}\n`);
    return 0;
  }
  if (args.cli !== undefined) return runCliCommand(args.cli, args.datasource);
  runRpcServer(args);
  return undefined; // keeps running until stdin closes
}

main().then(
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`${logLine("ERROR", describe(error))}\n`);
    process.exitCode = 1;
  },
);
