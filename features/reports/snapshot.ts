/**
 * What a self-evaluation report shows besides its narrative — the project's figures,
 * indicator table and computed score — loaded live while the report is being worked
 * on, and frozen into the publication's snapshot when it is published (later edits to
 * the project never change what was published).
 */
import { decimalText, yuanToWanText } from "@/lib/money";
import { toScoreInput } from "@/features/projects/score-input";
import { computeSelfEvaluationScore } from "@/features/scoring/score";
import type { Db } from "@/lib/db-client";
import type { CheckInput } from "./check-report";
import type { ProjectView } from "./snapshot-reader";

export async function loadProjectForReport(db: Db, projectId: string) {
  return db.project.findUniqueOrThrow({
    where: { id: projectId },
    include: {
      department: { select: { name: true, shortName: true } },
      funding: true,
      allocations: { orderBy: { sortOrder: "asc" } },
      indicators: { orderBy: { sortOrder: "asc" }, include: { level1: { select: { name: true } }, level2: { select: { name: true } } } },
      framework: { select: { name: true, budgetExecutionPoints: true, level1: { orderBy: { sortOrder: "asc" }, select: { id: true, name: true, category: true, points: true } } } },
    },
  });
}

export type ReportProject = Awaited<ReturnType<typeof loadProjectForReport>>;
type Section = { key: string; heading: string; body: string };

export function checkInputOf(project: ReportProject, sections: Section[]): CheckInput {
  return {
    project: {
      name: project.name,
      score: toScoreInput(project),
      indicators: project.indicators.map((i) => ({ id: i.id, name: i.name, nature: i.nature, actualValue: decimalText(i.actualValue), actualText: i.actualText })),
      allocations: project.allocations.map((a) => ({ item: a.item, amount: yuanToWanText(a.amount) })),
    },
    sections: sections.map((s) => ({ key: s.key, heading: s.heading, body: s.body })),
  };
}

/** The project part of a report as plain JSON (amounts in 万元 strings; its shape is checked by snapshot-reader.ts). */
export function projectView(project: ReportProject): ProjectView {
  const input = toScoreInput(project);
  const score = computeSelfEvaluationScore(input);
  const byId = new Map(score.indicators.map((s) => [s.id, s]));
  return {
    name: project.name,
    year: project.year,
    department: project.department.name,
    competentDepartment: project.competentDepartment,
    implementingUnit: project.implementingUnit,
    framework: project.framework.name,
    funding: project.funding.map((f) => ({ source: f.source, initialBudget: yuanToWanText(f.initialBudget), annualBudget: yuanToWanText(f.annualBudget), executed: yuanToWanText(f.executed) })),
    budget: input.budget,
    allocations: project.allocations.map((a) => ({ item: a.item, amount: yuanToWanText(a.amount) })),
    goalExpected: project.goalExpected,
    goalActual: project.goalActual,
    indicators: project.indicators.map((i) => ({
      id: i.id,
      level1: i.level1.name,
      level2: i.level2.name,
      name: i.name,
      nature: i.nature,
      target: i.nature === "QUALITATIVE" ? i.targetText : `${decimalText(i.targetValue)}${i.unit ?? ""}`,
      targetText: i.targetText,
      actual: i.nature === "QUALITATIVE" ? i.actualText : `${decimalText(i.actualValue)}${i.actualValue == null ? "" : (i.unit ?? "")}`,
      actualText: i.actualText,
      weight: decimalText(i.weight),
      score: byId.get(i.id)?.score ?? null,
      applicable: i.applicable,
      deviationReason: i.deviationReason,
    })),
    score: { total: score.total, ...(score.totalExact ? { totalExact: score.totalExact } : {}), grade: score.grade, executionRate: score.budgetExecution.rate, budgetScore: score.budgetExecution.score },
  };
}

export type { ProjectView };

export type ReportSnapshot = {
  format: 2;
  title: string;
  versionNo: number;
  publishedAt: string;
  correctionNote: string;
  project: ProjectView | null;
  sections: Section[];
};

export function buildSnapshot(args: { title: string; project: ReportProject | null; sections: Section[]; versionNo: number; publishedAt: Date; correctionNote: string }): ReportSnapshot {
  return {
    format: 2,
    title: args.title,
    versionNo: args.versionNo,
    publishedAt: args.publishedAt.toISOString(),
    correctionNote: args.correctionNote,
    project: args.project ? projectView(args.project) : null,
    sections: args.sections.map((s) => ({ key: s.key, heading: s.heading, body: s.body })),
  };
}
