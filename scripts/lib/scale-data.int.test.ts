/** The synthetic data generator writes valid, scoreable, reproducible data (real PostgreSQL). */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toScoreInput } from "@/features/projects/score-input";
import { computeSelfEvaluationScore } from "@/features/scoring/score";
import { seedDemoData } from "@/prisma/seed/run";
import { freshDatabase, type TestDatabase } from "@/tests/integration/db";
import { writeScaleData } from "./scale-data";

const OPTS = { departments: 4, projects: 25, indicators: 200, year: 2041, seed: 7 };
let a: TestDatabase, b: TestDatabase;

async function generate(t: TestDatabase, seed = OPTS.seed) {
  const pool = new pg.Pool({ connectionString: t.url, max: 1 });
  try {
    return await writeScaleData(pool, { ...OPTS, seed });
  } finally {
    await pool.end();
  }
}

/** The generated rows, as comparable text (ids included: they derive from the seed). */
async function fingerprint(t: TestDatabase) {
  const projects = await t.prisma.project.findMany({ where: { year: OPTS.year }, orderBy: { id: "asc" }, include: { funding: { orderBy: { source: "asc" } }, indicators: { orderBy: { sortOrder: "asc" } }, report: true } });
  return projects.map((p) => [p.id, p.name, p.departmentId, p.funding.map((f) => `${f.source}:${f.annualBudget}:${f.executed}`).join(","), p.indicators.map((i) => `${i.name}:${i.targetValue}:${i.actualValue}:${i.weight}`).join("|"), p.report?.status ?? null].join(" / "));
}

beforeAll(async () => {
  [a, b] = await Promise.all([freshDatabase(), freshDatabase()]);
  await Promise.all([seedDemoData(a.prisma, { demo: false }), seedDemoData(b.prisma, { demo: false })]);
});
afterAll(async () => {
  await Promise.all([a.drop(), b.drop()]);
});

describe("demo:scale data", () => {
  it("writes departments with sub-units, projects, indicators and reports in every kind of status", async () => {
    const r = await generate(a);
    expect(r).toMatchObject({ departments: 4, projects: 25 });
    expect(r.indicators).toBeGreaterThanOrEqual(25 * 3);
    expect(await a.prisma.department.count({ where: { code: { startsWith: "s7-" }, parentId: null } })).toBe(4);
    expect(await a.prisma.departmentYear.count({ where: { year: OPTS.year } })).toBe(4 + r.units);
    expect(await a.prisma.report.count({ where: { year: OPTS.year } })).toBe(r.reports);
  });

  it("every generated table scores under the app's own rules, with no error", async () => {
    const projects = await a.prisma.project.findMany({
      where: { year: OPTS.year },
      include: { funding: true, indicators: { orderBy: { sortOrder: "asc" } }, framework: { select: { budgetExecutionPoints: true, level1: { orderBy: { sortOrder: "asc" }, select: { id: true, name: true, category: true, points: true } } } } },
    });
    expect(projects).toHaveLength(25);
    for (const p of projects) {
      const score = computeSelfEvaluationScore(toScoreInput(p as never));
      expect(score.issues.filter((i) => i.severity === "error"), p.name).toEqual([]);
      expect(score.total, p.name).not.toBeNull();
    }
  });

  it("the same seed gives the same data in another database; a second run with it is refused and writes nothing", async () => {
    await generate(b);
    expect(await fingerprint(b)).toEqual(await fingerprint(a));
    const before = await a.prisma.project.count();
    await expect(generate(a)).rejects.toThrow(/已存在/);
    expect(await a.prisma.project.count()).toBe(before);
  });
});
