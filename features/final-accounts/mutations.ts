/**
 * Final-accounts writes. Each is one transaction: lock the year document's report
 * row (so a submission and a save cannot interleave), re-check scope and state,
 * apply a version-guarded update of the department-year, replace its lines and
 * write one audit row with the field-by-field changes.
 */
import { writeAudit } from "@/features/audit/mutations";
import { lockRow } from "@/lib/row-lock";
import { newReportData, reportScopeKey } from "@/lib/report-create";
import type { Actor } from "@/lib/actor";
import type { MutationResult, Refusal } from "@/lib/mutation-result";
import { finalAccountsSections } from "./template";
import type { FieldError } from "@/lib/action-result";
import type { PrismaClient, TxClient } from "@/lib/db-client";
import { finalAccountsPolicy } from "./access";
import { diffValues, isManagedFigure, toFormValues, toStoredRows } from "./convert";
import { loadStoredFinalAccounts } from "./load";
import { computeFinalAccounts } from "./computed";
import { finalAccountsSchema, type FinalAccountsValues } from "./schema";

const MESSAGES = {
  not_found: "该部门该年度的决算不存在，或您无权访问",
  forbidden: "您无权填报或更正该部门的决算",
  locked: "决算公开报告已提交、已通过或已公开，不能修改；如需更正，请由管理员重新打开",
  stale: "决算数据已被其他人修改。请重新加载页面，核对最新内容后再保存（您填写的内容不会自动丢失，可先复制保存）",
  duplicate: "数据重复",
} as const;
const refuse = (reason: keyof typeof MESSAGES): Refusal => ({ ok: false, reason, message: MESSAGES[reason] });

async function lockYearDocument(tx: TxClient, departmentYearId: string) {
  const scopeKey = reportScopeKey("FINAL_ACCOUNTS", departmentYearId);
  if (!(await lockRow(tx, "Report", "scopeKey", scopeKey))) return null;
  return tx.report.findUnique({ where: { scopeKey }, select: { id: true, status: true } });
}

/**
 * 开始编制: the department-year and its year document (部门决算公开, a draft with
 * the standard sections), or the existing ones.
 */
export async function startFinalAccounts(
  prisma: PrismaClient,
  actor: Actor,
  departmentId: string,
  year: number,
): Promise<MutationResult<{ departmentYearId: string; reportId: string }>> {
  if (finalAccountsPolicy.denial(actor, "edit", { departmentId, reportStatus: null })) return refuse("forbidden");
  return prisma.$transaction(async (tx) => {
    const department = await tx.department.findFirst({ where: { id: departmentId, parentId: null }, select: { id: true, name: true } });
    if (!department || !(await tx.fiscalYear.findUnique({ where: { year } }))) return refuse("not_found");
    const dy = await tx.departmentYear.upsert({
      where: { departmentId_year: { departmentId, year } },
      create: { departmentId, year },
      update: {},
    });
    const existing = await tx.report.findUnique({ where: { scopeKey: reportScopeKey("FINAL_ACCOUNTS", dy.id) }, select: { id: true } });
    if (existing) return { ok: true as const, departmentYearId: dy.id, reportId: existing.id };
    const report = await tx.report.create({
      data: newReportData({ kind: "FINAL_ACCOUNTS", departmentYear: dy, title: `${department.name}${year}年度部门决算公开`, sections: finalAccountsSections(year) }),
    });
    const carried = await carryOverFromPreviousYear(tx, dy.id, departmentId, year);
    await writeAudit(tx, { actor, action: "report.create", entityType: "Report", entityId: report.id, toStatus: "DRAFT", comment: report.title, data: carried ? { carriedOver: carried } : undefined });
    return { ok: true as const, departmentYearId: dy.id, reportId: report.id };
  });
}

/**
 * A new year starts from the previous one where that is what every department does:
 * the same 功能分类 科目 (amounts empty), 基本支出 item names, vehicles, staffing, the
 * glossary, and the previous year's totals as 上年决算数 (computed from its lines, as
 * its own document computes them). Only into an empty year; returns what was carried.
 */
async function carryOverFromPreviousYear(tx: TxClient, departmentYearId: string, departmentId: string, year: number) {
  const prev = await tx.departmentYear.findUnique({ where: { departmentId_year: { departmentId, year: year - 1 } }, select: { id: true } });
  const current = await loadStoredFinalAccounts(tx, departmentYearId);
  if (!prev || !current || current.expenditureLines.length > 0 || current.glossary.length > 0) return null;
  const before = await loadStoredFinalAccounts(tx, prev.id);
  if (!before || before.expenditureLines.length === 0) return null;
  const v = toFormValues(before);
  const c = computeFinalAccounts(v);
  const next: FinalAccountsValues = {
    ...toFormValues(current),
    staffing: v.staffing,
    lines: v.lines.map((l) => ({ functionCode: l.functionCode, budget: "", basic: "0", project: "0", reason: "" })),
    basic: { personnel: "", publicUse: "", personnelItems: v.basic.personnelItems, publicUseItems: v.basic.publicUseItems },
    prior: {
      incomeExpenditure: c.incomeExpenditure.amount,
      fiscal: c.fiscal.amount,
      generalBudget: c.expenditure,
      operatingExpenses: c.operatingExpenses.amount,
      vehicles: c.threePublic.vehicles.amount,
      reception: c.threePublic.reception.amount,
    },
    glossary: v.glossary,
    explanations: {},
  } as FinalAccountsValues;
  next.other = { ...next.other, vehicles: v.other.vehicles, vehiclesText: v.other.vehiclesText };
  const rows = toStoredRows(finalAccountsSchema.parse(next));
  await tx.departmentYear.update({ where: { id: departmentYearId }, data: rows.staffing });
  await tx.expenditureLine.createMany({ data: rows.lines.map((r) => ({ ...r, departmentYearId, fundType: "GENERAL_BUDGET" as const })) });
  await tx.basicExpenditureItem.createMany({ data: rows.basicItems.map((r) => ({ ...r, departmentYearId })) });
  await tx.glossaryTerm.createMany({ data: rows.glossary.map((g) => ({ ...g, departmentYearId })) });
  const figures = rows.figures.filter((f) => f.key.startsWith("prior.") || f.key === "assets.vehicles");
  await tx.finalAccountFigure.createMany({ data: figures.map((f) => ({ ...f, departmentYearId })) });
  return { fromYear: year - 1, lines: rows.lines.length, glossary: rows.glossary.length, prior: figures.filter((f) => f.key.startsWith("prior.")).length };
}

export type SaveRefusal = Refusal | { ok: false; reason: "invalid"; message: string; fieldErrors: FieldError[] };

export async function saveFinalAccounts(
  prisma: PrismaClient,
  actor: Actor,
  departmentYearId: string,
  expectedVersion: number,
  values: FinalAccountsValues,
): Promise<MutationResult<{ version: number; changes: number }> | SaveRefusal> {
  return prisma.$transaction(
    async (tx) => {
      const report = await lockYearDocument(tx, departmentYearId);
      const dy = await tx.departmentYear.findUnique({ where: { id: departmentYearId }, select: { id: true, departmentId: true, year: true, version: true } });
      if (!dy) return refuse("not_found");
      const denial = finalAccountsPolicy.denial(actor, "edit", { departmentId: dy.departmentId, reportStatus: report?.status ?? null });
      if (denial) return refuse(denial);
      if (dy.version !== expectedVersion) return refuse("stale");

      const codes = [...new Set(values.lines.map((l) => l.functionCode))];
      const known = new Set((await tx.functionClass.findMany({ where: { code: { in: codes }, level: 3 }, select: { code: true } })).map((c) => c.code));
      const unknown = values.lines.flatMap((l, i) => (known.has(l.functionCode) ? [] : [{ path: `lines.${i}.functionCode`, message: `功能分类科目“${l.functionCode}”不存在或不是项级科目，请选择已有科目或请管理员先添加` }]));
      if (unknown.length) return { ok: false as const, reason: "invalid" as const, message: "填写的内容有误，请按提示修改后再保存", fieldErrors: unknown };

      const before = await loadStoredFinalAccounts(tx, departmentYearId);
      const rows = toStoredRows(values);
      const updated = await tx.departmentYear.updateMany({ where: { id: departmentYearId, version: expectedVersion }, data: { ...rows.staffing, version: { increment: 1 } } });
      if (updated.count !== 1) return refuse("stale");

      const id = departmentYearId;
      await tx.incomeLine.deleteMany({ where: { departmentYearId: id } });
      await tx.incomeLine.createMany({ data: rows.income.map((r) => ({ ...r, departmentYearId: id })) });
      await tx.expenditureLine.deleteMany({ where: { departmentYearId: id } });
      await tx.expenditureLine.createMany({ data: rows.lines.map((r) => ({ ...r, departmentYearId: id, fundType: "GENERAL_BUDGET" as const })) });
      await tx.basicExpenditureItem.deleteMany({ where: { departmentYearId: id } });
      await tx.basicExpenditureItem.createMany({ data: rows.basicItems.map((r) => ({ ...r, departmentYearId: id })) });
      for (const l of rows.threePublic) {
        await tx.threePublicLine.upsert({
          where: { departmentYearId_kind: { departmentYearId: id, kind: l.kind } },
          create: { ...l, departmentYearId: id },
          update: l,
        });
      }
      await tx.glossaryTerm.deleteMany({ where: { departmentYearId: id } });
      await tx.glossaryTerm.createMany({ data: rows.glossary.map((g) => ({ ...g, departmentYearId: id })) });

      // Figures: only the editor's own keys; an unchanged row keeps its note (e.g. "推算").
      const existing = await tx.finalAccountFigure.findMany({ where: { departmentYearId: id } });
      const wanted = new Map(rows.figures.map((f) => [f.key, f]));
      for (const old of existing) {
        if (isManagedFigure(old.key) && !wanted.has(old.key)) await tx.finalAccountFigure.delete({ where: { id: old.id } });
      }
      for (const f of rows.figures) {
        const old = existing.find((e) => e.key === f.key);
        const sameAmount = (old?.amount == null && f.amount == null) || (old?.amount != null && f.amount != null && f.amount.equals(old.amount.toString()));
        const same = old && sameAmount && old.quantity === f.quantity && (old.text === f.text || (f.key !== "assets.vehicles" && !f.key.startsWith("explain.")));
        if (same) continue;
        await tx.finalAccountFigure.upsert({
          where: { departmentYearId_key: { departmentYearId: id, key: f.key } },
          create: { departmentYearId: id, key: f.key, amount: f.amount, quantity: f.quantity, text: f.text },
          update: { amount: f.amount, quantity: f.quantity, text: f.text },
        });
      }

      const changes = before ? diffValues(toFormValues(before), values) : [];
      await writeAudit(tx, {
        actor,
        action: "finalAccounts.update",
        entityType: "DepartmentYear",
        entityId: id,
        comment: `${dy.year}年度决算：修改 ${changes.length} 处`,
        data: { changes },
      });
      return { ok: true as const, version: expectedVersion + 1, changes: changes.length };
    },
    { timeout: 30_000 },
  );
}
