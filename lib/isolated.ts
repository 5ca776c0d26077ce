/**
 * Heavy work (reading or writing a 20,000-row workbook) in a worker process with its own heap
 * limit, so that one oversized request fails alone, with a Chinese message, instead of taking the
 * server's heap (and every other user's request) with it; the server's own heap can then be capped
 * low (scripts/start.ts, Dockerfile; README "Scale").
 *
 *   export const parseOffloaded = offloaded(parseIndicatorWorkbook,
 *     { module: "features/indicators/excel/parser.ts", name: "parseIndicatorWorkbook" },
 *     (input) => input.byteLength > OFFLOAD_FILE_BYTES); // same signature; a worker for large files
 *
 * Each call starts a fresh Node process (lib/isolated/entry.mjs loads the module through tsx, as
 * scripts/serve.ts is loaded) and ends it when the answer is back: nothing stays in memory between
 * requests. A process, not a worker thread: V8's --max-old-space-size is process-wide and overrides
 * a worker thread's resourceLimits (measured: a server capped at 160 MB left its threads 208 MB), so
 * a capped server could not give a thread more than itself. Arguments and the result cross by
 * structured cloning (plain objects, arrays, strings, numbers, byte arrays; class instances such as
 * Decimal travel as their text, see `cloneable`); top-level byte arrays arrive as Buffers both ways.
 * At most JIXIAO_WORKERS (default 2) run at once per server; more wait their turn, for
 * JIXIAO_WORKER_QUEUE_S (default 60) s at most ("busy"). Each may use JIXIAO_WORKER_HEAP_MB (default
 * 384) of heap and run for JIXIAO_WORKER_TIMEOUT_S (default 120) s.
 */
import path from "node:path";
import { spawn } from "node:child_process";

/** Uploads above this size are read in a worker process (≈ 2,500 indicator rows). */
export const OFFLOAD_FILE_BYTES = 128 * 1024;
/** Whether an upload is large enough to be read in a worker process. */
export const isLargeUpload = (input: { byteLength: number }) => input.byteLength > OFFLOAD_FILE_BYTES;
/** Exports of more rows than this are written in a worker process. */
export const OFFLOAD_ROWS = 2_000;

export type IsolatedFailure = "memory" | "timeout" | "busy" | "failed";

/** A worker process that could not finish; `message` is for the user (Chinese), the cause goes to the log. */
export class IsolatedTaskError extends Error {
  constructor(
    readonly kind: IsolatedFailure,
    message: string,
  ) {
    super(message);
    this.name = "IsolatedTaskError";
  }
}

const MESSAGES: Record<IsolatedFailure, string> = {
  memory: "文件过大，处理时超出服务器为单个文件设定的内存上限，请分批处理（减少行数或删除无关内容）后重试",
  timeout: "处理超时，请减少文件中的行数后重试",
  busy: "服务器正忙于处理其他大文件，请稍后重试",
  failed: "处理文件时发生内部错误，请稍后重试；若仍失败，请联系管理员",
};

const positive = (raw: string | undefined, fallback: number) => {
  const n = Number(raw);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};

export type IsolatedLimits = { heapMb: number; timeoutMs: number; queueMs: number };

function limits(): IsolatedLimits {
  return {
    heapMb: positive(process.env.JIXIAO_WORKER_HEAP_MB, 384),
    timeoutMs: positive(process.env.JIXIAO_WORKER_TIMEOUT_S, 120) * 1000,
    queueMs: positive(process.env.JIXIAO_WORKER_QUEUE_S, 60) * 1000,
  };
}

// ─── at most N worker processes at once; the others wait their turn, for queueMs at most ───
let running = 0;
const waiting: (() => void)[] = [];

async function acquire(queueMs: number): Promise<() => void> {
  const max = positive(process.env.JIXIAO_WORKERS, 2);
  if (running < max) running += 1;
  else {
    // A released place is handed to the first waiter directly (running stays as it is), so that a
    // caller arriving in between cannot take it as well.
    await new Promise<void>((resolve, reject) => {
      const grant = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        waiting.splice(waiting.indexOf(grant), 1);
        reject(new IsolatedTaskError("busy", MESSAGES.busy));
      }, queueMs);
      waiting.push(grant);
    });
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  };
}

const asBuffer = (v: unknown) => (v instanceof Uint8Array && !Buffer.isBuffer(v) ? Buffer.from(v.buffer, v.byteOffset, v.byteLength) : v);

type Reply = { ok: true; value: unknown } | { ok: false; message: string; stack?: string };

/** V8's words when a process reaches its heap limit (it then aborts). */
const OUT_OF_MEMORY = /heap out of memory|Reached heap limit|Allocation failed/i;

/** Runs `exportName` of the TypeScript module `moduleFile` (relative to the project root) in a child process. */
export async function runIsolated(moduleFile: string, exportName: string, args: unknown[], override?: Partial<IsolatedLimits>): Promise<unknown> {
  const { heapMb, timeoutMs, queueMs } = { ...limits(), ...override };
  const root = process.cwd();
  const release = await acquire(queueMs);
  try {
    return await new Promise((resolve, reject) => {
      // The server's NODE_OPTIONS (its heap cap, an inspector…) are not this process's: it has its own limit.
      const { NODE_OPTIONS: _serverOptions, ...env } = process.env;
      // spawn with an IPC channel, as fork() does: Turbopack resolves fork()'s path as a module
      // request and fails the build (vercel/next.js#97952); spawn() takes it as a file.
      const child = spawn(process.execPath, [`--max-old-space-size=${heapMb}`, path.join(root, "lib", "isolated", "entry.mjs")], {
        cwd: root,
        env,
        serialization: "advanced",
        stdio: ["ignore", "inherit", "pipe", "ipc"],
      });
      let stderrTail = "";
      child.stderr?.on("data", (d: Buffer) => {
        stderrTail = (stderrTail + d.toString("utf8")).slice(-4000);
      });
      let settled = false;
      const settle = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        fn();
        if (child.exitCode === null) child.kill("SIGKILL");
      };
      const fail = (kind: IsolatedFailure, cause: string) => {
        if (settled) return;
        console.error(`[isolated] ${moduleFile}#${exportName}: ${kind}: ${cause}`);
        settle(() => reject(new IsolatedTaskError(kind, MESSAGES[kind])));
      };
      const timer = setTimeout(() => fail("timeout", `over ${timeoutMs} ms`), timeoutMs);
      child.once("message", (reply: Reply) => {
        if (reply.ok) settle(() => resolve(asBuffer(reply.value)));
        else fail("failed", reply.stack ?? reply.message);
      });
      child.once("error", (e) => fail("failed", e.stack ?? e.message));
      child.once("exit", (code, signal) => {
        // Let the pipe deliver the last words of a crash before judging it.
        setImmediate(() => fail(OUT_OF_MEMORY.test(stderrTail) ? "memory" : "failed", `exited (code ${code}, signal ${signal}) before answering: ${stderrTail.trim().slice(-600)}`));
      });
      try {
        // Not a file for the bundler to trace: the worker loads it from the project's sources at run time.
        child.send({ modulePath: path.join(/* turbopackIgnore: true */ root, moduleFile), exportName, args: args.map(cloneable) });
      } catch (e) {
        // Arguments that cannot be cloned (a function, say) are a bug of the caller: fail, and end the process now.
        fail("failed", e instanceof Error ? (e.stack ?? e.message) : String(e));
      }
    });
  } finally {
    release();
  }
}

/**
 * Class instances (Prisma's Decimal, …) do not survive structured cloning: they travel as their text
 * (`toString()`), which is what the workbook code reads from them. Dates and byte arrays travel as they are.
 */
export function cloneable(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(cloneable);
  if (value instanceof Date || value instanceof Uint8Array) return value;
  const proto = Object.getPrototypeOf(value);
  if ((proto !== Object.prototype && proto !== null) || Object.hasOwn(value, "toString")) return String(value);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cloneable(v)]));
}

/** Where a function lives, for the worker to load it: the module's path from the project root and the export's name. */
export type IsolatedTarget = { module: string; name: string };

/**
 * `fn`, run in a worker process when `heavy(...args)` says the input is large, in this process
 * otherwise (a worker costs ≈ 0.3–0.8 s to start: loading exceljs and compiling the module).
 * `target` names the same function for the worker (names do not survive minification);
 * features/indicators/excel/offloaded.test.ts runs every such target in a worker and compares.
 */
export type Offloaded<A extends unknown[], R> = ((...args: A) => Promise<R>) & { target: IsolatedTarget; inline: (...args: A) => Promise<R>; heavy: (...args: A) => boolean };

/**
 * `onWorkerFailure`: what a call answers when its worker process ran out of memory or time, could
 * not start or was refused as busy (an upload's parser answers it as the file's one error); without
 * it the IsolatedTaskError is thrown. Errors of `fn` itself are thrown either way.
 */
export function offloaded<A extends unknown[], R>(
  fn: (...args: A) => Promise<R>,
  target: IsolatedTarget,
  heavy: (...args: A) => boolean,
  onWorkerFailure?: (e: IsolatedTaskError) => R,
): Offloaded<A, R> {
  const inWorker = (args: A) => runIsolated(target.module, target.name, args) as Promise<R>;
  const guarded = onWorkerFailure ? (args: A) => inWorker(args).catch((e: unknown) => (e instanceof IsolatedTaskError ? onWorkerFailure(e) : Promise.reject(e))) : inWorker;
  const run = (...args: A) => (heavy(...args) ? guarded(args) : fn(...args));
  return Object.assign(run, { target, inline: fn, heavy });
}
