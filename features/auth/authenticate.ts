/**
 * Credential check used by next-auth's authorize(). Kept apart from next-auth so the
 * integration tests can drive it against a real database.
 */
import bcrypt from "bcryptjs";
import { writeAudit } from "@/features/audit/mutations";
import type { PrismaClient } from "@/lib/db-client";
import type { Role } from "@/lib/generated/prisma/enums";
import { loginSchema } from "./schema";
import { clearPair, recordFailure, retryAt, usernameDelayMs } from "./throttle";

export type AuthenticatedUser = { id: string; name: string; role: Role; departmentId: string | null; sessionVersion: number };
export type AuthResult = { ok: true; user: AuthenticatedUser } | { ok: false; message: string };

export const AUTH_MESSAGES = {
  invalidInput: "请输入用户名和密码",
  wrongCredentials: "用户名或密码错误",
  throttled: (until: Date) =>
    `登录失败次数过多，请于 ${until.toLocaleTimeString("zh-CN", { hour: "2-digit", minute: "2-digit", second: "2-digit", timeZone: "Asia/Shanghai" })} 后再试`,
} as const;

// Compared against when the user does not exist, so that timing does not reveal
// which usernames exist.
const DUMMY_HASH = bcrypt.hashSync("jixiao-dummy-password", 10);

export type AttemptContext = {
  /** The client address the attempt is counted under (see client-address.ts). */
  address?: string;
  /** How to wait out the per-username delay (tests pass a recorder). */
  sleep?: (ms: number) => Promise<void>;
};

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function authenticate(db: PrismaClient, raw: unknown, context: AttemptContext = {}): Promise<AuthResult> {
  const parsed = loginSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: AUTH_MESSAGES.invalidInput };
  const { username, password } = parsed.data;
  const attempt = { username, address: context.address ?? "unknown" };

  const until = await retryAt(db, attempt);
  if (until) return { ok: false, message: AUTH_MESSAGES.throttled(until) };
  const delay = await usernameDelayMs(db, attempt);
  if (delay > 0) await (context.sleep ?? realSleep)(delay);

  const user = await db.user.findUnique({
    where: { username },
    omit: { passwordHash: false },
  });
  const matches = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);

  if (!user || !matches || !user.active) {
    const next = await recordFailure(db, attempt);
    await writeAudit(db, {
      actor: null,
      action: "auth.login_failed",
      entityType: "User",
      entityId: user?.id ?? username,
      comment: user && !user.active ? "账号已停用" : "",
    });
    if (next) return { ok: false, message: AUTH_MESSAGES.throttled(next) };
    return { ok: false, message: AUTH_MESSAGES.wrongCredentials };
  }

  await db.$transaction(async (tx) => {
    await clearPair(tx, attempt);
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
    await writeAudit(tx, { actor: user, action: "auth.login", entityType: "User", entityId: user.id });
  });
  return { ok: true, user: { id: user.id, name: user.name, role: user.role, departmentId: user.departmentId, sessionVersion: user.sessionVersion } };
}

export function hashPassword(password: string) {
  return bcrypt.hash(password, 10);
}
