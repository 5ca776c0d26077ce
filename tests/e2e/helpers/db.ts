/**
 * Direct access to the e2e server's throw-away database, for fixtures that a test
 * needs in a given state (a new department and its owner, an open year …).
 */
import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import { createPrismaClient, type PrismaClient } from "../../../lib/db-client";
import { E2E_STATE_FILE } from "../../../playwright.config";

let client: PrismaClient | undefined;

export function e2eDb(): PrismaClient {
  if (!client) {
    const { databaseUrl } = JSON.parse(readFileSync(E2E_STATE_FILE, "utf8")) as { databaseUrl: string };
    client = createPrismaClient(databaseUrl);
  }
  return client;
}

/** A department of its own with one project owner, and an open year on the given framework. */
export async function newDepartmentWithOwner(opts: { year: number; frameworkCode: string }) {
  const db = e2eDb();
  const tag = randomBytes(3).toString("hex");
  const framework = await db.indicatorFramework.findUniqueOrThrow({ where: { code: opts.frameworkCode } });
  await db.fiscalYear.upsert({ where: { year: opts.year }, create: { year: opts.year, status: "OPEN", frameworkId: framework.id }, update: {} });
  const department = await db.department.create({ data: { code: `e2e-${tag}`, name: `测试部门${tag}`, shortName: `测试${tag}` } });
  const password = `Pw-${tag}-2026`;
  const user = await db.user.create({
    data: { username: `owner-${tag}`, name: `新填报人${tag}`, role: "OWNER", departmentId: department.id, passwordHash: await bcrypt.hash(password, 10) },
  });
  return { department, user, username: user.username, password };
}
