/**
 * Account writes. Each is one transaction with its audit row. Role changes and
 * deactivations that could leave no active admin take a transaction-scoped advisory
 * lock first, so two admins demoting each other at once cannot both succeed.
 * Every change that must end sessions bumps the session version (see
 * features/auth/session-version.ts).
 */
import bcrypt from "bcryptjs";
import { auditedUpdate, writeAudit } from "@/features/audit/mutations";
import { hashPassword } from "@/features/auth/authenticate";
import { endSessions } from "@/features/auth/session-version";
import { unlockUsername } from "@/features/auth/throttle";
import type { Actor } from "@/lib/actor";
import { type ActionResult, refusal } from "@/lib/action-result";
import type { PrismaClient, TxClient } from "@/lib/db-client";
import { Prisma } from "@/lib/generated/prisma/client";
import { ROLE_LABELS } from "@/lib/permissions";
import { type ChangePasswordInput, type CreateAccountValues, DEPARTMENT_ROLES, type UpdateAccountValues } from "./schema";
import { temporaryPassword } from "./temporary-password";

const ENTITY = "User";

export const ACCOUNT_MESSAGES = {
  notFound: "账号不存在，请刷新页面",
  duplicate: (u: string) => `用户名 ${u} 已被使用`,
  lastAdmin: "这是最后一个启用的系统管理员账号，不能停用或改为其他角色；请先为另一人开通管理员账号",
  badDepartment: "所选部门不存在或已撤销",
  self: "不能停用自己的账号",
  wrongCurrent: "当前密码不正确",
} as const;

const refuse = refusal;

/** Serialises every change that could remove the last active admin. */
async function lockAdmins(tx: TxClient) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('jixiao.active-admins'))`;
}

async function wouldLeaveNoAdmin(tx: TxClient, userId: string) {
  await lockAdmins(tx);
  const others = await tx.user.count({ where: { role: "ADMIN", active: true, id: { not: userId } } });
  return others === 0;
}

async function departmentUsable(tx: TxClient, departmentId: string | null) {
  if (!departmentId) return true;
  const d = await tx.department.findUnique({ where: { id: departmentId }, select: { retiredAt: true } });
  return !!d && !d.retiredAt;
}

export type NewAccountResult = { id: string; username: string; temporaryPassword: string };

/** Creates an account in the caller's transaction (also used by the import). */
export async function insertAccount(tx: TxClient, actor: Actor, values: CreateAccountValues): Promise<NewAccountResult> {
  const password = temporaryPassword();
  const user = await tx.user.create({
    data: {
      username: values.username,
      name: values.name,
      role: values.role,
      departmentId: DEPARTMENT_ROLES.includes(values.role) ? values.departmentId : null,
      phone: values.phone,
      email: values.email,
      passwordHash: await hashPassword(password),
      mustChangePassword: true,
    },
    select: { id: true, username: true },
  });
  await writeAudit(tx, {
    actor,
    action: "user.create",
    entityType: ENTITY,
    entityId: user.id,
    data: { username: values.username, name: values.name, role: values.role, departmentId: values.departmentId },
  });
  return { ...user, temporaryPassword: password };
}

export async function createAccount(prisma: PrismaClient, actor: Actor, values: CreateAccountValues): Promise<ActionResult<NewAccountResult>> {
  try {
    return await prisma.$transaction(async (tx) => {
      if (await tx.user.findUnique({ where: { username: values.username }, select: { id: true } })) return refuse("duplicate", ACCOUNT_MESSAGES.duplicate(values.username), "username");
      if (!(await departmentUsable(tx, values.departmentId))) return refuse("invalid", ACCOUNT_MESSAGES.badDepartment, "departmentId");
      return { ok: true as const, ...(await insertAccount(tx, actor, values)) };
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") return refuse("duplicate", ACCOUNT_MESSAGES.duplicate(values.username), "username");
    throw e;
  }
}

export async function updateAccount(prisma: PrismaClient, actor: Actor, id: string, values: UpdateAccountValues): Promise<ActionResult<{ changed: boolean }>> {
  return prisma.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id }, select: { name: true, role: true, departmentId: true, phone: true, email: true, active: true } });
    if (!before) return refuse("not_found", ACCOUNT_MESSAGES.notFound);
    const departmentId = DEPARTMENT_ROLES.includes(values.role) ? values.departmentId : null;
    if (departmentId !== before.departmentId && !(await departmentUsable(tx, departmentId))) return refuse("invalid", ACCOUNT_MESSAGES.badDepartment, "departmentId");
    if (before.role === "ADMIN" && values.role !== "ADMIN" && before.active && (await wouldLeaveNoAdmin(tx, id))) return refuse("locked", ACCOUNT_MESSAGES.lastAdmin, "role");
    const after = { name: values.name, role: values.role, departmentId, phone: values.phone, email: values.email };
    return auditedUpdate(
      tx,
      { before, after, write: () => tx.user.update({ where: { id }, data: after }) },
      { actor, action: "user.update", entityType: ENTITY, entityId: id, comment: (c) => (c.role ? `角色：${ROLE_LABELS[before.role]} → ${ROLE_LABELS[values.role]}` : "") },
    );
  });
}

/** Deactivates or re-activates; either way every existing session of the account ends. */
export async function setAccountActive(prisma: PrismaClient, actor: Actor, id: string, active: boolean): Promise<ActionResult<{ changed: boolean }>> {
  return prisma.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id }, select: { role: true, active: true } });
    if (!before) return refuse("not_found", ACCOUNT_MESSAGES.notFound);
    if (before.active === active) return { ok: true as const, changed: false };
    if (!active && id === actor.id) return refuse("forbidden", ACCOUNT_MESSAGES.self);
    if (!active && before.role === "ADMIN" && (await wouldLeaveNoAdmin(tx, id))) return refuse("locked", ACCOUNT_MESSAGES.lastAdmin);
    await tx.user.update({ where: { id }, data: { active } });
    await endSessions(tx, id);
    await writeAudit(tx, {
      actor,
      action: active ? "user.reactivate" : "user.deactivate",
      entityType: ENTITY,
      entityId: id,
      fromStatus: before.active ? "ACTIVE" : "INACTIVE",
      toStatus: active ? "ACTIVE" : "INACTIVE",
    });
    return { ok: true as const, changed: true };
  });
}

/** A new one-time password, shown once; the account must replace it at its next sign-in. */
export async function resetPassword(prisma: PrismaClient, actor: Actor, id: string): Promise<ActionResult<{ username: string; temporaryPassword: string }>> {
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id }, select: { username: true } });
    if (!user) return refuse("not_found", ACCOUNT_MESSAGES.notFound);
    await tx.user.update({ where: { id }, data: { passwordHash, mustChangePassword: true } });
    await endSessions(tx, id);
    await unlockUsername(tx, user.username);
    await writeAudit(tx, { actor, action: "user.reset_password", entityType: ENTITY, entityId: id });
    return { ok: true as const, username: user.username, temporaryPassword: password };
  });
}

/** Clears the sign-in throttle of the username, from every address. */
export async function unlockAccount(prisma: PrismaClient, actor: Actor, id: string): Promise<ActionResult<{ cleared: number }>> {
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id }, select: { username: true } });
    if (!user) return refuse("not_found", ACCOUNT_MESSAGES.notFound);
    const cleared = await unlockUsername(tx, user.username);
    await writeAudit(tx, { actor, action: "user.unlock", entityType: ENTITY, entityId: id, data: { cleared } });
    return { ok: true as const, cleared };
  });
}

/**
 * One's own password (validated by changePasswordSchema before). Ends every session of
 * the account, this one included: the form signs in again with the new password.
 */
export async function changeOwnPassword(prisma: PrismaClient, userId: string, values: ChangePasswordInput): Promise<ActionResult> {
  const user = await prisma.user.findUnique({ where: { id: userId }, omit: { passwordHash: false } });
  if (!user || !user.active) return refuse("not_found", ACCOUNT_MESSAGES.notFound);
  if (!(await bcrypt.compare(values.currentPassword, user.passwordHash))) return refuse("invalid", ACCOUNT_MESSAGES.wrongCurrent, "currentPassword");
  const passwordHash = await hashPassword(values.newPassword);
  return prisma.$transaction(async (tx) => {
    // Guarded: a concurrent change or reset in between wins, this one is refused.
    const { count } = await tx.user.updateMany({
      where: { id: userId, passwordHash: user.passwordHash },
      data: { passwordHash, mustChangePassword: false },
    });
    if (count === 0) return refuse("stale", "密码刚被修改或重置，请重新登录后再试");
    await endSessions(tx, userId);
    await writeAudit(tx, { actor: { id: user.id, name: user.name }, action: "user.change_password", entityType: ENTITY, entityId: userId });
    return { ok: true as const };
  });
}
