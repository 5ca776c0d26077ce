import "server-only";
import { computeSelfEvaluationScore } from "@/features/scoring/score";
import { displayedScore, toScoreInput } from "@/features/projects/score-input";
import type { IndicatorCategory, MonitoringLight } from "@/features/scoring/types";
import { db } from "@/lib/db";
import type { Db } from "@/lib/db-client";
import { Prisma } from "@/lib/generated/prisma/client";
import { projectLight, type ProjectRow, type ReportState } from "./overview";
import { projectWarnings } from "./warnings";

/**
 * The overview's cache of each project's figures ("ProjectSummary"): scored by features/scoring
 * (PostgreSQL cannot run it) when missing or older than the project's version or its report's
 * status (STALE), a slice at a time, and stored with one statement per slice. data.ts reads it.
 */

const projectSelect = {
  id: true,
  name: true,
  version: true,
  departmentId: true,
  department: { select: { shortName: true, name: true } },
  funding: { select: { initialBudget: true, annualBudget: true, executed: true } },
  indicators: { orderBy: { sortOrder: "asc" } },
  framework: { select: { budgetExecutionPoints: true, level1: { orderBy: { sortOrder: "asc" }, select: { id: true, name: true, category: true, points: true } } } },
  report: { select: { status: true } },
} as const;

/**
 * Projects read and scored per query: each brings all its funding and indicator rows (≈ 40,000
 * Prisma objects for 2,000 projects of 20 indicators, ≈ 150 MB while parsed), so this is smaller
 * (the server's heap is capped, scripts/lib/server-heap.ts).
 */
const SCORE_SLICE = 200;

/** Rows stored per statement. */
const STORE_SLICE = 2000;

/** A project's overview figures and the versions they were computed from (stored in ProjectSummary). */
export type Scored = Omit<ProjectRow, "name" | "departmentId" | "department"> & { projectVersion: number; reportStatus: string; lights: MonitoringLight[] };

/** Scores projects from their funding and indicator rows (features/scoring), in slices. */
async function scoreProjects(prisma: Db, ids: string[]): Promise<Scored[]> {
  const out: Scored[] = [];
  // In slices: Prisma reads the related rows of all projects with one IN (…) list, and a province's
  // year (36,000 projects) exceeded PostgreSQL's 65,535 bind parameters (a 500, found by bench/scale.ts).
  for (let i = 0; i < ids.length; i += SCORE_SLICE) {
    for (const p of await readForScoring(prisma, ids.slice(i, i + SCORE_SLICE))) out.push(scoreProject(p));
  }
  return out;
}

function scoreProject(p: Awaited<ReturnType<typeof readForScoring>>[number]): Scored {
  const input = toScoreInput(p);
  const score = computeSelfEvaluationScore(input);
  const shown = displayedScore(score, { reportStatus: p.report?.status, weights: p.indicators.map((i) => i.weight) });
  const categories = new Map<string, IndicatorCategory>(p.framework.level1.map((g) => [g.id, g.category]));
  const results = new Map(score.indicators.map((r) => [r.id, r]));
  const warnings = projectWarnings({
    executionRate: score.budgetExecution.rate,
    indicators: p.indicators.map((i) => {
      const r = results.get(i.id);
      return {
        id: i.id,
        name: i.name,
        category: categories.get(i.level1Id) ?? null,
        nature: i.nature,
        targetValue: i.targetValue == null ? null : i.targetValue.toString(),
        actualValue: i.actualValue == null ? null : i.actualValue.toString(),
        targetText: i.targetText,
        actualText: i.actualText,
        applicable: i.applicable,
        score: r?.score ?? null,
        max: r?.max ?? "0.00",
        deviationReasonMissing: r?.deviationReasonMissing ?? false,
      };
    }),
  });
  const figures = { annualBudget: input.budget.annual, executed: input.budget.executed };
  return {
    id: p.id,
    projectVersion: p.version,
    // The 双监控 light at each month (features/scoring/monitoring.ts), for the overview's light filter in SQL.
    lights: MONTHS.map((m) => projectLight(figures, m)),
    reportStatus: p.report?.status ?? "NONE",
    initialBudget: input.budget.initial,
    annualBudget: input.budget.annual,
    executed: input.budget.executed,
    executionRate: score.budgetExecution.rate,
    score: shown.total,
    grade: (shown.grade as ProjectRow["grade"]) ?? null,
    reportState: (p.report?.status ?? "NONE") as ReportState,
    warnings,
  };
}
const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const readForScoring = (prisma: Db, ids: string[]) => prisma.project.findMany({ where: { id: { in: ids } }, select: projectSelect });

/** Stores computed figures (one statement per slice; a concurrent refresh of the same rows wins or loses whole rows). */
async function storeSummaries(prisma: Db, rows: Scored[]) {
  for (let i = 0; i < rows.length; i += STORE_SLICE) {
    const s = rows.slice(i, i + STORE_SLICE);
    const col = <T,>(f: (r: Scored) => T) => s.map(f);
    await prisma.$executeRaw`
      INSERT INTO "ProjectSummary" ("projectId", "projectVersion", "reportStatus", "initialBudget", "annualBudget", "executed", "executionRate", "score", "grade", "warnings", "lights", "computedAt")
      SELECT u0."id", u0."v", u0."st", u0."ib", u0."ab", u0."ex", u0."er", u0."sc", u0."gr", u0."wa", string_to_array(u0."li", ','), now() FROM unnest(${col((r) => r.id)}::text[], ${col((r) => r.projectVersion)}::int[], ${col((r) => r.reportStatus)}::text[],
        ${col((r) => r.initialBudget || "0")}::numeric[], ${col((r) => r.annualBudget || "0")}::numeric[], ${col((r) => r.executed || "0")}::numeric[],
        ${col((r) => r.executionRate)}::numeric[], ${col((r) => r.score)}::numeric[], ${col((r) => r.grade)}::text[], ${col((r) => JSON.stringify(r.warnings))}::jsonb[], ${col((r) => r.lights.join(","))}::text[]) AS u0("id", "v", "st", "ib", "ab", "ex", "er", "sc", "gr", "wa", "li")
      ON CONFLICT ("projectId") DO UPDATE SET "projectVersion" = EXCLUDED."projectVersion", "reportStatus" = EXCLUDED."reportStatus",
        "initialBudget" = EXCLUDED."initialBudget", "annualBudget" = EXCLUDED."annualBudget", "executed" = EXCLUDED."executed",
        "executionRate" = EXCLUDED."executionRate", "score" = EXCLUDED."score", "grade" = EXCLUDED."grade", "warnings" = EXCLUDED."warnings", "lights" = EXCLUDED."lights", "computedAt" = now()`;
  }
}

/** Scores and stores the given projects' figures; the fresh figures by project id. */
export async function refresh(prisma: Db, stale: string[]): Promise<Map<string, Scored>> {
  const fresh = new Map<string, Scored>();
  if (!stale.length) return fresh;
  // In id order, so that two instances refreshing the same rows at once lock them in the same order (no deadlock).
  const scored = await scoreProjects(prisma, [...stale].sort());
  await storeSummaries(prisma, scored);
  for (const r of scored) fresh.set(r.id, r);
  return fresh;
}

/** A project whose cached figures are missing or older than the project or its report (on "Project" p, "ProjectSummary" s, "Report" r). */
export const STALE = Prisma.sql`(s."projectId" IS NULL OR s."projectVersion" <> p."version" OR s."reportStatus" <> COALESCE(r."status"::text, 'NONE'))`;

/** The ids of a year's projects (where `where` says) whose cached figures are stale, in id order. */
export async function staleIds(prisma: Db, where: Prisma.Sql): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT p."id" FROM "Project" p LEFT JOIN "Report" r ON r."projectId" = p."id" LEFT JOIN "ProjectSummary" s ON s."projectId" = p."id"
     WHERE ${where} AND ${STALE} ORDER BY p."id"`;
  return rows.map((r) => r.id);
}

/**
 * Scores and caches every stale project of a year, slice by slice (`npm run demo:scale` calls it
 * after a bulk load, so that the first overview does not score 36,000 projects). Returns how many.
 */
export async function warmYear(year: number, prisma: Db = db(), progress: (done: number, total: number) => void = () => {}): Promise<number> {
  const ids = await staleIds(prisma, Prisma.sql`p."year" = ${year}`);
  await refreshInSlices(prisma, ids, progress);
  return ids.length;
}

/**
 * Scores and stores many projects one slice at a time, keeping nothing: memory stays that of one
 * slice (scoring a province's 36,000 projects at once held ≈ 150 MB and ran a server capped at
 * 192 MB out of heap, found by bench/scale.ts).
 */
export async function refreshInSlices(prisma: Db, ids: string[], progress: (done: number, total: number) => void = () => {}) {
  for (let i = 0; i < ids.length; i += SCORE_SLICE) {
    await refresh(prisma, ids.slice(i, i + SCORE_SLICE));
    progress(Math.min(i + SCORE_SLICE, ids.length), ids.length);
  }
}
