/**
 * The first admin of a production install (no demo data): created by
 * `npm run admin:create -- --username …` or by the one-time /setup page. Both work only
 * while no active admin exists; an advisory lock makes two at once impossible.
 */
import { writeAudit } from "@/features/audit/mutations";
import { hashPassword } from "@/features/auth/authenticate";
import type { ActionResult } from "@/lib/action-result";
import type { Db, PrismaClient } from "@/lib/db-client";
import { firstAdminSchema } from "./bootstrap-schema";
import { temporaryPassword } from "./temporary-password";

export const SETUP_CLOSED = "系统已有管理员，初始设置已关闭。请用管理员账号登录后在“账号管理”中操作。";

export async function hasActiveAdmin(db: Db) {
  return (await db.user.count({ where: { role: "ADMIN", active: true } })) > 0;
}

export async function createFirstAdmin(prisma: PrismaClient, input: unknown): Promise<ActionResult<{ username: string; temporaryPassword: string | null }>> {
  const parsed = firstAdminSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, reason: "invalid", message: parsed.error.issues[0]?.message ?? "填写有误", fieldErrors: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) };
  }
  const { username, name, password } = parsed.data;
  const temp = password ? null : temporaryPassword();
  const passwordHash = await hashPassword(password || temp!);
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(724202)`;
    if (await hasActiveAdmin(tx)) return { ok: false, reason: "locked", message: SETUP_CLOSED };
    if (await tx.user.findUnique({ where: { username }, select: { id: true } })) {
      return { ok: false, reason: "duplicate", message: `用户名 ${username} 已被使用`, fieldErrors: [{ path: "username", message: `用户名 ${username} 已被使用` }] };
    }
    const user = await tx.user.create({ data: { username, name, role: "ADMIN", passwordHash, mustChangePassword: temp !== null } });
    await writeAudit(tx, { actor: null, action: "user.bootstrap_admin", entityType: "User", entityId: user.id, data: { username } });
    return { ok: true as const, username, temporaryPassword: temp };
  });
}
