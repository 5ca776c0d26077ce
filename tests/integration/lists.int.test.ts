/**
 * The projects list and the reports inbox page, filter and sort in the database within the
 * actor's scope (real PostgreSQL): a filter never widens the scope, defaults per role hold.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/actor";
import { parseListQuery } from "@/lib/list-query";
import { seedDemoData } from "@/prisma/seed/run";
import { freshDatabase, type TestDatabase } from "@/tests/integration/db";

vi.mock("server-only", () => ({}));

let t: TestDatabase;
let data: { projects: typeof import("@/features/projects/data"); reports: typeof import("@/features/reports/data") };
let ownerA: Actor, ownerB: Actor, reviewer: Actor, deptReviewerA: Actor;
let deptB: string;

beforeAll(async () => {
  t = await freshDatabase();
  // The data modules read through db(): point it at this test's database.
  globalThis.jixiaoDb = { prisma: t.prisma, pool: undefined as never };
  data = { projects: await import("@/features/projects/data"), reports: await import("@/features/reports/data") };
  await seedDemoData(t.prisma, { demo: false });
  const fw = await t.prisma.indicatorFramework.findFirstOrThrow();
  await t.prisma.fiscalYear.upsert({ where: { year: 2040 }, update: {}, create: { year: 2040, frameworkId: fw.id } });
  const a = await t.prisma.department.create({ data: { code: "A", name: "甲局", shortName: "甲局" } });
  const unit = await t.prisma.department.create({ data: { code: "A1", name: "甲局下属中心", shortName: "甲中心", parentId: a.id } });
  const b = await t.prisma.department.create({ data: { code: "B", name: "乙局", shortName: "乙局" } });
  deptB = b.id;
  const user = async (username: string, role: Actor["role"], departmentId: string | null): Promise<Actor> => {
    const u = await t.prisma.user.create({ data: { username, name: username, role, departmentId, passwordHash: "x" } });
    return { id: u.id, name: u.name, role, departmentId };
  };
  ownerA = await user("ownerA", "OWNER", a.id);
  ownerB = await user("ownerB", "OWNER", b.id);
  reviewer = await user("rev", "REVIEWER", null);
  deptReviewerA = await user("drA", "DEPT_REVIEWER", a.id);
  const statuses = ["DRAFT", "SUBMITTED", "DEPT_REVIEW", "APPROVED"] as const;
  for (const [dept, n] of [[a, 60], [unit, 5], [b, 7]] as const) {
    const dy = await t.prisma.departmentYear.create({ data: { departmentId: dept.id, year: 2040 } });
    for (let i = 0; i < n; i++) {
      const p = await t.prisma.project.create({ data: { departmentId: dept.id, departmentYearId: dy.id, year: 2040, frameworkId: fw.id, name: `${dept.shortName}项目${String(i).padStart(2, "0")}`, competentDepartment: dept.name, implementingUnit: dept.name, sortOrder: i } });
      if (i % 2 === 0) {
        await t.prisma.report.create({ data: { scopeKey: `PROJECT_SELF_EVALUATION:${p.id}`, departmentId: dept.id, departmentYearId: dy.id, year: 2040, kind: "PROJECT_SELF_EVALUATION", projectId: p.id, title: `${p.name}自评报告`, status: statuses[(i / 2) % 4]! } });
      }
    }
  }
});
afterAll(async () => {
  globalThis.jixiaoDb = undefined;
  await t.drop();
});

describe("projects list", () => {
  const q = (params: Record<string, string> = {}) => parseListQuery(params, data.projects.PROJECT_LIST);

  it("pages an owner's own projects only, 50 a page", async () => {
    const first = await data.projects.listProjects(ownerA, q(), { year: 2040 });
    expect(first.info).toEqual({ page: 1, pages: 2, total: 60, pageSize: 50 });
    const second = await data.projects.listProjects(ownerA, q({ page: "2" }), { year: 2040 });
    expect(second.rows).toHaveLength(10);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(60);
    expect([...first.rows, ...second.rows].every((r) => r.department === "甲局")).toBe(true);
  });

  it("searches and filters by report status in the database", async () => {
    expect((await data.projects.listProjects(ownerA, q({ q: "项目0" }), { year: 2040 })).info.total).toBe(10);
    const none = await data.projects.listProjects(ownerA, q({ status: "NONE" }), { year: 2040 });
    expect(none.info.total).toBe(30);
    expect(none.rows.every((r) => r.status === null)).toBe(true);
    const submitted = await data.projects.listProjects(reviewer, q({ status: "SUBMITTED", sort: "name", dir: "asc" }), { year: 2040 });
    expect(submitted.rows.every((r) => r.status === "SUBMITTED")).toBe(true);
    expect(submitted.rows.map((r) => r.name)).toEqual([...submitted.rows.map((r) => r.name)].sort());
  });

  it("a department reviewer sees the department and its sub-units", async () => {
    expect((await data.projects.listProjects(deptReviewerA, q(), { year: 2040 })).info.total).toBe(65);
    expect((await data.projects.listProjects(reviewer, q(), { year: 2040 })).info.total).toBe(72);
  });
});

describe("reports inbox", () => {
  const q = (params: Record<string, string> = {}) => parseListQuery(params, data.reports.REPORT_LIST);

  it("opens on what waits for each reviewer, and 全部 on request", async () => {
    const inbox = await data.reports.listReports(reviewer, q(), { year: 2040 });
    expect(inbox.status).toBe("SUBMITTED");
    expect(inbox.rows.length).toBeGreaterThan(0);
    expect(inbox.rows.every((r) => r.status === "SUBMITTED")).toBe(true);
    const dept = await data.reports.listReports(deptReviewerA, q(), { year: 2040 });
    expect(dept.status).toBe("DEPT_REVIEW");
    expect(new Set(dept.rows.map((r) => r.department))).toEqual(new Set(["甲局", "甲中心"]));
    const all = await data.reports.listReports(reviewer, q({ status: "ALL" }), { year: 2040 });
    expect(all.info.total).toBe(30 + 3 + 4);
  });

  it("a department filter never widens an owner's scope", async () => {
    const r = await data.reports.listReports(ownerA, q({ status: "ALL" }), { year: 2040, departmentId: deptB });
    expect(r.info.total).toBe(0);
    expect(r.departments.map((d) => d.shortName)).toEqual(["甲局"]);
    const own = await data.reports.listReports(ownerB, q({ status: "ALL" }), { year: 2040, departmentId: deptB });
    expect(own.info.total).toBe(4);
  });
});
