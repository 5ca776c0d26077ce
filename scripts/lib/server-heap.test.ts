import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { DEFAULT_SERVER_HEAP_MB, serverHeapFlags, serverProcessEnv } from "./server-heap";

describe("serverHeapFlags", () => {
  it("caps the server's heap by default", () => {
    expect(serverHeapFlags({})).toEqual([`--max-old-space-size=${DEFAULT_SERVER_HEAP_MB}`, "--max-semi-space-size=4"]);
  });
  it("takes another cap, or none, from JIXIAO_SERVER_HEAP_MB", () => {
    expect(serverHeapFlags({ JIXIAO_SERVER_HEAP_MB: "320" })[0]).toBe("--max-old-space-size=320");
    expect(serverHeapFlags({ JIXIAO_SERVER_HEAP_MB: "0" })).toEqual([]);
  });
  it("leaves an explicit NODE_OPTIONS cap alone", () => {
    expect(serverHeapFlags({ NODE_OPTIONS: "--max-old-space-size=512", JIXIAO_SERVER_HEAP_MB: "128" })).toEqual([]);
  });
  it("refuses a value that is not a size, in Chinese", () => {
    expect(() => serverHeapFlags({ JIXIAO_SERVER_HEAP_MB: "很多" })).toThrow(/JIXIAO_SERVER_HEAP_MB 应为非负整数/);
  });
});

describe("serverProcessEnv", () => {
  it("limits malloc's arenas unless the operator chose", () => {
    expect(serverProcessEnv({ PORT: "3000" })).toEqual({ PORT: "3000", MALLOC_ARENA_MAX: "2", ESBUILD_WORKER_THREADS: "0" });
    expect(serverProcessEnv({ MALLOC_ARENA_MAX: "4" }).MALLOC_ARENA_MAX).toBe("4");
  });
});

describe("dropLoaderOverheads", () => {
  const run = (args: string[] = [], env: NodeJS.ProcessEnv = process.env) =>
    JSON.parse(execFileSync(process.execPath, ["--import", "tsx", "tests/fixtures/loader-overheads.ts", ...args], { encoding: "utf8", timeout: 30_000, env }).trim().split("\n").pop()!) as {
      before: { sourceMaps: boolean; esbuild: boolean };
      after: { sourceMaps: boolean; esbuild: boolean };
    };

  it("turns off the source maps tsx turned on and stops esbuild's service, in a process loaded by tsx", () => {
    const { before, after } = run();
    expect(before).toEqual({ sourceMaps: true, esbuild: true });
    expect(after).toEqual({ sourceMaps: false, esbuild: false });
  });
  it("with the server's environment, no esbuild service runs at all (nothing to stop, no defunct child)", () => {
    const { before, after } = run([], serverProcessEnv({ ...process.env }));
    expect(before).toEqual({ sourceMaps: true, esbuild: false });
    expect(after).toEqual({ sourceMaps: false, esbuild: false });
  });
  it("keeps the source maps when JIXIAO_SOURCE_MAPS=1", () => {
    expect(run(["1"]).after).toEqual({ sourceMaps: true, esbuild: false });
  });
});
