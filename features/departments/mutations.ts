/**
 * Department and sub-unit (二级预算单位) writes, each one transaction with its audit row.
 * Two levels only: a department, and its sub-units. A department that has any data
 * (accounts, years, projects, reports, sub-units) is retired, never deleted: retiring
 * sets `retiredAt`, so its published reports stay public and its history readable.
 */
import { auditedUpdate, writeAudit } from "@/features/audit/mutations";
import { lockRow } from "@/lib/row-lock";
import type { Actor } from "@/lib/actor";
import { type ActionResult, refusal } from "@/lib/action-result";
import type { PrismaClient, TxClient } from "@/lib/db-client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CreateDepartmentValues, UpdateDepartmentValues } from "./schema";

const ENTITY = "Department";

export const DEPARTMENT_MESSAGES = {
  notFound: "部门或单位不存在，请刷新页面",
  duplicate: (code: string) => `单位编码 ${code} 已被使用`,
  badParent: "上级部门不存在、已撤销，或本身是下属单位（只支持部门和下属单位两级）",
  selfParent: "不能把单位设为自己的下级",
  hasSubUnits: "该部门还有下属单位，不能改为其他部门的下属单位",
  activeSubUnits: "请先撤销该部门的全部下属单位",
  parentRetired: "上级部门已撤销，请先恢复上级部门",
} as const;

const refuse = refusal;

async function lockDepartment(tx: TxClient, id: string) {
  if (!(await lockRow(tx, "Department", "id", id))) return null;
  return tx.department.findUnique({ where: { id } });
}

/** A usable parent: exists, not retired, itself top-level. Locked FOR SHARE against a concurrent retire or move. */
async function parentUsable(tx: TxClient, parentId: string) {
  if (!(await lockRow(tx, "Department", "id", parentId, "share"))) return false;
  const p = await tx.department.findUnique({ where: { id: parentId }, select: { parentId: true, retiredAt: true } });
  return !!p && !p.parentId && !p.retiredAt;
}

/** Inserts in the caller's transaction (also used by the import). */
export async function insertDepartment(tx: TxClient, actor: Actor, values: CreateDepartmentValues) {
  const d = await tx.department.create({ data: values, select: { id: true, code: true } });
  await writeAudit(tx, { actor, action: "department.create", entityType: ENTITY, entityId: d.id, data: { ...values } });
  return d;
}

export async function createDepartment(prisma: PrismaClient, actor: Actor, values: CreateDepartmentValues): Promise<ActionResult<{ id: string }>> {
  try {
    return await prisma.$transaction(async (tx) => {
      if (await tx.department.findUnique({ where: { code: values.code }, select: { id: true } })) return refuse("duplicate", DEPARTMENT_MESSAGES.duplicate(values.code), "code");
      if (values.parentId && !(await parentUsable(tx, values.parentId))) return refuse("invalid", DEPARTMENT_MESSAGES.badParent, "parentId");
      const d = await insertDepartment(tx, actor, values);
      return { ok: true as const, id: d.id };
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") return refuse("duplicate", DEPARTMENT_MESSAGES.duplicate(values.code), "code");
    throw e;
  }
}

/** Rename, move (change parent), and the other fields. */
export async function updateDepartment(prisma: PrismaClient, actor: Actor, id: string, values: UpdateDepartmentValues): Promise<ActionResult<{ changed: boolean }>> {
  return prisma.$transaction(async (tx) => {
    const before = await lockDepartment(tx, id);
    if (!before) return refuse("not_found", DEPARTMENT_MESSAGES.notFound);
    if (values.parentId !== before.parentId && values.parentId) {
      if (values.parentId === id) return refuse("invalid", DEPARTMENT_MESSAGES.selfParent, "parentId");
      if (!(await parentUsable(tx, values.parentId))) return refuse("invalid", DEPARTMENT_MESSAGES.badParent, "parentId");
      if ((await tx.department.count({ where: { parentId: id } })) > 0) return refuse("invalid", DEPARTMENT_MESSAGES.hasSubUnits, "parentId");
    }
    return auditedUpdate(
      tx,
      { before, after: values, write: () => tx.department.update({ where: { id }, data: values }) },
      { actor, action: "department.update", entityType: ENTITY, entityId: id, comment: (c) => (c.parentId ? "调整上级部门" : c.name || c.shortName ? "更名" : "") },
    );
  });
}

/** Retire (or restore). Retiring keeps everything; a department must retire its sub-units first. */
export async function setDepartmentRetired(prisma: PrismaClient, actor: Actor, id: string, retired: boolean): Promise<ActionResult<{ changed: boolean }>> {
  return prisma.$transaction(async (tx) => {
    const before = await lockDepartment(tx, id);
    if (!before) return refuse("not_found", DEPARTMENT_MESSAGES.notFound);
    if (!!before.retiredAt === retired) return { ok: true as const, changed: false };
    if (retired && (await tx.department.count({ where: { parentId: id, retiredAt: null } })) > 0) return refuse("locked", DEPARTMENT_MESSAGES.activeSubUnits);
    if (!retired && before.parentId && !(await parentUsable(tx, before.parentId))) return refuse("locked", DEPARTMENT_MESSAGES.parentRetired);
    await tx.department.update({ where: { id }, data: { retiredAt: retired ? new Date() : null } });
    await writeAudit(tx, {
      actor,
      action: retired ? "department.retire" : "department.restore",
      entityType: ENTITY,
      entityId: id,
      fromStatus: retired ? "ACTIVE" : "RETIRED",
      toStatus: retired ? "RETIRED" : "ACTIVE",
    });
    return { ok: true as const, changed: true };
  });
}
