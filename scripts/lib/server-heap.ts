/**
 * The production server's heap cap, given to it by scripts/start.ts (hence `npm start`, the
 * Docker image and the end-to-end tests) and by the benchmarks' server (bench/lib/app.ts).
 *
 * Capped by default: Node otherwise lets the heap grow to a quarter of the machine's memory before
 * collecting hard, and the server held 0.84–1.08 GB under 50 users (bench/scale.ts). The work that
 * needs a large heap (reading and writing big workbooks) runs in worker processes with their own
 * limit (lib/isolated.ts). What sets the default is the largest page the server itself renders:
 * the indicator editor of a project at the import limit (20,000 rows, an 8.8 MB page) runs a server
 * capped at 256 MB out of heap and passes at 320 (bench/indicator-import.ts --server); 384 leaves a
 * margin. Where no project has more than ≈ 5,000 indicator rows, 192 fits (passes at 5,000, fails
 * at 10,000) and keeps the server under 400 MB RSS with 50 users (README "Scale").
 *
 *   JIXIAO_SERVER_HEAP_MB=256   another cap;  JIXIAO_SERVER_HEAP_MB=0   no cap
 *   NODE_OPTIONS=--max-old-space-size=…   wins over both (the operator said so explicitly)
 *
 * Outside the heap, glibc's malloc keeps one arena per thread that allocated (Node's I/O threads
 * included) and returns little of it: MALLOC_ARENA_MAX=2 (unless set) took the server from 416 to
 * 375 MB RSS under the same 50-user load (bench/scale.ts, province), at the same latencies.
 */
import { createRequire } from "node:module";

export const DEFAULT_SERVER_HEAP_MB = 384;
/** Young-generation half-space (MB): V8's default of 16 lets short-lived garbage add ≈ 50 MB of RSS per burst. */
export const SERVER_SEMI_SPACE_MB = 4;

/** Node flags for the server process (before the script's path). */
export function serverHeapFlags(env: { NODE_OPTIONS?: string; JIXIAO_SERVER_HEAP_MB?: string; [name: string]: string | undefined } = process.env): string[] {
  if (/--max-old-space-size/.test(env.NODE_OPTIONS ?? "")) return [];
  const raw = env.JIXIAO_SERVER_HEAP_MB;
  const mb = raw === undefined || raw === "" ? DEFAULT_SERVER_HEAP_MB : Number(raw);
  if (!Number.isFinite(mb) || mb < 0) throw new Error(`JIXIAO_SERVER_HEAP_MB 应为非负整数（MB），当前为“${raw}”`);
  if (mb === 0) return [];
  return [`--max-old-space-size=${Math.round(mb)}`, `--max-semi-space-size=${SERVER_SEMI_SPACE_MB}`];
}

/**
 * Environment for the server process: MALLOC_ARENA_MAX=2 unless the operator set it, and
 * ESBUILD_WORKER_THREADS=0: tsx then compiles the server's few TypeScript files with one short-lived
 * esbuild process each (or not at all, from its disk cache) instead of keeping a worker thread and
 * an `esbuild --service` process for the server's lifetime (stopping those later left a defunct
 * child in `ps`).
 */
export function serverProcessEnv<E extends { [name: string]: string | undefined }>(env: E): E & { MALLOC_ARENA_MAX: string; ESBUILD_WORKER_THREADS: string } {
  return { ...env, MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX || "2", ESBUILD_WORKER_THREADS: env.ESBUILD_WORKER_THREADS || "0" };
}

/**
 * What tsx leaves in the server process once our TypeScript is loaded, dropped before Next loads
 * its build (call it first thing in scripts/serve.ts):
 *
 * - tsx turns Node's source-map support on for the whole process; Node then reads and keeps the
 *   source map (mappings and original sources) of every chunk of the Next build it loads. Measured
 *   on the idle server: heap 113 → 66 MB, RSS 262 → 203 MB with it off; under 50 users
 *   (bench/scale.ts) 400 → 368 MB. `next start` does not keep them either. JIXIAO_SOURCE_MAPS=1
 *   keeps them (stack traces in the build's sources, for debugging).
 * - esbuild's compile service (a worker thread and an `esbuild --service` child process, ≈ 12–16 MB
 *   RSS), idle once our modules are compiled; a later TypeScript load starts it again. (The server's
 *   environment, serverProcessEnv, keeps it from starting at all; this covers other callers.)
 */
export async function dropLoaderOverheads(env: { JIXIAO_SOURCE_MAPS?: string; [name: string]: string | undefined } = process.env): Promise<void> {
  if (env.JIXIAO_SOURCE_MAPS !== "1") process.setSourceMapsEnabled(false);
  let esbuild: { stop(): Promise<void> } | undefined;
  try {
    // tsx's own dependency, resolved as tsx resolves it; absent when the server runs without tsx.
    esbuild = createRequire(__filename)("esbuild") as { stop(): Promise<void> };
  } catch {
    return;
  }
  await esbuild.stop();
}
