/**
 * Runs Prisma's own CLI (with the project's offline schema engine, wired in by
 * prisma.config.ts) against a given database.
 */
import { spawn } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");
const PRISMA_CLI = path.join(ROOT, "node_modules", "prisma", "build", "index.js");

export type CliResult = { code: number; stdout: string; stderr: string };

/** Prisma's CLI with `args`, in `cwd` (a project with its own prisma.config.ts), `input` on its standard input. */
export function runPrisma(args: string[], env: Record<string, string | undefined> = {}, { cwd = ROOT, input }: { cwd?: string; input?: string } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [PRISMA_CLI, ...args], {
      cwd,
      env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1", ...env },
      stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (d) => (stdout += d));
    child.stderr!.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
    child.stdin?.end(input);
  });
}

/** `prisma migrate deploy` against `databaseUrl`; throws with Prisma's output on failure. */
export async function applyMigrations(databaseUrl: string): Promise<string> {
  const r = await runPrisma(["migrate", "deploy"], { DATABASE_URL: databaseUrl });
  if (r.code !== 0) {
    throw new Error(`prisma migrate deploy failed (exit ${r.code}):\n${r.stdout}\n${r.stderr}`);
  }
  return r.stdout;
}
