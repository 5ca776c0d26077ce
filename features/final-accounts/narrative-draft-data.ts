/**
 * Reads what narrative-draft.ts needs from one department-year: the final accounts as
 * the editor reads them (load.ts + convert.ts), the 项 codes' names and the
 * department's short name. Takes the client or a transaction. Server code only.
 */
import { listItemCodes } from "@/features/function-classes/item-codes";
import type { Db } from "@/lib/db-client";
import { computeFinalAccounts } from "./computed";
import { toFormValues } from "./convert";
import { loadStoredFinalAccounts } from "./load";
import { draftFinalAccountsNarrative, type FinalAccountsDraft, type NarrativeDraftInput } from "./narrative-draft";

export async function loadNarrativeDraftInput(db: Db, departmentYearId: string): Promise<NarrativeDraftInput> {
  const dy = await db.departmentYear.findUniqueOrThrow({ where: { id: departmentYearId }, select: { year: true, department: { select: { shortName: true } } } });
  const stored = await loadStoredFinalAccounts(db, departmentYearId);
  if (!stored) throw new Error(`department-year ${departmentYearId} vanished`);
  const values = toFormValues(stored);
  const codes = await listItemCodes(db);
  return { year: dy.year, shortName: dy.department.shortName, values, computed: computeFinalAccounts(values, codes), codes };
}

/** The draft of the year document's 第二部分 sections, as the final accounts say them now. */
export async function loadFinalAccountsDraft(db: Db, departmentYearId: string): Promise<FinalAccountsDraft> {
  return draftFinalAccountsNarrative(await loadNarrativeDraftInput(db, departmentYearId));
}
