/**
 * The year overview against the seed (2020, 市委编办): figures match what the project pages
 * compute (features/projects/score-input + features/scoring, and the golden 2020 scores), the
 * report states match the database, and the exports are refused to owners and the anonymous.
 */
import ExcelJS from "exceljs";
import pg from "pg";
import { writeScaleData } from "@/scripts/lib/scale-data";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { actorOf, demoDatabase, type TestDatabase } from "@/tests/integration/db";
import { computeSelfEvaluationScore } from "@/features/scoring/score";
import { displayedScore, toScoreInput } from "@/features/projects/score-input";
import { departmentRowScope, departmentScope, type Actor } from "@/lib/actor";
import { departmentName, yearOverview, yearProjects, yearsWithData } from "./data";
import { bucketOfRate, buildOverview, filterProjects, RATE_BUCKETS, type ProjectFilter, type ReportState } from "./overview";
import { SUMMARY_HEADERS } from "./export";
import { overviewCsvHandler, summaryHandler } from "./handlers";

vi.mock("server-only", () => ({}));

let t: TestDatabase;
let owner: Actor, reviewer: Actor, admin: Actor;
let departmentId: string;

beforeAll(async () => {
  ({ t, owner, reviewer, admin } = await demoDatabase());
  departmentId = owner.departmentId!;
});
afterAll(() => t.drop());

describe("overview of 2020", () => {
  it("offers 2020 as a year with data", async () => {
    expect(await yearsWithData(t.prisma)).toContain(2020);
  });

  it("adds up 市委编办's five projects as the golden 2020 figures print them", async () => {
    const { rows, totals } = await yearOverview(2020, t.prisma);
    const row = rows.find((r) => r.departmentId === departmentId)!;
    expect(row.department).toBe("市委编办");
    expect(row.projectCount).toBe(5);
    // 18 + 18 + 9.2 + 9 + 14.65 (tests/integration/golden/seed-2020/scores.json)
    expect(row.annualBudget).toBe("68.85");
    expect(row.executed).toBe("68.85");
    expect(row.executionRate).toBe("100.00");
    expect(totals.projectCount).toBe(rows.reduce((n, r) => n + r.projectCount, 0));
    const statuses = await t.prisma.report.groupBy({ by: ["status"], where: { year: 2020, departmentId, kind: "PROJECT_SELF_EVALUATION" }, _count: true });
    for (const s of statuses) expect(row.reports[s.status]).toBe(s._count);
    const fa = await t.prisma.report.findFirst({ where: { year: 2020, departmentId, kind: "FINAL_ACCOUNTS" } });
    expect(row.finalAccounts).toBe(fa?.status ?? "NONE");
  });

  it("gives each project the score, grade and rate its project page shows", async () => {
    const rows = await yearProjects(2020, departmentId, t.prisma);
    const stored = await t.prisma.project.findMany({
      where: { year: 2020, departmentId },
      include: { funding: true, indicators: { orderBy: { sortOrder: "asc" } }, framework: { include: { level1: { orderBy: { sortOrder: "asc" } } } }, report: true },
    });
    expect(rows).toHaveLength(stored.length);
    for (const p of stored) {
      const score = computeSelfEvaluationScore(toScoreInput(p));
      const shown = displayedScore(score, { reportStatus: p.report?.status, weights: p.indicators.map((i) => i.weight) });
      const row = rows.find((r) => r.id === p.id)!;
      expect(row).toMatchObject({ executionRate: score.budgetExecution.rate, score: shown.total, grade: shown.grade, reportState: p.report?.status ?? "NONE" });
    }
  });
});

describe("exports", () => {
  it("refuse the anonymous (401) and owners (403)", async () => {
    for (const handler of [summaryHandler, overviewCsvHandler]) {
      expect((await handler(t.prisma, null, "2020")).status).toBe(401);
      const refused = await handler(t.prisma, owner, "2020");
      expect(refused.status).toBe(403);
      expect((await refused.json()).message).toMatch(/无权/);
    }
  });

  it("answer a bad year with 400 and a Chinese message", async () => {
    for (const bad of ["20x0", "1e30", "99999", "1999", ""]) {
      const res = await summaryHandler(t.prisma, reviewer, bad);
      expect(res.status).toBe(400);
      expect((await res.json()).message).toMatch(/年度无效/);
      expect((await overviewCsvHandler(t.prisma, admin, bad)).status).toBe(400);
    }
  });

  it("give reviewers the 汇总表 with one row per project, amounts in 万元", async () => {
    const res = await summaryHandler(t.prisma, reviewer, "2020");
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.worksheets[0]!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(SUMMARY_HEADERS);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const count = await t.prisma.project.count({ where: { year: 2020 } });
    expect(ws.rowCount).toBe(count + 1);
    const row = Array.from({ length: count }, (_, i) => ws.getRow(i + 2)).find((r) => r.getCell(2).value === "全市机构编制统计工作")!;
    expect(row.getCell(1).value).toBe("市委编办");
    expect(row.getCell(4).value).toBe(14.65);
    expect(row.getCell(6).value).toBe(100);
  });

  it("give admins the overview CSV with a BOM and a totals line", async () => {
    const res = await overviewCsvHandler(t.prisma, admin, "2020");
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain("\n市委编办,5,68.85,68.85,100.00,");
    expect(text).toMatch(/\n合计,/);
  });
});

describe("a department reviewer's overview", () => {
  it("covers the department and its sub-units only; another department's reviewer sees none of it", async () => {
    const own = await actorOf(t.prisma, "deptreviewer");
    expect(own.departmentId).toBe(departmentId);
    const other = await t.prisma.department.create({ data: { code: "oversight-other", name: "其他局", shortName: "其他局" } });
    const o = await t.prisma.user.create({ data: { username: "oversight-dr", name: "其他审核", role: "DEPT_REVIEWER", departmentId: other.id, passwordHash: "x" } });
    const stranger: Actor = { id: o.id, name: o.name, role: "DEPT_REVIEWER", departmentId: other.id };

    const mine = await yearOverview(2020, t.prisma, departmentScope(own));
    expect(mine.rows.map((r) => r.departmentId)).toEqual([departmentId]);
    expect(mine.totals.projectCount).toBe(5);
    expect(await yearsWithData(t.prisma, departmentScope(stranger))).toEqual([]);
    expect((await yearOverview(2020, t.prisma, departmentScope(stranger))).totals.projectCount).toBe(0);
    expect(await departmentName(departmentId, t.prisma, departmentRowScope(stranger))).toBeNull();
    expect(await departmentName(departmentId, t.prisma, departmentRowScope(own))).toBe("市委编办");

    // The exports follow the same scope: the stranger's 汇总表 has a header and no project.
    const res = await summaryHandler(t.prisma, stranger, "2020");
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as never);
    const rows = wb.worksheets[0]!.getRows(1, wb.worksheets[0]!.rowCount)!.filter((r) => r.getCell(2).value === "全市机构编制统计工作");
    expect(rows).toHaveLength(0);
  });
});

describe("a year larger than one read slice", () => {
  it("reads every project once, in order (2,500 projects, two slices of 2,000)", async () => {
    const pool = new pg.Pool({ connectionString: t.url, max: 1 });
    try {
      await writeScaleData(pool, { departments: 20, projects: 2500, indicators: 7500, year: 2042, seed: 11 });
    } finally {
      await pool.end();
    }
    const projects = await yearProjects(2042, undefined, t.prisma);
    expect(projects).toHaveLength(2500);
    expect(new Set(projects.map((p) => p.id)).size).toBe(2500);
    const { totals } = await yearOverview(2042, t.prisma);
    expect(totals.projectCount).toBe(2500);
  });
});

describe("the cached per-project figures (ProjectSummary)", () => {
  it("are computed once, served while the project and its report are unchanged, recomputed when either changes", async () => {
    const [first] = await yearProjects(2020, departmentId, t.prisma);
    const project = await t.prisma.project.findUniqueOrThrow({ where: { id: first!.id }, include: { report: true } });
    expect(await t.prisma.projectSummary.count({ where: { project: { year: 2020, departmentId } } })).toBe(5);
    const cached = await t.prisma.projectSummary.findUniqueOrThrow({ where: { projectId: project.id } });
    expect(cached.projectVersion).toBe(project.version);
    expect(cached.reportStatus).toBe(project.report?.status ?? "NONE");

    // The cache is what is read: a figure changed in the cache alone shows (nothing else writes it).
    await t.prisma.projectSummary.update({ where: { projectId: project.id }, data: { annualBudget: "1234.5" } });
    expect((await yearProjects(2020, departmentId, t.prisma))[0]!.annualBudget).toBe("1234.5");

    // A save bumps the project's version: the figures are scored again from the stored rows.
    await t.prisma.project.update({ where: { id: project.id }, data: { version: { increment: 1 } } });
    const again = (await yearProjects(2020, departmentId, t.prisma))[0]!;
    expect(again).toEqual(first);
    expect((await t.prisma.projectSummary.findUniqueOrThrow({ where: { projectId: project.id } })).projectVersion).toBe(project.version + 1);

    // A report status change (a review) also invalidates it.
    await t.prisma.projectSummary.update({ where: { projectId: project.id }, data: { score: "1" } });
    if (project.report) {
      await t.prisma.report.update({ where: { id: project.report.id }, data: { status: "APPROVED" } });
      expect((await yearProjects(2020, departmentId, t.prisma))[0]!.score).toBe(first!.score);
      await t.prisma.report.update({ where: { id: project.report.id }, data: { status: project.report.status } });
    }
  });

  it("hold what scoring the tables directly gives, for every project of a generated year", async () => {
    // The 2,500 projects of 2042 were cached by the test above; drop half of the cache and compare.
    await t.prisma.$executeRaw`DELETE FROM "ProjectSummary" WHERE "projectId" IN (SELECT "id" FROM "Project" WHERE "year" = 2042 AND "sortOrder" % 2 = 0)`;
    const mixed = await yearProjects(2042, undefined, t.prisma);
    await t.prisma.$executeRaw`DELETE FROM "ProjectSummary" WHERE "projectId" IN (SELECT "id" FROM "Project" WHERE "year" = 2042)`;
    const scored = await yearProjects(2042, undefined, t.prisma);
    expect(mixed).toEqual(scored);
    expect(scored.some((p) => p.warnings.length > 0 && p.score != null && p.executionRate != null)).toBe(true);
  });

  it("add up in SQL exactly as overview.ts adds up the project rows, for every filter", async () => {
    const all = await yearProjects(2042, undefined, t.prisma);
    const filters: [ProjectFilter, number][] = [
      [{}, 12],
      [{ state: "SUBMITTED" }, 12],
      [{ grade: "良" }, 12],
      [{ light: "red" }, 12],
      [{ light: "yellow" }, 6],
      [{ light: "green" }, 3],
      [{ minBudget: "50", maxBudget: "300.5" }, 12],
      [{ state: "PUBLISHED", grade: "优", minBudget: "10" }, 12],
    ];
    // Two department-level reports (the generated year has none), written as the app stores them.
    const [first, second] = await t.prisma.departmentYear.findMany({ where: { year: 2042 }, orderBy: { id: "asc" }, take: 2 });
    await t.prisma.report.createMany({
      data: [
        { kind: "FINAL_ACCOUNTS", scopeKey: `FINAL_ACCOUNTS:${first!.id}`, departmentId: first!.departmentId, departmentYearId: first!.id, year: 2042, title: "决算", status: "SUBMITTED" },
        { kind: "DEPARTMENT_OVERALL", scopeKey: `DEPARTMENT_OVERALL:${second!.id}`, departmentId: second!.departmentId, departmentYearId: second!.id, year: 2042, title: "整体", status: "APPROVED" },
      ],
    });
    // The year's departments as Prisma reads them: in their order, with their department-level reports' states.
    const [opened, reports] = await Promise.all([
      t.prisma.departmentYear.findMany({ where: { year: 2042 }, orderBy: [{ department: { sortOrder: "asc" } }, { department: { code: "asc" } }], select: { departmentId: true, department: { select: { shortName: true, name: true } } } }),
      t.prisma.report.findMany({ where: { year: 2042, kind: { in: ["FINAL_ACCOUNTS", "DEPARTMENT_OVERALL"] } }, select: { departmentId: true, kind: true, status: true } }),
    ]);
    const stateOf = (id: string, kind: string): ReportState => reports.find((r) => r.departmentId === id && r.kind === kind)?.status ?? "NONE";
    const departments = opened.map((d) => ({ id: d.departmentId, name: d.department.shortName || d.department.name, finalAccounts: stateOf(d.departmentId, "FINAL_ACCOUNTS"), overall: stateOf(d.departmentId, "DEPARTMENT_OVERALL") }));
    expect(reports).toHaveLength(2);
    for (const [filter, month] of filters) {
      const sql = await yearOverview(2042, t.prisma, {}, filter, month);
      const kept = filterProjects(all, filter, month);
      const js = buildOverview(departments, kept);
      expect(sql.rows, JSON.stringify(filter)).toEqual(js.rows);
      expect(sql.totals).toEqual(js.totals);
      // Each project in the first bucket its rate falls in (bucketOfRate), counted here one by one.
      expect(sql.totals.rateBuckets).toEqual(RATE_BUCKETS.map((_, i) => kept.filter((p) => bucketOfRate(p.executionRate) === i).length));
      expect(sql.totals.projectCount).toBe(kept.length);
    }
    // The filters do filter (the generated year has projects in every state and light).
    expect((await yearOverview(2042, t.prisma, {}, { light: "red" }, 12)).totals.projectCount).toBeGreaterThan(0);
    expect((await yearOverview(2042, t.prisma, {}, { light: "red" }, 12)).totals.projectCount).toBeLessThan(all.length);
  });

  it("are dropped by the database when a project's indicators, funding or report status change, whoever writes", async () => {
    const [first] = await yearProjects(2020, departmentId, t.prisma);
    const cached = () => t.prisma.projectSummary.count({ where: { projectId: first!.id } });
    expect(await cached()).toBe(1);
    // A change made in SQL, without the app's version bump: the cache row goes, the next read re-scores.
    await t.prisma.$executeRaw`UPDATE "ProjectFunding" SET "executed" = "executed" / 2 WHERE "projectId" = ${first!.id}`;
    expect(await cached()).toBe(0);
    const halved = (await yearProjects(2020, departmentId, t.prisma))[0]!;
    expect(Number(halved.executed)).toBeCloseTo(Number(first!.executed) / 2, 6);
    expect(halved.executionRate).not.toBe(first!.executionRate);
    await t.prisma.$executeRaw`UPDATE "ProjectFunding" SET "executed" = "executed" * 2 WHERE "projectId" = ${first!.id}`;
    expect(await cached()).toBe(0);
    expect((await yearProjects(2020, departmentId, t.prisma))[0]).toEqual(first);

    const indicator = await t.prisma.indicator.findFirstOrThrow({ where: { projectId: first!.id } });
    await t.prisma.indicator.update({ where: { id: indicator.id }, data: { deviationReason: indicator.deviationReason } });
    expect(await cached()).toBe(0);
    await yearProjects(2020, departmentId, t.prisma);
    // A report saved without a status change keeps the cache; a status change drops it.
    const report = await t.prisma.report.findUniqueOrThrow({ where: { projectId: first!.id } });
    await t.prisma.report.update({ where: { id: report.id }, data: { version: { increment: 1 } } });
    expect(await cached()).toBe(1);
    await t.prisma.report.update({ where: { id: report.id }, data: { status: "APPROVED" } });
    expect(await cached()).toBe(0);
    await t.prisma.report.update({ where: { id: report.id }, data: { status: report.status } });
  });

  it("stream the 汇总表 of a year larger than one slice: every project once, in the overview's order, amounts as numbers", async () => {
    const projects = await yearProjects(2042, undefined, t.prisma);
    const res = await summaryHandler(t.prisma, reviewer, "2042");
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(projects.length + 1);
    const names = Array.from({ length: projects.length }, (_, i) => ws.getRow(i + 2).getCell(2).value);
    expect(names).toEqual(projects.map((p) => p.name));
    const last = ws.getRow(projects.length + 1);
    expect(last.getCell(4).value).toBe(Number(Number(projects.at(-1)!.annualBudget).toFixed(2)));
    expect(last.getCell(4).numFmt).toBe("0.00");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  });

  it("list a department holding a project of a year it was not opened for last, with its project (data written in SQL)", async () => {
    const opened = await t.prisma.departmentYear.findMany({ where: { year: 2042 }, select: { id: true, departmentId: true } });
    const outside = await t.prisma.department.findFirstOrThrow({ where: { id: { notIn: opened.map((d) => d.departmentId) } }, select: { id: true, name: true, shortName: true } });
    const template = await t.prisma.project.findFirstOrThrow({ where: { year: 2042 }, select: { departmentYearId: true, frameworkId: true } });
    const stray = await t.prisma.project.create({
      data: { departmentId: outside.id, departmentYearId: template.departmentYearId, year: 2042, name: "错挂年度的项目", competentDepartment: "", implementingUnit: "", frameworkId: template.frameworkId },
    });
    try {
      const { rows, totals } = await yearOverview(2042, t.prisma);
      expect(rows).toHaveLength(opened.length + 1);
      expect(rows.at(-1)).toMatchObject({ departmentId: outside.id, department: outside.shortName || outside.name, projectCount: 1, finalAccounts: "NONE", overall: "NONE" });
      expect(totals.projectCount).toBe(rows.reduce((n, r) => n + r.projectCount, 0));
    } finally {
      await t.prisma.project.delete({ where: { id: stray.id } });
    }
  });
});
