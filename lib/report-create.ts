/**
 * The one way a report row is made (README, "Architecture"): its unique scope key, its owner
 * department-year and its sections in order. Used by the three "create if missing" mutations
 * (self-evaluation, final accounts, overall report) and by the seed; each writes its own audit row.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ReportKind } from "@/lib/generated/prisma/enums";

/** A report's unique scope: one self-evaluation per project, one final accounts and one overall report per department-year. */
export function reportScopeKey(kind: "FINAL_ACCOUNTS" | "DEPARTMENT_OVERALL", departmentYearId: string): string;
export function reportScopeKey(kind: "PROJECT_SELF_EVALUATION", departmentYearId: string, projectId: string): string;
export function reportScopeKey(kind: ReportKind, departmentYearId: string, projectId?: string): string {
  return kind === "PROJECT_SELF_EVALUATION" ? `${kind}:${projectId}` : `${kind}:${departmentYearId}`;
}

export type NewReport = {
  kind: ReportKind;
  departmentYear: { id: string; departmentId: string; year: number };
  /** The project of a self-evaluation. */
  projectId?: string;
  title: string;
  /** In document order; body empty unless a draft fills it. */
  sections: { key: string; heading: string; body?: string }[];
};

/** The Prisma create input of a new report (status as given in `extra`, else the schema's 草稿). */
export function newReportData(r: NewReport, extra: Omit<Prisma.ReportUncheckedCreateInput, keyof NewReport | "scopeKey" | "departmentId" | "departmentYearId" | "year"> = {}): Prisma.ReportUncheckedCreateInput {
  const scopeKey = r.kind === "PROJECT_SELF_EVALUATION" ? reportScopeKey(r.kind, r.departmentYear.id, r.projectId!) : reportScopeKey(r.kind, r.departmentYear.id);
  return {
    ...extra,
    kind: r.kind,
    scopeKey,
    departmentId: r.departmentYear.departmentId,
    departmentYearId: r.departmentYear.id,
    year: r.departmentYear.year,
    ...(r.projectId ? { projectId: r.projectId } : {}),
    title: r.title,
    sections: { create: r.sections.map((s, i) => ({ key: s.key, heading: s.heading, body: s.body ?? "", sortOrder: i })) },
  };
}
