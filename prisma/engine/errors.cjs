"use strict";
/**
 * Error reporting in the native engine's style: Prisma's user-facing error codes
 * (P1000 authentication, P1001 unreachable, P1003 no such database, P3018 failed
 * migration, …) with the same wording, so the CLI prints what developers expect.
 */

const P_CODE = /^P\d{4}$/;
const UNREACHABLE = new Set(["ECONNREFUSED", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN", "EADDRNOTAVAIL"]);

/** A short description of any thrown value. */
function describe(error) {
  if (error instanceof Error) return error.message || error.name;
  if (error && typeof error === "object") {
    if (typeof error.message === "string") return error.message;
    try {
      return JSON.stringify(error);
    } catch {
      return String(error);
    }
  }
  return String(error);
}

/** An Error carrying a Prisma error code, as thrown by our own code. */
function prismaError(code, message) {
  return Object.assign(new Error(message), { code });
}

function hasPrismaCode(error) {
  return Boolean(error) && typeof error.code === "string" && P_CODE.test(error.code);
}

/**
 * Connection-level failures, from node-postgres/socket errors, adapter-pg's error kinds,
 * or the engine's own (code-less) messages for them.
 *
 * @param {any} error
 * @param {{ host: string, port: string, database: string, user: string }} target
 * @returns {{ code: string, message: string } | null}
 */
function userFacingConnectionError(error, target) {
  if (!error || !target) return null;
  const where = `${target.host}:${target.port}`;
  const kind = error.kind;
  const code = error.code ?? error.originalCode;
  const text = describe(error);

  if (code === "28P01" || kind === "AuthenticationFailed" || /password authentication failed|Authentication failed against database server/i.test(text)) {
    return {
      code: "P1000",
      message:
        `Authentication failed against database server at \`${target.host}\`, the provided database credentials for \`${target.user}\` are not valid.\n\n` +
        `Please make sure to provide valid database credentials for the database server at \`${target.host}\`.`,
    };
  }
  if (code === "3D000" || kind === "DatabaseDoesNotExist" || (/^Database `[^`]*` does not exist/.test(text) && !/shadow/i.test(text))) {
    return { code: "P1003", message: `Database \`${target.database}\` does not exist on the database server at \`${where}\`.` };
  }
  if (code === "42P04" || kind === "DatabaseAlreadyExists") {
    return { code: "P1009", message: `Database \`${target.database}\` already exists on the database server at \`${where}\`` };
  }
  if (code === "28000" || kind === "DatabaseAccessDenied") {
    return { code: "P1010", message: `User \`${target.user}\` was denied access on the database \`${target.database}\`` };
  }
  if (
    UNREACHABLE.has(code) ||
    kind === "DatabaseNotReachable" ||
    kind === "SocketTimeout" ||
    /Can't reach database server|Connection terminated due to connection timeout|timeout expired/i.test(text)
  ) {
    return {
      code: "P1001",
      message: `Can't reach database server at \`${where}\`\n\nPlease make sure your database server is running at \`${where}\`.`,
    };
  }
  if (kind === "TlsConnectionError" || (typeof code === "string" && /CERT|TLS|SSL/.test(code)) || /does not support SSL|error establishing an SSL connection/i.test(text)) {
    return { code: "P1011", message: `Error opening a TLS connection: ${error.reason ?? text}` };
  }
  if (code === "ECONNRESET" || kind === "ConnectionClosed" || /^Connection terminated unexpectedly/i.test(text)) {
    return { code: "P1017", message: "Server has closed the connection." };
  }
  return null;
}

/**
 * The wasm engine appends a tracing span trace to its errors:
 *      0: sql_schema_connector::apply_migration::apply_script
 *              with migration_name="20240104000000_bad"
 *                at schema-engine/…/apply_migration.rs:113
 * Returns the message without it, and the migration name if the trace mentions one.
 */
function splitSpanTrace(message) {
  const lines = String(message).split("\n");
  const start = lines.findIndex((l) => /^\s+\d+: [\w:]+/.test(l));
  if (start < 0) return { message: String(message).trimEnd(), migrationName: undefined };
  const trace = lines.slice(start).join("\n");
  const migrationName = /migration_name="([^"]+)"/.exec(trace)?.[1];
  return { message: lines.slice(0, start).join("\n").trimEnd(), migrationName };
}

/** PostgreSQL's own report of an error, as the native engine prints it. */
function formatDbError(e) {
  return (
    `Database error code: ${e.code}\n\nDatabase error:\n${e.severity ?? "ERROR"}: ${e.message}` +
    (e.detail ? `\nDETAIL: ${e.detail}` : "") +
    (e.hint ? `\nHINT: ${e.hint}` : "")
  );
}

/** Commands that replay the migrations on a shadow database. */
const SHADOW_METHODS = new Set(["devDiagnostic", "diagnoseMigrationHistory", "evaluateDataLoss", "createMigration", "diff"]);

/**
 * Everything the engine (or this stand-in) threw, as the `data` of a JSON-RPC error.
 *
 * @param {any} error
 * @param {{ method: string, target?: object, lastDbError?: any }} ctx
 * @returns {{ message: string, errorCode?: string, meta?: any }}
 */
function toUserFacing(error, { method, target, lastDbError }) {
  if (hasPrismaCode(error)) {
    let message = splitSpanTrace(error.message).message.replace(/\bexternal connector error\n/, "");
    if (lastDbError && (error.code === "P3006" || error.code === "P3018")) message += `\n\n${formatDbError(lastDbError)}`;
    return { message, errorCode: error.code, meta: error.meta };
  }
  const known = userFacingConnectionError(error, target);
  if (known) return { message: known.message, errorCode: known.code };

  const { message, migrationName } = splitSpanTrace(describe(error));
  const clean = message.replace(/^external connector error\n/, "");

  if (migrationName && method === "applyMigrations") {
    const dbError = lastDbError ? formatDbError(lastDbError) : `Database error:\n${clean}`;
    return {
      errorCode: "P3018",
      message:
        "A migration failed to apply. New migrations cannot be applied before the error is recovered from. " +
        "Read more about how to resolve migration issues in a production database: https://pris.ly/d/migrate-resolve\n\n" +
        `Migration name: ${migrationName}\n\n${dbError}\n`,
      meta: { migration_name: migrationName },
    };
  }
  if (migrationName && SHADOW_METHODS.has(method) && !/shadow database/i.test(clean)) {
    const dbError = lastDbError ? formatDbError(lastDbError) : clean;
    return {
      errorCode: "P3006",
      message: `Migration \`${migrationName}\` failed to apply cleanly to the shadow database. \n${dbError}\n`,
      meta: { migration_name: migrationName },
    };
  }
  if (migrationName && !clean.includes(migrationName)) {
    return { message: `${clean}\n\n(migration: ${migrationName})` };
  }
  return { message: clean };
}

module.exports = { describe, prismaError, hasPrismaCode, userFacingConnectionError, splitSpanTrace, toUserFacing };
