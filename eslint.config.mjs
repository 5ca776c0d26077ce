import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// zod 4 compiles parsers with `new Function`, which the Content-Security-Policy forbids in the
// browser: everything imports zod through lib/zod.ts, which turns that off (jitless).
const ZOD = { name: "zod", message: 'Import { z } from "@/lib/zod" (CSP-safe, jitless).' };

// Which feature folders each lower one must not import (the direction of the document features).
const LOWER_THAN = {
  "function-classes": ["projects", "publication", "final-accounts", "reports"],
  projects: ["publication", "final-accounts", "reports"],
  publication: ["final-accounts", "reports"],
  "final-accounts": ["reports"],
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", ".data/**", "node_modules/**", "lib/generated/**", "next-env.d.ts", "prisma/engine/**"]),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}", "features/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}"],
    ignores: ["lib/zod.ts"],
    rules: { "no-restricted-imports": ["error", { paths: [ZOD] }] },
  },
  {
    // Import direction: app → features → components → lib. Lower layers never import upper ones.
    files: ["lib/**/*.{ts,tsx}"],
    ignores: ["lib/zod.ts"],
    rules: {
      "no-restricted-imports": ["error", { paths: [ZOD], patterns: [{ group: ["@/features/*", "@/app/*", "@/components/*"], message: "lib/ must not import features, components or app." }] }],
    },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { paths: [ZOD], patterns: [{ group: ["@/features/*", "@/app/*"], message: "components/ must not import features or app." }] }],
    },
  },
  {
    files: ["features/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { paths: [ZOD], patterns: [{ group: ["@/app/*"], message: "features/ must not import app." }] }],
    },
  },
  {
    // One way to lock a row: lib/row-lock.ts lockRow (its list of tables and keys), then a Prisma read.
    files: ["app/**/*.{ts,tsx}", "features/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}", "scripts/**/*.ts"],
    ignores: ["lib/row-lock.ts", "**/*.test.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "TemplateElement[value.raw=/FOR\\s+(NO\\s+KEY\\s+)?(UPDATE|SHARE)/i]", message: "Lock rows with lockRow (lib/row-lock.ts), then read them with Prisma." },
      ],
    },
  },
  // Feature folders depend in one direction (README, "Architecture"): the report documents
  // build on each other bottom-up, function-classes → projects → publication → final-accounts →
  // reports; a lower one never imports a higher one (lib/feature-imports.test.ts also fails on
  // any cycle between feature folders). Tests may reach up to set up their data.
  ...Object.entries(LOWER_THAN).map(([feature, higher]) => ({
    files: [`features/${feature}/**/*.{ts,tsx}`],
    ignores: ["**/*.test.ts", "**/*.test.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [ZOD],
          patterns: [
            { group: ["@/app/*"], message: "features/ must not import app." },
            { group: higher.map((h) => `@/features/${h}/*`), message: `features/${feature} is below ${higher.join(", ")}: move what both need down (lib/ or a lower feature).` },
          ],
        },
      ],
    },
  })),
]);
