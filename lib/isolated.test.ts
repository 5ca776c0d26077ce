import { Decimal } from "@/lib/money";
import { afterEach, describe, expect, it, vi } from "vitest";
import { cloneable, IsolatedTaskError, offloaded, runIsolated } from "./isolated";

const TASKS = "tests/fixtures/isolated-tasks.ts";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe("runIsolated", () => {
  it("runs the named export in another process; byte arrays arrive as Buffers, class instances as their text", async () => {
    const r = (await runIsolated(TASKS, "echo", [Buffer.from("预算数"), { amount: new Decimal("1234.50"), when: new Date(0), list: [1, "二"] }])) as {
      isBuffer: boolean;
      text: string;
      value: unknown;
      pid: number;
    };
    expect(r.isBuffer).toBe(true);
    expect(r.text).toBe("预算数");
    expect(r.value).toEqual({ amount: "1234.5", when: new Date(0), list: [1, "二"] });
    expect(r.pid).not.toBe(process.pid);
  });

  it("hands a byte result back as a Buffer", async () => {
    const b = await runIsolated(TASKS, "bytesOf", ["执行数"]);
    expect(Buffer.isBuffer(b)).toBe(true);
    expect((b as Buffer).toString("utf8")).toBe("执行数");
  });

  it("a task that throws fails with a Chinese message, not the task's own", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const e = await runIsolated(TASKS, "fails", []).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(IsolatedTaskError);
    expect((e as IsolatedTaskError).kind).toBe("failed");
    expect((e as Error).message).toMatch(/内部错误/);
    expect(console.error).toHaveBeenCalledWith(expect.stringContaining("a bug inside the task"));
  });

  it("a task that runs out of its heap fails alone with a Chinese message; this process goes on", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const e = await runIsolated(TASKS, "hog", [], { heapMb: 24 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(IsolatedTaskError);
    expect((e as IsolatedTaskError).kind).toBe("memory");
    expect((e as Error).message).toMatch(/内存上限/);
    // The next task runs normally.
    expect(Buffer.isBuffer(await runIsolated(TASKS, "bytesOf", ["ok"]))).toBe(true);
  });

  it("has its own heap limit: the server's NODE_OPTIONS cap does not reach it", async () => {
    vi.stubEnv("NODE_OPTIONS", "--max-old-space-size=32");
    const r = (await runIsolated(TASKS, "allocate", [96], { heapMb: 256 })) as { held: number; limitMb: number };
    expect(r.held).toBe(96);
    expect(r.limitMb).toBeGreaterThanOrEqual(256);
  });

  it("arguments that cannot cross fail the call at once (no process left behind)", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const started = Date.now();
    const e = await runIsolated(TASKS, "echo", [Buffer.from("x"), { f: () => 1 }]).catch((x: unknown) => x);
    expect((e as IsolatedTaskError).kind).toBe("failed");
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("a task over its time is stopped", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const e = await runIsolated(TASKS, "busy", [5_000], { timeoutMs: 300 }).catch((x: unknown) => x);
    expect((e as IsolatedTaskError).kind).toBe("timeout");
    expect((e as Error).message).toMatch(/超时/);
  });

  it("runs at most JIXIAO_WORKERS tasks at once; the others wait their turn", async () => {
    vi.stubEnv("JIXIAO_WORKERS", "1");
    const spans = (await Promise.all([runIsolated(TASKS, "busy", [300]), runIsolated(TASKS, "busy", [300]), runIsolated(TASKS, "busy", [300])])) as { start: number; end: number }[];
    spans.sort((a, b) => a.start - b.start);
    for (let i = 1; i < spans.length; i++) expect(spans[i]!.start).toBeGreaterThanOrEqual(spans[i - 1]!.end);
    // …and a failure frees its place (no deadlock after an error).
    vi.spyOn(console, "error").mockImplementation(() => {});
    await runIsolated(TASKS, "fails", []).catch(() => {});
    expect(Buffer.isBuffer(await runIsolated(TASKS, "bytesOf", ["next"]))).toBe(true);
  });
});

describe("the queue", () => {
  it("a task that cannot start within the queue's time fails as busy, in Chinese; the place goes to the next", async () => {
    vi.stubEnv("JIXIAO_WORKERS", "1");
    const first = runIsolated(TASKS, "busy", [1_500]);
    const refused = await runIsolated(TASKS, "bytesOf", ["late"], { queueMs: 200 }).catch((x: unknown) => x);
    expect((refused as IsolatedTaskError).kind).toBe("busy");
    expect((refused as Error).message).toBe("服务器正忙于处理其他大文件，请稍后重试");
    // A patient one gets the place when the first ends (and the refused one left no hole in the queue).
    const patient = runIsolated(TASKS, "busy", [10]);
    const [a, b] = (await Promise.all([first, patient])) as { start: number; end: number }[];
    expect(b!.start).toBeGreaterThanOrEqual(a!.end);
  });
});

describe("offloaded", () => {
  it("runs in this process when the input is small, in a child process when it is large", async () => {
    const inline = vi.fn(async (text: string) => Buffer.from(`inline:${text}`));
    const fn = offloaded(inline, { module: TASKS, name: "bytesOf" }, (text) => text.length > 3);
    expect((await fn("ab")).toString()).toBe("inline:ab");
    expect(inline).toHaveBeenCalledTimes(1);
    expect((await fn("abcdef")).toString()).toBe("abcdef");
    expect(inline).toHaveBeenCalledTimes(1);
    expect(fn.target).toEqual({ module: TASKS, name: "bytesOf" });
  });
  it("answers a failed worker with onWorkerFailure; errors of the function run inline are still thrown", async () => {
    const mapped = offloaded(async () => "never", { module: TASKS, name: "fails" }, () => true, (e) => `worker:${e.kind}`);
    expect(await mapped()).toBe("worker:failed");
    const inlineBug = offloaded(async (): Promise<string> => Promise.reject(new Error("inline bug")), { module: TASKS, name: "fails" }, () => false, (e) => `worker:${e.kind}`);
    await expect(inlineBug()).rejects.toThrow("inline bug");
    const unmapped = offloaded(async () => "never", { module: TASKS, name: "fails" }, () => true);
    await expect(unmapped()).rejects.toBeInstanceOf(IsolatedTaskError);
  });
});

describe("cloneable", () => {
  it("keeps plain data, turns class instances into their text", () => {
    class Money {
      toString() {
        return "12.30";
      }
    }
    expect(cloneable({ a: [new Money(), null, 1], b: { c: "x" }, d: new Uint8Array([1]) })).toEqual({ a: ["12.30", null, 1], b: { c: "x" }, d: new Uint8Array([1]) });
  });
});
