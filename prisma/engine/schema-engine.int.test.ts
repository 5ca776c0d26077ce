/**
 * The offline schema engine (prisma/engine/schema-engine.cjs) driven by Prisma's real CLI,
 * in a temp folder with its own small schema and migrations, against real PostgreSQL.
 */
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort } from "../../scripts/lib/embedded-pg";
import { runPrisma } from "../../scripts/lib/migrate";
import { emptyDatabase } from "../../tests/integration/db";

const ENGINE = path.join(__dirname, "schema-engine.cjs");

type Result = { code: number; stdout: string; stderr: string; output: string };

let dir: string;
const dbs: Array<{ url: string; drop: () => Promise<void> }> = [];
let devDb: string; // migrate dev, status (pending), reset
let deployDb: string; // migrate deploy, trigger, db execute, resolve, db pull
let pushDb: string; // db push

/** Runs Prisma's CLI in the temp project (which has its own prisma.config.ts). */
async function prisma(args: string[], opts: { url?: string; input?: string } = {}): Promise<Result> {
  const r = await runPrisma(args, { DATABASE_URL: opts.url, PRISMA_SCHEMA_ENGINE_BINARY: ENGINE, NO_COLOR: "1" }, { cwd: dir, input: opts.input ?? "" });
  return { ...r, output: `${r.stdout}\n${r.stderr}` };
}

async function sql<T extends pg.QueryResultRow = pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

const SCHEMA = `generator client {
  provider = "prisma-client"
  output   = "../generated"
}

datasource db {
  provider = "postgresql"
}

model User {
  id    Int     @id @default(autoincrement())
  email String  @unique
  name  String?
}
`;

// A PL/pgSQL body full of `;` (the adapter's own script runner would split it apart).
const TRIGGER_MIGRATION = `CREATE FUNCTION normalize_email() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.email := lower(trim(NEW.email));
  IF NEW.name IS NULL THEN
    NEW.name := 'anonymous; unnamed';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER user_normalize_email BEFORE INSERT OR UPDATE ON "User"
FOR EACH ROW EXECUTE FUNCTION normalize_email();
`;

const migrationsDir = () => path.join(dir, "prisma", "migrations");
const schemaPath = () => path.join(dir, "prisma", "schema.prisma");

async function migrationNames(): Promise<string[]> {
  const entries = await readdir(migrationsDir(), { withFileTypes: true });
  return entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

async function addMigration(name: string, script: string) {
  await mkdir(path.join(migrationsDir(), name), { recursive: true });
  await writeFile(path.join(migrationsDir(), name, "migration.sql"), script);
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "schema-engine-it-"));
  await mkdir(path.join(dir, "prisma"), { recursive: true });
  // No imports: the temp folder has no node_modules. Paths are relative to this file.
  await writeFile(
    path.join(dir, "prisma.config.ts"),
    `process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= ${JSON.stringify(ENGINE)};
export default {
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/unset" },
};
`,
  );
  await writeFile(schemaPath(), SCHEMA);
  for (let i = 0; i < 3; i++) dbs.push(await emptyDatabase());
  [devDb, deployDb, pushDb] = dbs.map((d) => d.url) as [string, string, string];
});

afterAll(async () => {
  await Promise.all(dbs.map((d) => d.drop()));
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("offline schema engine with the real Prisma CLI", () => {
  it("runs --version, validate and generate without downloading anything", async () => {
    const [version, validate, generate] = await Promise.all([
      prisma(["--version"]),
      prisma(["validate"]),
      prisma(["generate"]),
    ]);

    expect(version.code, version.output).toBe(0);
    const engineLine = version.stdout.split("\n").find((l) => l.startsWith("Schema Engine")) ?? "";
    const defaultHash = /Default Engines Hash\s*:\s*(\w+)/.exec(version.stdout)?.[1];
    expect(defaultHash).toMatch(/^[0-9a-f]{40}$/);
    expect(engineLine).toContain(`schema-engine-cli ${defaultHash}`);
    expect(engineLine).toContain("PRISMA_SCHEMA_ENGINE_BINARY");

    expect(validate.code, validate.output).toBe(0);
    expect(validate.output).toMatch(/is valid/);

    expect(generate.code, generate.output).toBe(0);
    expect(existsSync(path.join(dir, "generated", "client.ts"))).toBe(true);
  });

  it("migrate dev --create-only writes a migration, migrate dev applies it", async () => {
    const created = await prisma(["migrate", "dev", "--create-only", "--name", "init"], { url: devDb });
    expect(created.code, created.output).toBe(0);
    const [init] = await migrationNames();
    expect(init).toMatch(/^\d{14}_init$/);
    const script = await readFile(path.join(migrationsDir(), init!, "migration.sql"), "utf8");
    expect(script).toContain('CREATE TABLE "User"');
    expect(await sql(devDb, `SELECT to_regclass('"User"') AS t`)).toEqual([{ t: null }]);

    const applied = await prisma(["migrate", "dev"], { url: devDb });
    expect(applied.code, applied.output).toBe(0);
    expect(applied.stdout).toContain(init);
    const rows = await sql(devDb, `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL`);
    expect(rows.map((r) => r.migration_name)).toEqual([init]);
  });

  it("migrate deploy applies a hand-written $$ function and trigger that work; status is clean, or non-zero when pending", async () => {
    await addMigration("99990101000000_normalize_email", TRIGGER_MIGRATION);

    const deployed = await prisma(["migrate", "deploy"], { url: deployDb });
    expect(deployed.code, deployed.output).toBe(0);
    expect(deployed.stdout).toContain("99990101000000_normalize_email");

    await sql(deployDb, `INSERT INTO "User" (email) VALUES ('  Alice@Example.ORG ')`);
    expect(await sql(deployDb, `SELECT email, name FROM "User"`)).toEqual([{ email: "alice@example.org", name: "anonymous; unnamed" }]);

    const [clean, pending] = await Promise.all([
      prisma(["migrate", "status"], { url: deployDb }),
      prisma(["migrate", "status"], { url: devDb }), // has not got the trigger migration yet
    ]);
    expect(clean.code, clean.output).toBe(0);
    expect(clean.stdout).toMatch(/up to date/);
    expect(pending.code, pending.output).not.toBe(0);
    expect(pending.output).toMatch(/not yet been applied[\s\S]*99990101000000_normalize_email/);
  });

  it("migrate diff --exit-code is the drift check: 0 in step, 2 when the schema is ahead; --script --output writes SQL", async () => {
    const ahead = path.join(dir, "ahead.prisma");
    await writeFile(ahead, `${SCHEMA}\nmodel Audit {\n  id   Int    @id @default(autoincrement())\n  note String\n}\n`);
    const outFile = path.join(dir, "drift.sql");
    const from = ["migrate", "diff", "--from-migrations", migrationsDir()];

    const [inStep, drift, script, noDb] = await Promise.all([
      prisma([...from, "--to-schema", schemaPath(), "--exit-code"], { url: deployDb }),
      prisma([...from, "--to-schema", ahead, "--exit-code"], { url: deployDb }),
      prisma([...from, "--to-schema", ahead, "--script", "--output", outFile], { url: deployDb }),
      // schema to schema needs no database at all
      prisma(["migrate", "diff", "--from-schema", schemaPath(), "--to-schema", ahead, "--script"]),
    ]);
    expect(inStep.code, inStep.output).toBe(0);
    expect(inStep.stdout).toMatch(/No difference detected/);
    expect(drift.code, drift.output).toBe(2);
    expect(drift.stdout).toMatch(/Added tables[\s\S]*Audit/);
    expect(script.code, script.output).toBe(0);
    expect(await readFile(outFile, "utf8")).toMatch(/CREATE TABLE "Audit"/);
    expect(noDb.code, noDb.output).toBe(0);
    expect(noDb.stdout).toMatch(/CREATE TABLE "Audit"/);
  });

  it("db execute --stdin, db pull --print and db push work", async () => {
    const [executed, pulled, pushed] = await Promise.all([
      prisma(["db", "execute", "--stdin"], { url: deployDb, input: `INSERT INTO "User" (email, name) VALUES ('BOB@X.ORG', 'Bob');` }),
      prisma(["db", "pull", "--print"], { url: deployDb }),
      prisma(["db", "push"], { url: pushDb }),
    ]);
    expect(executed.code, executed.output).toBe(0);
    expect(await sql(deployDb, `SELECT email FROM "User" WHERE name = 'Bob'`)).toEqual([{ email: "bob@x.org" }]);

    expect(pulled.code, pulled.output).toBe(0);
    expect(pulled.stdout).toMatch(/model User \{[\s\S]*email\s+String\s+@unique/);

    expect(pushed.code, pushed.output).toBe(0);
    expect(await sql(pushDb, `SELECT to_regclass('"User"') IS NOT NULL AS t`)).toEqual([{ t: true }]);
  });

  it("migrate resolve --applied records a migration without running it; migrate reset --force rebuilds", async () => {
    await addMigration("99990102000000_manual", `CREATE TABLE manual_marker (id int);\n`);
    const resolved = await prisma(["migrate", "resolve", "--applied", "99990102000000_manual"], { url: deployDb });
    expect(resolved.code, resolved.output).toBe(0);
    expect(await sql(deployDb, `SELECT to_regclass('manual_marker') AS t`)).toEqual([{ t: null }]);
    const marked = await sql(deployDb, `SELECT 1 FROM _prisma_migrations WHERE migration_name = '99990102000000_manual' AND finished_at IS NOT NULL`);
    expect(marked).toHaveLength(1);

    await sql(devDb, `INSERT INTO "User" (email) VALUES ('gone@example.org')`);
    const reset = await prisma(["migrate", "reset", "--force"], { url: devDb });
    expect(reset.code, reset.output).toBe(0);
    expect(await sql(devDb, `SELECT count(*)::int AS n FROM "User"`)).toEqual([{ n: 0 }]);
    const applied = await sql(devDb, `SELECT migration_name FROM _prisma_migrations ORDER BY migration_name`);
    expect(applied.map((r) => r.migration_name)).toEqual(await migrationNames());
    expect(await sql(devDb, `SELECT to_regclass('manual_marker') IS NOT NULL AS t`)).toEqual([{ t: true }]);
  });

  it("a wrong password or an unreachable server fails with a clear error", async () => {
    const wrong = new URL(deployDb);
    wrong.password = "not-the-password";
    const unreachable = new URL(deployDb);
    unreachable.port = String(await findFreePort());

    const results = await Promise.all([
      prisma(["migrate", "status"], { url: wrong.toString() }), // via `cli can-connect-to-database`
      prisma(["db", "execute", "--stdin"], { url: wrong.toString(), input: "SELECT 1;" }), // via JSON-RPC
      prisma(["migrate", "deploy"], { url: unreachable.toString() }),
      prisma(["db", "execute", "--stdin"], { url: unreachable.toString(), input: "SELECT 1;" }),
    ]);
    const [statusAuth, executeAuth, deployDown, executeDown] = results;
    for (const r of [statusAuth, executeAuth]) {
      expect(r.code, r.output).not.toBe(0);
      expect(r.output).toMatch(/P1000/);
      expect(r.output).toMatch(/Authentication failed/);
    }
    for (const r of [deployDown, executeDown]) {
      expect(r.code, r.output).not.toBe(0);
      expect(r.output).toMatch(/P1001/);
      expect(r.output).toContain(`Can't reach database server at \`${unreachable.hostname}:${unreachable.port}\``);
    }
  });
});
