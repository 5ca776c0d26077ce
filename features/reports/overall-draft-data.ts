/**
 * Reads what overall-draft.ts needs from one department-year. Takes the client or a
 * transaction (like snapshot.ts and publication/year-document.ts), so that creating
 * the report drafts it inside the same transaction. Server code only.
 *
 * Not loadYearDocument: that one needs the year's published 决算公开 report, which an
 * open year (the one the overall report is written in) does not have yet. The sums
 * and the 万元 / % formatting are the same helpers (lib/money.ts) and the 类 of a
 * line is found the same way.
 */
import type { Db } from "@/lib/db-client";
import { sum } from "@/lib/money";
import { draftOverallSections, type OverallDraft, type OverallDraftInput } from "./overall-draft";

export async function loadOverallDraftInput(db: Db, departmentYearId: string): Promise<OverallDraftInput> {
  const dy = await db.departmentYear.findUniqueOrThrow({
    where: { id: departmentYearId },
    include: {
      department: { select: { shortName: true, subUnits: { orderBy: { sortOrder: "asc" }, select: { name: true, unitKind: true, isBudgetUnit: true } } } },
      incomeLines: { select: { source: true, amount: true } },
      expenditureLines: { orderBy: { sortOrder: "asc" }, include: { functionClass: { include: { parent: { include: { parent: true } } } } } },
      projects: { orderBy: { sortOrder: "asc" }, select: { funding: { select: { annualBudget: true, executed: true } } } },
    },
  });
  return {
    year: dy.year,
    shortName: dy.department.shortName,
    subUnits: dy.department.subUnits,
    staffing: {
      authorized: { total: dy.staffAuthorizedTotal, administrative: dy.staffAuthorizedAdministrative, institution: dy.staffAuthorizedInstitution, logistics: dy.staffAuthorizedLogistics },
      actual: { total: dy.staffActualTotal, administrative: dy.staffActualAdministrative, institution: dy.staffActualInstitution, logistics: dy.staffActualLogistics },
      retired: dy.staffRetired,
    },
    income: dy.incomeLines.map((l) => ({ source: l.source, amount: l.amount.toString() })),
    expenditure: dy.expenditureLines.map((l) => {
      const cls = l.functionClass.parent?.parent ?? l.functionClass.parent ?? l.functionClass;
      return { classCode: cls.code, className: cls.name, budget: l.budget?.toString() ?? null, basic: l.basic.toString(), project: l.project.toString() };
    }),
    projects: dy.projects.map((p) => ({
      budget: sum(p.funding.map((f) => f.annualBudget.toString())).toString(),
      executed: sum(p.funding.map((f) => f.executed.toString())).toString(),
    })),
  };
}

/** The draft of the department-year's data sections, as the data says them now. */
export async function loadOverallDraft(db: Db, departmentYearId: string): Promise<OverallDraft> {
  return draftOverallSections(await loadOverallDraftInput(db, departmentYearId));
}
