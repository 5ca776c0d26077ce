/**
 * Reads one department-year's final accounts for the editor, the save mutation and
 * the pre-submission check. Takes any client (a transaction included).
 */
import { sum, yuanToWan } from "@/lib/money";
import type { Db } from "@/lib/db-client";
import { checkYearDocumentNarrative } from "@/features/publication/narrative-check";
import { loadYearDocument } from "@/features/publication/year-document";
import type { CheckItem } from "@/lib/check-item";
import { checkFinalAccounts } from "./check";
import { listItemCodes } from "@/features/function-classes/item-codes";
import { toFormValues, type StoredFinalAccounts } from "./convert";

export async function loadStoredFinalAccounts(db: Db, departmentYearId: string): Promise<StoredFinalAccounts | null> {
  const dy = await db.departmentYear.findUnique({
    where: { id: departmentYearId },
    include: {
      incomeLines: true,
      expenditureLines: { orderBy: { sortOrder: "asc" } },
      basicItems: { orderBy: { sortOrder: "asc" } },
      threePublicLines: true,
      figures: true,
      glossary: { orderBy: { sortOrder: "asc" } },
    },
  });
  if (!dy) return null;
  const prior = await db.departmentYear.findUnique({
    where: { departmentId_year: { departmentId: dy.departmentId, year: dy.year - 1 } },
    select: { figures: true },
  });
  return {
    staffing: {
      staffAuthorizedTotal: dy.staffAuthorizedTotal,
      staffAuthorizedAdministrative: dy.staffAuthorizedAdministrative,
      staffAuthorizedInstitution: dy.staffAuthorizedInstitution,
      staffAuthorizedLogistics: dy.staffAuthorizedLogistics,
      staffActualTotal: dy.staffActualTotal,
      staffActualAdministrative: dy.staffActualAdministrative,
      staffActualInstitution: dy.staffActualInstitution,
      staffActualLogistics: dy.staffActualLogistics,
      staffRetired: dy.staffRetired,
    },
    incomeLines: dy.incomeLines,
    expenditureLines: dy.expenditureLines,
    basicItems: dy.basicItems,
    threePublicLines: dy.threePublicLines,
    figures: dy.figures,
    glossary: dy.glossary,
    priorFigures: prior?.figures ?? [],
  };
}

/** 万元: what the year's projects executed from fiscal funds (本年财政拨款 + 上年结转); null without projects. */
export async function projectsFiscalExecuted(db: Db, departmentYearId: string): Promise<string | null> {
  const funding = await db.projectFunding.findMany({
    where: { project: { departmentYearId }, source: { in: ["FISCAL", "CARRYOVER"] } },
    select: { executed: true },
  });
  if (funding.length === 0) return null;
  return yuanToWan(sum(funding.map((f) => f.executed.toString()))).toFixed();
}

/** The "parts add up" check of a department-year as stored. */
export async function checkStoredFinalAccounts(db: Db, departmentYearId: string) {
  const stored = await loadStoredFinalAccounts(db, departmentYearId);
  if (!stored) return null;
  return checkFinalAccounts(toFormValues(stored), {
    projectsFiscalExecuted: await projectsFiscalExecuted(db, departmentYearId),
    codes: await listItemCodes(db),
  });
}

/**
 * The year document's whole check: the final accounts' rules (blocking unless explained)
 * and, as warnings, every statement of its 决算情况说明 that disagrees with the figures.
 */
export async function checkYearDocument(db: Db, departmentYearId: string): Promise<{ blocking: CheckItem[]; warnings: CheckItem[] }> {
  const accounts = await checkStoredFinalAccounts(db, departmentYearId);
  const dy = await db.departmentYear.findUnique({ where: { id: departmentYearId }, select: { year: true, department: { select: { code: true } } } });
  const doc = dy ? await loadYearDocument(db, { departmentCode: dy.department.code, year: dy.year }) : null;
  const narrative: CheckItem[] = (doc ? checkYearDocumentNarrative(doc) : []).map((f) => ({
    severity: "warning",
    code: "NARRATIVE_MISMATCH",
    sectionKey: f.sectionKey,
    message: `“${f.heading}”写“${f.stated}”，按决算数据计算为${f.computed}（${f.subject}）`,
  }));
  return { blocking: accounts?.blocking ?? [], warnings: [...(accounts?.warnings ?? []), ...narrative] };
}
