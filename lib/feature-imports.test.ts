/**
 * Feature folders depend in one direction (README, "Architecture"). This test reads every
 * non-test source under features/ and fails when two feature folders reach each other through
 * their imports (directly or through others), naming the files of each edge of the cycle.
 * Types and rules that several features need live below them: lib/ (actor, mutation result,
 * check items, report sections, snapshot reader, narrative figures, money) or a lower feature.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..");
const FEATURES = path.join(ROOT, "features");
const IMPORT = /(?:from|import)\s*\(?\s*["']@\/features\/([^/"']+)/g;

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) sources(full, out);
    else if (/\.(ts|tsx)$/.test(name) && !/\.(test|spec)\./.test(name)) out.push(full);
  }
  return out;
}

/** feature → feature it imports → the files that do. */
export function featureGraph(): Map<string, Map<string, string[]>> {
  const graph = new Map<string, Map<string, string[]>>();
  for (const name of readdirSync(FEATURES)) {
    const dir = path.join(FEATURES, name);
    if (!statSync(dir).isDirectory()) continue;
    const edges = new Map<string, string[]>();
    graph.set(name, edges);
    for (const file of sources(dir)) {
      for (const m of readFileSync(file, "utf8").matchAll(IMPORT)) {
        const target = m[1]!;
        if (target === name) continue;
        const files = edges.get(target) ?? [];
        files.push(path.relative(ROOT, file).split(path.sep).join("/"));
        edges.set(target, files);
      }
    }
  }
  return graph;
}

function reach(graph: Map<string, Map<string, string[]>>, from: string): Set<string> {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length) {
    for (const next of graph.get(stack.pop()!)?.keys() ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return seen;
}

/** Pairs of features that reach each other, each with the direct edges involved. */
export function featureCycles(graph = featureGraph()): string[] {
  const names = [...graph.keys()].sort();
  const out: string[] = [];
  for (const [i, a] of names.entries()) {
    for (const b of names.slice(i + 1)) {
      if (!reach(graph, a).has(b) || !reach(graph, b).has(a)) continue;
      const via = (x: string, y: string) => (graph.get(x)?.get(y) ?? []).map((f) => `${f} → features/${y}`);
      out.push(`features/${a} <-> features/${b}${[...via(a, b), ...via(b, a)].map((e) => `\n    ${e}`).join("")}`);
    }
  }
  return out;
}

describe("feature folders", () => {
  it("form no import cycle", () => {
    expect(featureCycles()).toEqual([]);
  });

  it("the check finds a cycle when there is one", () => {
    const graph = new Map([
      ["a", new Map([["b", ["features/a/x.ts"]]])],
      ["b", new Map([["c", ["features/b/y.ts"]]])],
      ["c", new Map([["a", ["features/c/z.ts"]]])],
      ["d", new Map([["a", ["features/d/w.ts"]]])],
    ]);
    expect(featureCycles(graph).map((c) => c.split("\n")[0])).toEqual(["features/a <-> features/b", "features/a <-> features/c", "features/b <-> features/c"]);
  });
});
