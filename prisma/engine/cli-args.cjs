"use strict";
/**
 * The offline schema engine's command line and log lines (used by schema-engine.cjs): its
 * arguments as the Prisma CLI passes them, and log lines in the native engine's JSON format.
 */
const fs = require("node:fs");
const path = require("node:path");

// ---------------------------------------------------------------------------------------
// Logging in the native engine's format: one JSON object per line on stderr. The CLI
// collects `fields.message` of every line and remembers the last ERROR for crash reports.

function logLine(level, message, extra = {}, target = "schema_engine::offline") {
  return JSON.stringify({
    timestamp: new Date().toISOString(),
    level,
    fields: { message, ...extra },
    target,
  });
}

const debugEnabled = /schema-?engine|\*/i.test(process.env.DEBUG || "") || process.env.PRISMA_SCHEMA_ENGINE_DEBUG === "1";
function debug(message) {
  if (debugEnabled) process.stderr.write(`${logLine("DEBUG", message)}\n`);
}

// ---------------------------------------------------------------------------------------
// Arguments

function parseArgs(argv) {
  const out = { datamodels: [], datasource: undefined, version: false, cli: undefined, previewFeatures: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`Missing value for ${a}`);
      return v;
    };
    if (a === "--version" || a === "-V") out.version = true;
    else if (a === "--datamodels" || a === "--datamodel") out.datamodels.push(value());
    else if (a.startsWith("--datamodels=")) out.datamodels.push(a.slice("--datamodels=".length));
    else if (a === "--datasource") out.datasource = JSON.parse(value());
    else if (a.startsWith("--datasource=")) out.datasource = JSON.parse(a.slice("--datasource=".length));
    else if (a === "--enabled-preview-features") out.previewFeatures = value().split(",").filter(Boolean);
    else if (a === "--extension-types") value(); // Postgres extension types: not supported by the wasm engine, ignored
    else if (a === "cli") out.cli = argv[++i];
    else if (a === "-h" || a === "--help") out.help = true;
    else throw new Error(`Unknown argument: ${a}`);
  }
  return out;
}

function readDatamodels(files) {
  // The wasm engine panics on an empty list: pass `undefined` when there are none.
  if (!files.length) return undefined;
  return files.map((file) => [file, fs.readFileSync(path.resolve(file), "utf8")]);
}

module.exports = { logLine, debug, parseArgs, readDatamodels };
