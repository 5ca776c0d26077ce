/**
 * “按最新数据重新生成”: a fresh draft of one data section of a report, from its
 * department-year's data as it is now. One mechanism for every report kind that has
 * data sections (template.ts dataSectionKeys); each kind brings its own drafting
 * function (DRAFTERS). Nothing is written here: the editor puts the text into the
 * section (after the user confirms replacing different text) and the user saves as
 * usual, with the version guard and the audit row of saving. The checks are those of
 * saving sections, so whoever may not save the section may not ask for its draft
 * either.
 */
import { loadFinalAccountsDraft } from "@/features/final-accounts/narrative-draft-data";
import type { Actor } from "@/lib/actor";
import type { MutationResult } from "@/lib/mutation-result";
import type { Db } from "@/lib/db-client";
import type { ReportKind } from "@/lib/generated/prisma/enums";
import { reportPolicy } from "./access";
import { REPORT_MESSAGES } from "./mutations";
import { loadOverallDraft } from "./overall-draft-data";
import { isDataSection } from "./template";

/** The data sections' drafts of one department-year, by report kind (key → text, "" where the data says nothing). */
const DRAFTERS: Partial<Record<ReportKind, (db: Db, departmentYearId: string) => Promise<Record<string, string>>>> = {
  DEPARTMENT_OVERALL: loadOverallDraft,
  FINAL_ACCOUNTS: loadFinalAccountsDraft,
};

const refuse = (reason: keyof typeof REPORT_MESSAGES) => ({ ok: false as const, reason, message: REPORT_MESSAGES[reason] });

export async function draftSectionForReport(db: Db, actor: Actor, reportId: string, key: string): Promise<MutationResult<{ body: string }>> {
  const r = await db.report.findUnique({ where: { id: reportId }, select: { departmentId: true, departmentYearId: true, kind: true, status: true, department: { select: { parentId: true } } } });
  if (!r) return refuse("not_found");
  const denial = reportPolicy.denial(actor, "edit", { ...r, parentId: r.department.parentId });
  if (denial) return refuse(denial);
  const drafter = DRAFTERS[r.kind];
  if (!drafter) return { ok: false, reason: "invalid", message: "只有部门整体支出绩效评价报告和部门决算公开可以按数据生成章节" };
  if (!isDataSection(r.kind, key)) return { ok: false, reason: "invalid", message: "本节不是按数据生成的章节" };
  const draft = await drafter(db, r.departmentYearId);
  return { ok: true, body: draft[key] ?? "" };
}
