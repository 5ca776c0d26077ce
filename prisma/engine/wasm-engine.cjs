"use strict";
/**
 * Loads Prisma's official WebAssembly schema engine (shipped by the installed `prisma`
 * package as build/schema_engine_bg.wasm) with the vendored wasm-bindgen glue.
 *
 * Node 20 cannot `import` a .wasm file, so the module is instantiated by hand.
 */
const fs = require("node:fs");
const path = require("node:path");

const GLUE_MODULE = "./schema_engine_bg.js"; // the import namespace wasm-bindgen generated

/** Where the installed prisma CLI keeps its build/ folder. */
function prismaBuildDir() {
  const pkg = require.resolve("prisma/package.json", { paths: [__dirname, process.cwd()] });
  return path.join(path.dirname(pkg), "build");
}

/**
 * The wasm engine reports the reason of a Rust panic through this global before it
 * traps with a bare `RuntimeError: unreachable`.
 */
class WasmPanicRegistry {
  constructor() {
    this.message = "";
  }
  get() {
    return this.message;
  }
  set_message(value) {
    this.message = String(value);
  }
}

let loaded;

/** Instantiates the wasm once per process; returns the glue's exports (SchemaEngine, version). */
function loadWasmEngine() {
  if (loaded) return loaded;
  if (!globalThis.PRISMA_WASM_PANIC_REGISTRY) globalThis.PRISMA_WASM_PANIC_REGISTRY = new WasmPanicRegistry();

  const wasmPath = path.join(prismaBuildDir(), "schema_engine_bg.wasm");
  if (!fs.existsSync(wasmPath)) {
    throw new Error(`Prisma's WebAssembly schema engine was not found at ${wasmPath}. Is the \`prisma\` package installed?`);
  }
  const glue = require("./vendor/schema_engine_bg.cjs");
  const wasmModule = new WebAssembly.Module(fs.readFileSync(wasmPath));

  const missing = WebAssembly.Module.imports(wasmModule)
    .filter((i) => i.module !== GLUE_MODULE || typeof glue[i.name] !== "function")
    .map((i) => `${i.module}:${i.name}`);
  if (missing.length > 0) {
    throw new Error(
      `The vendored wasm-bindgen glue (prisma/engine/vendor/schema_engine_bg.cjs) does not match ${wasmPath} ` +
        `(missing: ${missing.slice(0, 5).join(", ")}${missing.length > 5 ? ", …" : ""}). ` +
        "Prisma was probably upgraded: refresh the glue from the matching @prisma/schema-engine-wasm version (see prisma/engine/README.md).",
    );
  }

  const instance = new WebAssembly.Instance(wasmModule, { [GLUE_MODULE]: glue });
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  loaded = glue;
  return glue;
}

/** Is this error a trap of the wasm machine (a Rust panic or an abort)? */
function isWasmPanic(error) {
  return Boolean(error) && (error instanceof WebAssembly.RuntimeError || error.name === "RuntimeError");
}

/** The panic message recorded by the engine's panic hook, if any. */
function lastPanicMessage() {
  const registry = globalThis.PRISMA_WASM_PANIC_REGISTRY;
  return registry && typeof registry.get === "function" ? registry.get() : "";
}

module.exports = { loadWasmEngine, isWasmPanic, lastPanicMessage, prismaBuildDir };
