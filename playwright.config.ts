import { defineConfig } from "@playwright/test";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
/** Written by the server at start-up: the URL of its throw-away database (see tests/e2e/helpers/db.ts). */
export const E2E_STATE_FILE = ".data/e2e-state.json";

/**
 * End-to-end tier: a production build (`next build`, run by npm test first) served by
 * `scripts/start.ts --ephemeral`, i.e. the same start-up path as `npm start`, on a
 * throw-away embedded PostgreSQL with the demo data; Debian's Chromium drives it.
 */
export default defineConfig({
  testDir: "tests/e2e",
  outputDir: ".data/test-results/e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: ".data/test-results/e2e.json" }]],
  use: {
    baseURL: `http://localhost:${E2E_PORT}`,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
      ],
    },
  },
  projects: [
    { name: "e2e", testIgnore: /final-accounts-correction\.spec\.ts/ },
    // Corrects the seed's published 2020 document, which the other specs read: runs last.
    { name: "correction", testMatch: /final-accounts-correction\.spec\.ts/, dependencies: ["e2e"] },
  ],
  webServer: {
    command: "node --import tsx scripts/start.ts --ephemeral --no-build",
    url: `http://127.0.0.1:${E2E_PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "ignore",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    env: { PORT: String(E2E_PORT), DATABASE_URL: "", JIXIAO_STATE_FILE: E2E_STATE_FILE, NEXTAUTH_URL: `http://localhost:${E2E_PORT}`, NEXTAUTH_SECRET: "e2e-secret-not-for-production-000" },
  },
});
