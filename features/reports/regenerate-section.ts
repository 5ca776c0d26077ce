/**
 * “按最新数据重新生成”: a fresh draft of one data section of an overall report, from
 * the department-year's data as it is now. Nothing is written here: the editor puts
 * the text into the section (after the user confirms replacing different text) and
 * the user saves as usual, with the version guard and the audit row of saving. The
 * checks are those of saving sections, so whoever may not save the section may not
 * ask for its draft either.
 */
import { type Actor, isEditableStatus } from "@/features/projects/access";
import type { MutationResult } from "@/features/projects/mutations";
import type { Db } from "@/lib/db-client";
import { hasPermission } from "@/lib/permissions";
import { REPORT_MESSAGES } from "./mutations";
import { loadOverallDraft } from "./overall-draft-data";
import type { OverallDataSectionKey } from "./template";

const refuse = (reason: keyof typeof REPORT_MESSAGES) => ({ ok: false as const, reason, message: REPORT_MESSAGES[reason] });

export async function draftSectionForReport(db: Db, actor: Actor, reportId: string, key: OverallDataSectionKey): Promise<MutationResult<{ body: string }>> {
  if (!hasPermission(actor.role, "project.write")) return refuse("forbidden");
  const r = await db.report.findUnique({ where: { id: reportId }, select: { departmentId: true, departmentYearId: true, kind: true, status: true } });
  if (!r || (actor.role === "OWNER" && actor.departmentId !== r.departmentId)) return refuse("not_found");
  if (!isEditableStatus(r.status)) return refuse("locked");
  if (r.kind !== "DEPARTMENT_OVERALL") return { ok: false, reason: "invalid", message: "只有部门整体支出绩效评价报告可以按数据生成章节" };
  const draft = await loadOverallDraft(db, r.departmentYearId);
  return { ok: true, body: draft[key] };
}
