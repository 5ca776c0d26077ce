/**
 * 支出功能分类科目 writes. Each is one transaction that locks the rows it depends on,
 * re-checks the tree against the database and writes its audit row; expected
 * refusals are returned as values with Chinese messages.
 *
 * Locks: create takes FOR SHARE on the parent, rename and delete FOR UPDATE on the
 * code. A delete therefore waits for a concurrent child (or ExpenditureLine, whose
 * foreign key takes FOR KEY SHARE) to commit and then sees it; a create after a
 * delete finds no parent. Without this the parent FK's ON DELETE SET NULL could
 * leave an orphaned 款 or 项.
 */
import { writeAudit } from "@/features/audit/mutations";
import { lockRow } from "@/lib/row-lock";
import type { Actor } from "@/lib/actor";
import { type ActionResult, refusal } from "@/lib/action-result";
import type { PrismaClient, TxClient } from "@/lib/db-client";
import { Prisma } from "@/lib/generated/prisma/client";
import { type CreateFunctionClassValues, LEVEL_LABELS, parseFunctionCode, type RenameFunctionClassValues } from "./schema";

const ENTITY = "FunctionClass";

const refuse = (reason: string, message: string, field?: "code" | "name") => refusal(reason, message, field);

const notFound = (code: string) => refuse("not_found", `科目 ${code} 不存在，可能已被删除，请刷新页面`);

const isKnownError = (e: unknown, code: string) => e instanceof Prisma.PrismaClientKnownRequestError && e.code === code;

async function lockCode(tx: TxClient, code: string, mode: "update" | "share") {
  if (!(await lockRow(tx, "FunctionClass", "code", code, mode))) return null;
  return tx.functionClass.findUnique({ where: { code }, select: { code: true, name: true, level: true, parentCode: true } });
}

/** Why the derived parent is missing, naming what to add first. */
async function missingParentMessage(tx: TxClient, parentCode: string) {
  if (parentCode.length === 3) return `上级类 ${parentCode} 不存在：款编码的前3位须是已有的类编码。请先添加类 ${parentCode}，或检查编码`;
  const classCode = parentCode.slice(0, 3);
  const cls = await tx.functionClass.findUnique({ where: { code: classCode }, select: { name: true } });
  return cls
    ? `上级款 ${parentCode} 不存在：项编码的前5位须是已有的款编码。请先在类 ${classCode} ${cls.name} 下添加款 ${parentCode}，或检查编码`
    : `上级款 ${parentCode} 不存在（类 ${classCode} 也不存在）：请先添加类 ${classCode} 和款 ${parentCode}，或检查编码`;
}

export async function createFunctionClass(prisma: PrismaClient, actor: Actor, values: CreateFunctionClassValues): Promise<ActionResult<{ code: string }>> {
  const parsed = parseFunctionCode(values.code);
  if (!parsed.ok) return refuse("invalid", parsed.message, "code");
  const { code, name } = values;
  const duplicate = (existingName: string) => refuse("duplicate", `编码 ${code} 已存在（${existingName}），不能重复添加`, "code");
  try {
    return await prisma.$transaction(async (tx) => {
      const existing = await tx.functionClass.findUnique({ where: { code }, select: { name: true } });
      if (existing) return duplicate(existing.name);
      let parentName: string | null = null;
      if (parsed.parentCode) {
        const parent = await lockCode(tx, parsed.parentCode, "share");
        if (!parent) return refuse("parent_missing", await missingParentMessage(tx, parsed.parentCode), "code");
        parentName = parent.name;
      }
      await tx.functionClass.create({ data: { code, name, level: parsed.level, parentCode: parsed.parentCode } });
      await writeAudit(tx, {
        actor,
        action: "functionClass.create",
        entityType: ENTITY,
        entityId: code,
        comment: `${LEVEL_LABELS[parsed.level]} ${code} ${name}`,
        data: { code, name, level: parsed.level, parentCode: parsed.parentCode, parentName },
      });
      return { ok: true as const, code };
    });
  } catch (e) {
    // Someone else added the same code between our check and the insert.
    if (isKnownError(e, "P2002")) return duplicate("刚由他人添加");
    throw e;
  }
}

export async function renameFunctionClass(
  prisma: PrismaClient,
  actor: Actor,
  code: string,
  values: RenameFunctionClassValues,
): Promise<ActionResult<{ code: string; changed: boolean }>> {
  return prisma.$transaction(async (tx) => {
    const current = await lockCode(tx, code, "update");
    if (!current) return notFound(code);
    if (current.name === values.name) return { ok: true as const, code, changed: false };
    await tx.functionClass.update({ where: { code }, data: { name: values.name } });
    await writeAudit(tx, {
      actor,
      action: "functionClass.rename",
      entityType: ENTITY,
      entityId: code,
      comment: `${current.name} → ${values.name}`,
      data: { code, from: current.name, to: values.name },
    });
    return { ok: true as const, code, changed: true };
  });
}

/** Up to three "市委编办 2020年" labels of the department-years whose lines use the code. */
async function usedBy(tx: TxClient, code: string) {
  const lines = await tx.expenditureLine.findMany({
    where: { functionCode: code },
    orderBy: [{ departmentYear: { year: "asc" } }],
    select: { departmentYear: { select: { year: true, department: { select: { shortName: true } } } } },
  });
  const labels = [...new Set(lines.map((l) => `${l.departmentYear.department.shortName} ${l.departmentYear.year}年`))];
  return { count: lines.length, labels: labels.slice(0, 3), more: labels.length > 3 };
}

export async function deleteFunctionClass(prisma: PrismaClient, actor: Actor, code: string): Promise<ActionResult<{ code: string }>> {
  try {
    return await prisma.$transaction(async (tx) => {
      const current = await lockCode(tx, code, "update");
      if (!current) return notFound(code);
      const label = `${code} ${current.name}`;
      const children = await tx.functionClass.count({ where: { parentCode: code } });
      if (children > 0) return refuse("has_children", `科目 ${label} 下还有 ${children} 个下级科目，不能删除。请先删除其下级科目`);
      const use = await usedBy(tx, code);
      if (use.count > 0) {
        return refuse(
          "in_use",
          `科目 ${label} 已被 ${use.count} 条决算支出数据使用（${use.labels.join("、")}${use.more ? " 等" : ""}），不能删除。已录入的决算数据须保留其科目；如需调整名称，请使用“重命名”`,
        );
      }
      await tx.functionClass.delete({ where: { code } });
      await writeAudit(tx, {
        actor,
        action: "functionClass.delete",
        entityType: ENTITY,
        entityId: code,
        comment: `${LEVEL_LABELS[current.level as 1 | 2 | 3] ?? ""} ${label}`,
        data: { code, name: current.name, level: current.level, parentCode: current.parentCode },
      });
      return { ok: true as const, code };
    });
  } catch (e) {
    // A row referencing the code appeared in a way our locks did not cover.
    if (isKnownError(e, "P2003")) return refuse("in_use", `科目 ${code} 正被使用，不能删除`);
    throw e;
  }
}
