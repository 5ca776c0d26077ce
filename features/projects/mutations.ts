/**
 * Project writes. Each is one transaction that locks the project (and its report)
 * row, re-checks scope and state against the database, applies a version-guarded
 * update and writes its audit row. Expected refusals are returned as values.
 */
import { writeAudit } from "@/features/audit/mutations";
import { lockRow } from "@/lib/row-lock";
import type { PrismaClient, TxClient } from "@/lib/db-client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/actor";
import type { MutationResult, Refusal } from "@/lib/mutation-result";
import { projectCreateDepartment, projectPolicy } from "./access";
import { wanTextToYuan } from "@/lib/money";
import { mapLevels } from "./level-mapping";
import { FUND_SOURCES, type ProjectValues } from "./schema";


export const REFUSAL_MESSAGES = {
  not_found: "项目不存在，或您无权访问",
  forbidden: "您无权修改此项目",
  locked: "该项目的绩效自评已提交或已通过，不能再修改；如需修改，请联系审核人退回",
  stale: "该项目已被其他人修改。请重新加载页面，核对最新内容后再保存（您填写的内容不会自动丢失，可先复制保存）",
  duplicate: "本部门本年度已有同名项目",
} as const;

const refuse = (reason: Exclude<Refusal["reason"], "invalid">): Refusal => ({ ok: false, reason, message: REFUSAL_MESSAGES[reason] });

/** Locks the project and its report for the rest of the transaction; null when absent. */
export async function lockProject(tx: TxClient, id: string) {
  if (!(await lockRow(tx, "Project", "id", id))) return null;
  await lockRow(tx, "Report", "projectId", id);
  const { report, ...project } = await tx.project.findUniqueOrThrow({ where: { id }, select: { id: true, departmentId: true, version: true, year: true, report: { select: { status: true } } } });
  return { ...project, reportStatus: report?.status ?? null };
}

/** Checks scope, state and version; returns the refusal or null. */
async function guard(tx: TxClient, actor: Actor, id: string, expectedVersion: number) {
  const locked = await lockProject(tx, id);
  if (!locked) return refuse("not_found");
  const denial = projectPolicy.denial(actor, "edit", locked);
  if (denial) return refuse(denial);
  if (locked.version !== expectedVersion) return refuse("stale");
  // A closed fiscal year is read-only (FOR SHARE: closing waits for this edit to commit).
  await lockRow(tx, "FiscalYear", "year", locked.year, "share");
  const fiscalYear = await tx.fiscalYear.findUnique({ where: { year: locked.year }, select: { status: true } });
  if (fiscalYear?.status === "CLOSED") return { ok: false as const, reason: "locked" as const, message: yearClosedMessage(locked.year) };
  return null;
}

export const outOfScopeMessage = (year: number) => `本部门未纳入${year}年度的填报范围，请联系系统管理员`;

export const yearClosedMessage = (year: number) => `${year}年度已关闭，其中的项目和报告只能查看；如需更正，请联系系统管理员重新开放该年度`;

function fundingRows(values: ProjectValues) {
  return FUND_SOURCES.map((source) => ({
    source,
    initialBudget: wanTextToYuan(values.funding[source].initialBudget),
    annualBudget: wanTextToYuan(values.funding[source].annualBudget),
    executed: wanTextToYuan(values.funding[source].executed),
  }));
}

function allocationRows(values: ProjectValues) {
  return values.allocations.map((a, i) => ({ item: a.item, amount: wanTextToYuan(a.amount), sortOrder: i }));
}

/**
 * `work` in one transaction. A project's name is unique in its department's year: a clash that got
 * past the checks (a concurrent save) is the "duplicate" refusal.
 */
async function transactionRefusingDuplicates<R>(prisma: PrismaClient, work: (tx: TxClient) => Promise<R>): Promise<R | Refusal> {
  try {
    return await prisma.$transaction(work);
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") return refuse("duplicate");
    throw e;
  }
}

/** The project's own fields as the form gives them (creating and editing write the same). */
function projectFields(values: ProjectValues) {
  const { name, category, competentDepartment, implementingUnit, goalExpected, goalActual } = values;
  return { name, code: values.code || null, category, competentDepartment, implementingUnit, goalExpected, goalActual };
}

/**
 * Where a new project of the department goes in `year`: its department-year (created on first use)
 * and the next place in its list; refused when the year does not take the department in.
 */
async function newProjectPlace(tx: TxClient, departmentId: string, year: number) {
  const fy = await tx.fiscalYear.findUnique({ where: { year }, select: { allDepartments: true } });
  if (fy && !fy.allDepartments && !(await tx.departmentYear.findUnique({ where: { departmentId_year: { departmentId, year } } }))) {
    return { ok: false as const, reason: "invalid" as const, message: outOfScopeMessage(year) };
  }
  const departmentYear = await tx.departmentYear.upsert({
    where: { departmentId_year: { departmentId, year } },
    create: { departmentId, year },
    update: {},
  });
  const count = await tx.project.count({ where: { departmentYearId: departmentYear.id } });
  return { ok: true as const, place: { departmentId, departmentYearId: departmentYear.id, year, sortOrder: count + 1 } };
}

export async function createProject(prisma: PrismaClient, actor: Actor, year: number, values: ProjectValues): Promise<MutationResult<{ id: string }>> {
  const departmentId = projectCreateDepartment(actor);
  if (!departmentId) return refuse("forbidden");
  return transactionRefusingDuplicates(prisma, async (tx) => {
    const fiscalYear = await tx.fiscalYear.findUnique({ where: { year } });
    if (!fiscalYear) return { ok: false as const, reason: "invalid" as const, message: `${year}年度尚未开放填报，请联系系统管理员` };
    if (fiscalYear.status !== "OPEN") return { ok: false as const, reason: "invalid" as const, message: `${year}年度已关闭，不能新建项目` };
    const opened = await newProjectPlace(tx, departmentId, year);
    if (!opened.ok) return opened;
    const project = await tx.project.create({
      data: {
        ...opened.place,
        ...projectFields(values),
        frameworkId: fiscalYear.frameworkId,
        funding: { create: fundingRows(values) },
        allocations: { create: allocationRows(values) },
      },
    });
    await writeAudit(tx, { actor, action: "project.create", entityType: "Project", entityId: project.id, comment: values.name });
    return { ok: true as const, id: project.id };
  });
}

export async function updateProject(
  prisma: PrismaClient,
  actor: Actor,
  id: string,
  expectedVersion: number,
  values: ProjectValues,
): Promise<MutationResult<{ version: number }>> {
  return transactionRefusingDuplicates(prisma, async (tx) => {
    const refusal = await guard(tx, actor, id, expectedVersion);
    if (refusal) return refusal;
    const updated = await tx.project.updateMany({
      where: { id, version: expectedVersion },
      data: {
        ...projectFields(values),
        version: { increment: 1 },
      },
    });
    if (updated.count !== 1) return refuse("stale");
    for (const row of fundingRows(values)) {
      await tx.projectFunding.upsert({
        where: { projectId_source: { projectId: id, source: row.source } },
        create: { projectId: id, ...row },
        update: row,
      });
    }
    await tx.fundAllocation.deleteMany({ where: { projectId: id } });
    await tx.fundAllocation.createMany({ data: allocationRows(values).map((a) => ({ ...a, projectId: id })) });
    await writeAudit(tx, { actor, action: "project.update", entityType: "Project", entityId: id, comment: values.name });
    return { ok: true as const, version: expectedVersion + 1 };
  });
}


/**
 * 从上年复制: a new project in `targetYear` with the source's goals, budget lines
 * (without execution), allocation and indicators (without actuals, scores or
 * deviation reasons). Indicator levels are mapped (level-mapping.ts) when the
 * target year uses another framework.
 */
export async function copyProjectToYear(
  prisma: PrismaClient,
  actor: Actor,
  sourceId: string,
  targetYear: number,
): Promise<MutationResult<{ id: string }>> {
  const departmentId = projectCreateDepartment(actor);
  if (!departmentId) return refuse("forbidden");
  return transactionRefusingDuplicates(prisma, async (tx) => {
    const source = await tx.project.findFirst({
      where: { id: sourceId, departmentId },
      include: { funding: true, allocations: { orderBy: { sortOrder: "asc" } }, indicators: { orderBy: { sortOrder: "asc" }, include: { level1: true, level2: true } } },
    });
    if (!source) return refuse("not_found");
    const fiscalYear = await tx.fiscalYear.findUnique({
      where: { year: targetYear },
      include: { framework: { include: { level1: { include: { level2: true } } } } },
    });
    if (!fiscalYear || fiscalYear.status !== "OPEN") {
      return { ok: false as const, reason: "invalid" as const, message: `${targetYear}年度未开放填报，不能复制到该年度` };
    }
    const unmatched: string[] = [];
    const indicators = source.indicators.flatMap((ind, i) => {
      const mapped = mapLevels({ level1Name: ind.level1.name, category: ind.level1.category, level2Name: ind.level2.name }, fiscalYear.framework.level1);
      if (!mapped) {
        unmatched.push(`${ind.level1.name}/${ind.level2.name}`);
        return [];
      }
      return [{
        sortOrder: i,
        ...mapped,
        name: ind.name,
        nature: ind.nature,
        targetValue: ind.targetValue,
        unit: ind.unit,
        targetText: ind.targetText,
        weight: ind.weight,
        applicable: ind.applicable,
      }];
    });
    if (unmatched.length) {
      return {
        ok: false as const,
        reason: "invalid" as const,
        message: `${targetYear}年度的指标体系中没有以下指标类别，无法复制：${[...new Set(unmatched)].join("、")}`,
      };
    }
    const opened = await newProjectPlace(tx, departmentId, targetYear);
    if (!opened.ok) return opened;
    const project = await tx.project.create({
      data: {
        ...opened.place,
        name: source.name,
        code: source.code,
        category: source.category,
        competentDepartment: source.competentDepartment,
        implementingUnit: source.implementingUnit,
        frameworkId: fiscalYear.frameworkId,
        goalExpected: source.goalExpected,
        goalActual: "",
        copiedFromId: source.id,
        funding: { create: source.funding.map((f) => ({ source: f.source, initialBudget: f.annualBudget, annualBudget: f.annualBudget, executed: 0 })) },
        allocations: { create: source.allocations.map((a) => ({ item: a.item, label: a.label, amount: a.amount, sortOrder: a.sortOrder })) },
        indicators: { create: indicators },
      },
    });
    await writeAudit(tx, {
      actor,
      action: "project.copy",
      entityType: "Project",
      entityId: project.id,
      comment: `从${source.year}年度“${source.name}”复制`,
      data: { sourceId: source.id },
    });
    return { ok: true as const, id: project.id };
  });
}

export { guard as guardProjectEdit, refuse };
