/**
 * Direct access to the e2e server's throw-away database, for fixtures that a test
 * needs in a given state (a new department and its owner, an open year …) and for
 * checking what was stored. Plain SQL through `pg`: Playwright's loader cannot load
 * the generated (ESM) Prisma client.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import bcrypt from "bcryptjs";
import pg from "pg";
import { E2E_STATE_FILE } from "../../../playwright.config";
import { writeScaleData } from "../../../scripts/lib/scale-data";

let pool: pg.Pool | undefined;

export async function sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  if (!pool) {
    const { databaseUrl } = JSON.parse(readFileSync(E2E_STATE_FILE, "utf8")) as { databaseUrl: string };
    pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  }
  return (await pool.query(text, params)).rows as T[];
}

/** A department of its own with one project owner, and an open year on the given framework. */
export async function newDepartmentWithOwner(opts: { year: number; frameworkCode: string }) {
  const tag = randomBytes(3).toString("hex");
  const [fw] = await sql<{ id: string }>(`SELECT "id" FROM "IndicatorFramework" WHERE "code" = $1`, [opts.frameworkCode]);
  if (!fw) throw new Error(`no framework ${opts.frameworkCode}`);
  await sql(`INSERT INTO "FiscalYear" ("year", "status", "frameworkId") VALUES ($1, 'OPEN', $2) ON CONFLICT ("year") DO NOTHING`, [opts.year, fw.id]);
  const departmentId = `e2e-dept-${tag}`;
  await sql(`INSERT INTO "Department" ("id", "code", "name", "shortName", "updatedAt") VALUES ($1, $2, $3, $4, now())`, [departmentId, `e2e-${tag}`, `测试部门${tag}`, `测试${tag}`]);
  const password = `Pw-${tag}-2026`;
  const username = `owner-${tag}`;
  await sql(
    `INSERT INTO "User" ("id", "username", "name", "passwordHash", "role", "departmentId", "updatedAt") VALUES ($1, $2, $3, $4, 'OWNER', $5, now())`,
    [`e2e-user-${tag}`, username, `新填报人${tag}`, await bcrypt.hash(password, 10), departmentId],
  );
  return { departmentId, username, password };
}

/**
 * A copy of an account (same name, role and department) with a username and password of
 * its own. For tests that sign out: signing out ends every session of the account, which
 * would sign out other tests running at the same time with the shared demo accounts.
 */
export async function cloneAccount(username: string) {
  const tag = randomBytes(3).toString("hex");
  const [u] = await sql<{ name: string; role: string; departmentId: string | null }>(`SELECT "name", "role", "departmentId" FROM "User" WHERE "username" = $1`, [username]);
  if (!u) throw new Error(`no account ${username}`);
  const password = `Pw-${tag}-2026`;
  const copy = `${username}-${tag}`;
  await sql(`INSERT INTO "User" ("id", "username", "name", "passwordHash", "role", "departmentId", "updatedAt") VALUES ($1, $2, $3, $4, $5::"Role", $6, now())`, [
    `e2e-user-${tag}`,
    copy,
    u.name,
    await bcrypt.hash(password, 10),
    u.role,
    u.departmentId,
  ]);
  return { username: copy, password };
}

export type IndicatorFixture = { l1: string; l2: string; name: string; target: number; actual: number; unit: string; weight: number };

/** A project's indicator table written directly (≥ rows), for tests about what comes after the editor. */
export async function insertIndicators(projectId: string, rows: readonly IndicatorFixture[]) {
  const levels = await sql<{ l1Id: string; l2Id: string; l1: string; l2: string }>(
    `SELECT l1."id" AS "l1Id", l2."id" AS "l2Id", l1."name" AS l1, l2."name" AS l2
       FROM "Project" p JOIN "FrameworkLevel1" l1 ON l1."frameworkId" = p."frameworkId" JOIN "FrameworkLevel2" l2 ON l2."level1Id" = l1."id"
      WHERE p."id" = $1`,
    [projectId],
  );
  for (const [i, r] of rows.entries()) {
    const level = levels.find((x) => x.l1 === r.l1 && x.l2 === r.l2);
    if (!level) throw new Error(`no level ${r.l1}/${r.l2} in the project's framework`);
    await sql(
      `INSERT INTO "Indicator" ("id", "projectId", "sortOrder", "level1Id", "level2Id", "name", "nature", "targetValue", "unit", "actualValue", "weight", "updatedAt")
       VALUES ($1, $2, $3, $4, $5, $6, 'GTE', $7, $8, $9, $10, now())`,
      [`e2e-ind-${projectId}-${i}`, projectId, i, level.l1Id, level.l2Id, r.name, r.target, r.unit, r.actual, r.weight],
    );
  }
}

/** A department reviewer (部门审核人) bound to the given department, with a password of its own. */
export async function newDeptReviewer(departmentId: string) {
  const tag = randomBytes(3).toString("hex");
  const password = `Pw-${tag}-2026`;
  const username = `deptreviewer-${tag}`;
  await sql(
    `INSERT INTO "User" ("id", "username", "name", "passwordHash", "role", "departmentId", "updatedAt") VALUES ($1, $2, $3, $4, 'DEPT_REVIEWER', $5, now())`,
    [`e2e-user-${tag}`, username, `部门审核人${tag}`, await bcrypt.hash(password, 10), departmentId],
  );
  return { username, password };
}

/**
 * Synthetic departments, projects, indicator tables and self-evaluation reports of a year
 * (scripts/lib/scale-data.ts, as `npm run demo:scale` writes them). Reports the generator marks
 * 已公开 are set to 已通过: they have no published snapshot, and the public pages must not list them.
 */
export async function syntheticYear(opts: { year: number; seed: number; departments: number; projects: number; indicators: number }) {
  const { databaseUrl } = JSON.parse(readFileSync(E2E_STATE_FILE, "utf8")) as { databaseUrl: string };
  const own = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    await writeScaleData(own, opts);
  } finally {
    await own.end();
  }
  await sql(`UPDATE "Report" SET "status" = 'APPROVED' WHERE "year" = $1 AND "status" = 'PUBLISHED'`, [opts.year]);
}
