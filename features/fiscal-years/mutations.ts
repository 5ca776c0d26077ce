/**
 * Fiscal-year administration: open a year (for all or some departments, on a chosen
 * framework with optional alternatives), change its frameworks, close it (everything in
 * it becomes read-only) and reopen it with a reason. Each is one transaction with its
 * audit row; close and reopen are guarded by the year's version.
 */
import { writeAudit } from "@/features/audit/mutations";
import { lockRow } from "@/lib/row-lock";
import type { Actor } from "@/lib/actor";
import { type ActionResult, refusal } from "@/lib/action-result";
import type { PrismaClient, TxClient } from "@/lib/db-client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OpenYearValues, UpdateYearValues } from "./schema";

const refuse = refusal;

/** The frameworks exist and are not retired; the alternatives exclude the main one. */
async function checkFrameworks(tx: TxClient, frameworkId: string, alternativeIds: string[]) {
  const ids = [...new Set([frameworkId, ...alternativeIds])];
  const found = await tx.indicatorFramework.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, retiredAt: true } });
  const main = found.find((f) => f.id === frameworkId);
  if (!main) return { ok: false as const, refusal: refuse("invalid", "所选指标体系不存在，请刷新页面", "frameworkId") };
  if (main.retiredAt) return { ok: false as const, refusal: refuse("invalid", `指标体系“${main.name}”已停用，不能用于新的年度`, "frameworkId") };
  if (found.length !== ids.length) return { ok: false as const, refusal: refuse("invalid", "所选的可选指标体系中有不存在的，请刷新页面", "alternativeFrameworkIds") };
  const alternatives = found.filter((f) => f.id !== frameworkId);
  return { ok: true as const, main, alternatives };
}

async function topDepartments(tx: TxClient, ids: string[]) {
  return tx.department.findMany({ where: { id: { in: ids }, parentId: null }, select: { id: true, shortName: true } });
}

export async function openFiscalYear(prisma: PrismaClient, actor: Actor, v: OpenYearValues): Promise<ActionResult<{ year: number }>> {
  try {
    return await prisma.$transaction(async (tx) => {
      if (await tx.fiscalYear.findUnique({ where: { year: v.year } })) return refuse("duplicate", `${v.year}年度已存在，不能重复开放；如需调整，请在年度列表中修改`, "year");
      const fw = await checkFrameworks(tx, v.frameworkId, v.alternativeFrameworkIds);
      if (!fw.ok) return fw.refusal;
      const departments = v.allDepartments ? [] : await topDepartments(tx, v.departmentIds);
      if (!v.allDepartments && departments.length !== new Set(v.departmentIds).size) return refuse("invalid", "所选部门中有不存在的（或不是一级部门），请刷新页面", "departmentIds");
      await tx.fiscalYear.create({
        data: {
          year: v.year,
          status: "OPEN",
          frameworkId: fw.main.id,
          allDepartments: v.allDepartments,
          alternativeFrameworks: { connect: fw.alternatives.map((a) => ({ id: a.id })) },
        },
      });
      if (departments.length > 0) await tx.departmentYear.createMany({ data: departments.map((d) => ({ departmentId: d.id, year: v.year })) });
      await writeAudit(tx, {
        actor,
        action: "year.open",
        entityType: "FiscalYear",
        entityId: String(v.year),
        toStatus: "OPEN",
        comment: `${v.year}年度，指标体系“${fw.main.name}”${fw.alternatives.length ? `（可选：${fw.alternatives.map((a) => a.name).join("、")}）` : ""}，${v.allDepartments ? "全部部门" : `部门：${departments.map((d) => d.shortName).join("、")}`}`,
        data: { frameworkId: fw.main.id, alternatives: fw.alternatives.map((a) => a.id), allDepartments: v.allDepartments, departments: departments.map((d) => d.id) },
      });
      return { ok: true as const, year: v.year };
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") return refuse("duplicate", `${v.year}年度已存在，不能重复开放`, "year");
    throw e;
  }
}

async function lockYear(tx: TxClient, year: number) {
  if (!(await lockRow(tx, "FiscalYear", "year", year))) return null;
  return tx.fiscalYear.findUnique({ where: { year }, select: { year: true, status: true, version: true } });
}

const notFound = (year: number) => refuse("not_found", `${year}年度不存在，请刷新页面`);
const stale = refuse("stale", "该年度刚被其他管理员修改，请刷新页面后再操作");

/** Locks the year for a change of its settings: it exists, is at the version the admin saw, and is open. The refusal, or null. */
async function lockOpenYear(tx: TxClient, year: number, version: number) {
  const current = await lockYear(tx, year);
  if (!current) return notFound(year);
  if (current.version !== version) return stale;
  if (current.status === "CLOSED") return refuse("locked", `${year}年度已关闭，不能修改；请先重新开放`);
  return null;
}

export async function updateFiscalYear(prisma: PrismaClient, actor: Actor, year: number, version: number, v: UpdateYearValues): Promise<ActionResult<{ version: number }>> {
  return prisma.$transaction(async (tx) => {
    const refused = await lockOpenYear(tx, year, version);
    if (refused) return refused;
    const fw = await checkFrameworks(tx, v.frameworkId, v.alternativeFrameworkIds);
    if (!fw.ok) return fw.refusal;
    const before = await tx.fiscalYear.findUniqueOrThrow({ where: { year }, select: { frameworkId: true, alternativeFrameworks: { select: { id: true } } } });
    const added = await topDepartments(tx, v.addDepartmentIds);
    await tx.fiscalYear.update({
      where: { year },
      data: { frameworkId: fw.main.id, alternativeFrameworks: { set: fw.alternatives.map((a) => ({ id: a.id })) }, version: { increment: 1 } },
    });
    for (const d of added) await tx.departmentYear.upsert({ where: { departmentId_year: { departmentId: d.id, year } }, create: { departmentId: d.id, year }, update: {} });
    await writeAudit(tx, {
      actor,
      action: "year.update",
      entityType: "FiscalYear",
      entityId: String(year),
      comment: `指标体系“${fw.main.name}”${fw.alternatives.length ? `（可选：${fw.alternatives.map((a) => a.name).join("、")}）` : "（无可选）"}${added.length ? `；新增部门：${added.map((d) => d.shortName).join("、")}` : ""}`,
      data: { before: { frameworkId: before.frameworkId, alternatives: before.alternativeFrameworks.map((a) => a.id) }, after: { frameworkId: fw.main.id, alternatives: fw.alternatives.map((a) => a.id) }, addedDepartments: added.map((d) => d.id) },
    });
    return { ok: true as const, version: version + 1 };
  });
}

export async function setFiscalYearStatus(
  prisma: PrismaClient,
  actor: Actor,
  year: number,
  version: number,
  to: "OPEN" | "CLOSED",
  reason: string,
): Promise<ActionResult<{ version: number }>> {
  return prisma.$transaction(async (tx) => {
    const current = await lockYear(tx, year);
    if (!current) return notFound(year);
    if (current.version !== version) return stale;
    if (current.status === to) return refuse("invalid", to === "CLOSED" ? `${year}年度已是关闭状态` : `${year}年度已是开放状态`);
    await tx.fiscalYear.update({ where: { year }, data: { status: to, version: { increment: 1 } } });
    await writeAudit(tx, {
      actor,
      action: to === "CLOSED" ? "year.close" : "year.reopen",
      entityType: "FiscalYear",
      entityId: String(year),
      fromStatus: current.status,
      toStatus: to,
      comment: to === "CLOSED" ? `关闭${year}年度：年度内的项目、指标和报告只能查看` : `重新开放${year}年度，原因：${reason}`,
      data: { reason },
    });
    return { ok: true as const, version: version + 1 };
  });
}

/**
 * Turns the year's 部门审核环节 on or off: whether submitted self-evaluation and overall
 * reports pass through the department's reviewer first. Reports already under department
 * review stay there (the stage's actions still apply to them).
 */
export async function setDepartmentReview(prisma: PrismaClient, actor: Actor, year: number, version: number, on: boolean): Promise<ActionResult<{ version: number }>> {
  return prisma.$transaction(async (tx) => {
    const refused = await lockOpenYear(tx, year, version);
    if (refused) return refused;
    const updated = await tx.fiscalYear.updateMany({ where: { year, version }, data: { departmentReview: on, version: { increment: 1 } } });
    if (updated.count !== 1) return stale;
    await writeAudit(tx, {
      actor,
      action: "year.department_review",
      entityType: "FiscalYear",
      entityId: String(year),
      comment: on ? `${year}年度开启部门审核环节：报告提交后先由部门审核人审核` : `${year}年度关闭部门审核环节：报告提交后直接由财政审核人审核`,
      data: { departmentReview: on },
    });
    return { ok: true as const, version: version + 1 };
  });
}
