import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const __dirname = path.dirname(fileURLToPath(import.meta.url));

const alias = { "@": path.resolve(__dirname) };
const exclude = ["node_modules/**", ".next/**", ".data/**", "tests/e2e/**"];

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          environment: "node",
          sequence: { groupOrder: 0 },
          include: ["**/*.test.ts", "**/*.test.tsx"],
          exclude: [...exclude, "**/*.int.test.ts"],
          // Correctness only: speed is measured in bench/. Building and parsing real .xlsx files
          // takes seconds on a loaded 2-core machine, so the 5 s default would make them flaky.
          testTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          environment: "node",
          // Runs after the unit project (vitest needs an order when maxWorkers differ).
          sequence: { groupOrder: 1 },
          include: ["**/*.int.test.ts"],
          exclude,
          globalSetup: ["tests/integration/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Each test file gets its own database cloned from a migrated template.
          fileParallelism: true,
          maxWorkers: 2,
        },
      },
    ],
  },
});
