/**
 * The pre-submission check of a report without a project (the overall report, the year
 * document): its template's required sections and, for the year document, its final
 * accounts (features/final-accounts/load.ts checkYearDocument). One function for the
 * check panel (data.ts) and the submission (mutations.ts). Takes any client.
 */
import { checkYearDocument } from "@/features/final-accounts/load";
import type { Db } from "@/lib/db-client";
import type { ReportKind } from "@/lib/generated/prisma/enums";
import type { ReportCheck } from "@/lib/check-item";
import { checkRequiredSections } from "./check-report";
import { sectionsFor } from "./template";

export async function checkWithoutProject(db: Db, report: { kind: ReportKind; departmentYearId: string }, sections: { key: string; body: string }[]): Promise<ReportCheck> {
  const check = checkRequiredSections(sectionsFor(report.kind), sections);
  if (report.kind !== "FINAL_ACCOUNTS") return check;
  const accounts = await checkYearDocument(db, report.departmentYearId);
  return { blocking: [...check.blocking, ...accounts.blocking], warnings: [...check.warnings, ...accounts.warnings] };
}
