/**
 * One place for money: rounding, formatting and parsing of amounts and scores live in
 * lib/money.ts (arithmetic, rounding as the documents print) and lib/money-input.ts (what
 * people type). This test scans the source tree and fails when another file rounds
 * (toFixed with digits, Math.round, toDecimalPlaces) or imports decimal.js / Prisma's
 * Decimal runtime itself, so that a figure can never be printed two ways.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..");
const DIRS = ["app", "components", "features", "lib"];
const ALLOWED = new Set(["lib/money.ts", "lib/money-input.ts"]);

const RULES: { name: string; re: RegExp }[] = [
  { name: "toFixed with digits (use fmt2 / fixedText / fmt1)", re: /\.toFixed\(\s*[^)\s]/ },
  { name: "Math.round (use round2 / roundInt)", re: /Math\.round\(/ },
  { name: "toDecimalPlaces (use round2)", re: /\.toDecimalPlaces\(/ },
  { name: "元 ↔ 万元 by hand (use yuanToWan / wanToYuanExact / wanTextToYuan)", re: /\.(?:dividedBy|div|times|mul)\(\s*10_?000\s*\)/ },
  { name: "decimal.js / Prisma Decimal runtime import (import Decimal from @/lib/money)", re: /from\s+["'](?:decimal\.js|@prisma\/client\/runtime\/[^"']*)["']/ },
];

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (name === "node_modules" || name === "generated" || name.startsWith(".")) continue;
    if (statSync(full).isDirectory()) sources(full, out);
    else if (/\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(full);
  }
  return out;
}

describe("money rules", () => {
  it("no file outside lib/money* rounds, formats or parses money by itself", () => {
    const offences: string[] = [];
    for (const d of DIRS) {
      for (const file of sources(path.join(ROOT, d))) {
        const rel = path.relative(ROOT, file).split(path.sep).join("/");
        if (ALLOWED.has(rel)) continue;
        readFileSync(file, "utf8")
          .split("\n")
          .forEach((line, i) => {
            for (const r of RULES) if (r.re.test(line)) offences.push(`${rel}:${i + 1}: ${r.name}`);
          });
      }
    }
    expect(offences).toEqual([]);
  });
});
