/** The admin's account list pages, sorts, searches and filters in the database (real PostgreSQL). */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { parseListQuery } from "@/lib/list-query";
import { databaseForFile } from "@/tests/integration/db";
import { ACCOUNT_LIST, listAccounts } from "./data";

vi.mock("server-only", () => ({}));

const t = databaseForFile();
const ROLES = ["OWNER", "DEPT_REVIEWER", "REVIEWER", "ADMIN"] as const;
const query = (params: Record<string, string>) => parseListQuery(params, ACCOUNT_LIST);

beforeAll(async () => {
  const depts = await Promise.all(["教育局", "交通局", "财政局"].map((shortName, i) => t.prisma.department.create({ data: { code: `d${i}`, name: `某市${shortName}`, shortName } })));
  // 130 accounts: more than two pages of 50; created one after another so "newest first" is defined.
  for (let i = 0; i < 130; i++) {
    const role = ROLES[i % 4]!;
    await t.prisma.user.create({
      data: {
        username: `user${String(i).padStart(3, "0")}`,
        name: `账号${i}`,
        role,
        departmentId: role === "OWNER" || role === "DEPT_REVIEWER" ? depts[i % 3]!.id : null,
        active: i % 10 !== 0,
        passwordHash: "x",
        createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
      },
    });
  }
  await t.prisma.loginThrottle.create({ data: { key: "user:user005", username: "user005", failures: 9, lockedUntil: new Date(Date.now() + 3_600_000) } });
});

describe("account list (database paging)", () => {
  it("pages newest first by default: three pages, no row twice, none missing", async () => {
    const pages = await Promise.all([1, 2, 3].map((page) => listAccounts(query({ page: String(page) }), t.prisma)));
    expect(pages.map((p) => p.rows.length)).toEqual([50, 50, 30]);
    expect(pages[0]!.info).toEqual({ page: 1, pages: 3, total: 130, pageSize: 50 });
    const names = pages.flatMap((p) => p.rows.map((r) => r.username));
    expect(new Set(names).size).toBe(130);
    expect(names[0]).toBe("user129");
    expect(names[129]).toBe("user000");
  });

  it("sorts by a column in the database", async () => {
    const asc = await listAccounts(query({ sort: "username", dir: "asc" }), t.prisma);
    expect(asc.rows.slice(0, 3).map((r) => r.username)).toEqual(["user000", "user001", "user002"]);
    const desc = await listAccounts(query({ sort: "username", dir: "desc", page: "3" }), t.prisma);
    expect(desc.rows.at(-1)!.username).toBe("user000");
  });

  it("searches username, name and department, and filters by role and status", async () => {
    const byDept = await listAccounts(query({ q: "交通" }), t.prisma);
    // Owners and department reviewers (i % 4 in {0, 1}) whose department is 交通局 (i % 3 === 1).
    const expected = Array.from({ length: 130 }, (_, i) => i).filter((i) => i % 4 < 2 && i % 3 === 1).length;
    expect(byDept.info.total).toBe(expected);
    expect(byDept.rows.every((r) => r.department?.shortName === "交通局")).toBe(true);
    expect((await listAccounts(query({ q: "USER12" }), t.prisma)).info.total).toBe(10);
    // Finance reviewers are i % 4 === 2; every tenth account is deactivated.
    const reviewers = await listAccounts(query({ role: "REVIEWER", status: "inactive", sort: "username", dir: "asc" }), t.prisma);
    expect(reviewers.rows.map((r) => r.username)).toEqual(["user010", "user030", "user050", "user070", "user090", "user110"]);
    expect((await listAccounts(query({ role: "REVIEWER", status: "active" }), t.prisma)).info.total).toBe(32 - 6);
  });

  it("marks an account whose sign-in is locked", async () => {
    const r = await listAccounts(query({ q: "user005" }), t.prisma);
    expect(r.rows.map((x) => [x.username, x.throttled])).toEqual([["user005", true]]);
  });

  it("a malformed query shows the default list", async () => {
    const r = await listAccounts(query({ sort: "passwordHash", dir: "x", page: "abc", role: "ROOT" }), t.prisma);
    expect(r.info).toMatchObject({ page: 1, total: 130 });
  });
});
