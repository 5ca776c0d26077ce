import bcrypt from "bcryptjs";
import { decode, encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { authenticate, hashPassword } from "@/features/auth/authenticate";
import { currentAccount } from "@/features/auth/session-version";
import { databaseForFile, actorOf } from "@/tests/integration/db";
import { changeOwnPasswordHandler, createAccountHandler, resetPasswordHandler, setAccountActiveHandler, unlockAccountHandler, updateAccountHandler } from "./handlers";
import { ACCOUNT_MESSAGES } from "./mutations";

const SECRET = "integration-test-secret-0123456789";
const t = databaseForFile();
let deptId: string;
type A = Awaited<ReturnType<typeof actorOf>>;
let admin: A;

beforeAll(async () => {
  deptId = (await t.prisma.department.create({ data: { code: "d1", name: "测试部门", shortName: "测试" } })).id;
  await t.prisma.user.createMany({
    data: [
      { username: "root", name: "管理员", role: "ADMIN", passwordHash: await hashPassword("Root#Pass12") },
      { username: "rev", name: "审核人", role: "REVIEWER", passwordHash: await hashPassword("Rev#Pass123") },
    ],
  });
  admin = await actorOf(t.prisma, "root");
});

async function cookieFor(username: string, password: string) {
  const r = await authenticate(t.prisma, { username, password }, { address: "10.1.1.1" });
  if (!r.ok) throw new Error(r.message);
  return encode({ secret: SECRET, token: { uid: r.user.id, role: r.user.role, departmentId: r.user.departmentId, sv: r.user.sessionVersion } });
}
async function replay(cookie: string) {
  return currentAccount(t.prisma, (await decode({ secret: SECRET, token: cookie })) as never);
}

describe("accounts (real PostgreSQL)", () => {
  let ownerId = "";
  let temp = "";

  it("creates an owner with a one-time password that must be changed, audited", async () => {
    const r = await createAccountHandler(t.prisma, admin, { username: " Zhang.San ", name: "张三", role: "OWNER", departmentId: deptId, phone: "", email: "" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.username).toBe("zhang.san");
    expect(r.temporaryPassword).toMatch(/^[A-Za-z0-9]{14}$/);
    ownerId = r.id;
    temp = r.temporaryPassword;
    const u = await t.prisma.user.findUniqueOrThrow({ where: { id: ownerId }, omit: { passwordHash: false } });
    expect(u.mustChangePassword).toBe(true);
    expect(await bcrypt.compare(temp, u.passwordHash)).toBe(true);
    expect(await t.prisma.auditLog.count({ where: { action: "user.create", entityId: ownerId, actorId: admin.id } })).toBe(1);
  });

  it("refuses a duplicate username, an owner without department, bad e-mail, and non-admins", async () => {
    const dup = await createAccountHandler(t.prisma, admin, { username: "zhang.san", name: "x", role: "REVIEWER" });
    expect(dup).toMatchObject({ ok: false, fieldErrors: [{ path: "username" }] });
    const noDept = await createAccountHandler(t.prisma, admin, { username: "lisi", name: "x", role: "OWNER" });
    expect(noDept).toMatchObject({ ok: false, fieldErrors: [{ path: "departmentId", message: "项目填报人必须选择所属部门" }] });
    const noDeptReviewer = await createAccountHandler(t.prisma, admin, { username: "lisi", name: "x", role: "DEPT_REVIEWER" });
    expect(noDeptReviewer).toMatchObject({ ok: false, fieldErrors: [{ path: "departmentId", message: "部门审核人必须选择所属部门" }] });
    const mail = await createAccountHandler(t.prisma, admin, { username: "lisi", name: "x", role: "REVIEWER", email: "not-mail" });
    expect(mail).toMatchObject({ ok: false, fieldErrors: [{ path: "email" }] });
    const rev = await actorOf(t.prisma, "rev");
    expect(await createAccountHandler(t.prisma, rev, { username: "lisi", name: "x", role: "ADMIN" })).toMatchObject({ ok: false, reason: "forbidden" });
    expect(await createAccountHandler(t.prisma, null, { username: "lisi", name: "x", role: "ADMIN" })).toMatchObject({ ok: false, reason: "unauthenticated" });
    expect(await t.prisma.user.count()).toBe(3);
  });

  it("the first password change needs the temporary password and a policy-conforming new one; it ends the old session", async () => {
    const cookie = await cookieFor("zhang.san", temp);
    const account = { id: ownerId, username: "zhang.san" };
    expect(await changeOwnPasswordHandler(t.prisma, account, { currentPassword: temp, newPassword: "short", confirmPassword: "short" })).toMatchObject({
      ok: false,
      fieldErrors: [{ path: "newPassword", message: "密码至少 10 个字符" }],
    });
    for (const [pw, msg] of [
      ["zhang.san-2026!", "密码不能包含用户名"],
      ["password123", "这个密码太常见，容易被猜中，请换一个"],
      ["aaaaaaaaaaaa", "密码不能由同一个字符重复组成"],
    ]) {
      expect(await changeOwnPasswordHandler(t.prisma, account, { currentPassword: temp, newPassword: pw, confirmPassword: pw })).toMatchObject({ ok: false, fieldErrors: [{ message: msg }] });
    }
    expect(await changeOwnPasswordHandler(t.prisma, account, { currentPassword: "wrong-one-x", newPassword: "Neues#Pass2026", confirmPassword: "Neues#Pass2026" })).toMatchObject({
      ok: false,
      message: ACCOUNT_MESSAGES.wrongCurrent,
    });
    expect((await replay(cookie))?.mustChangePassword).toBe(true);
    expect(await changeOwnPasswordHandler(t.prisma, account, { currentPassword: temp, newPassword: "Neues#Pass2026", confirmPassword: "Neues#Pass2026" })).toEqual({ ok: true });
    expect(await replay(cookie)).toBeNull();
    const fresh = await cookieFor("zhang.san", "Neues#Pass2026");
    expect((await replay(fresh))?.mustChangePassword).toBe(false);
    expect(await t.prisma.auditLog.count({ where: { action: "user.change_password", entityId: ownerId } })).toBe(1);
  });

  it("a reset ends the sessions and gives a new one-time password", async () => {
    const cookie = await cookieFor("zhang.san", "Neues#Pass2026");
    const r = await resetPasswordHandler(t.prisma, admin, ownerId);
    expect(r.ok).toBe(true);
    expect(await replay(cookie)).toBeNull();
    if (!r.ok) return;
    expect((await authenticate(t.prisma, { username: "zhang.san", password: "Neues#Pass2026" })).ok).toBe(false);
    const next = await cookieFor("zhang.san", r.temporaryPassword);
    expect((await replay(next))?.mustChangePassword).toBe(true);
    temp = r.temporaryPassword;
  });

  it("deactivation ends the sessions; re-activation does not revive the old cookie", async () => {
    const cookie = await cookieFor("zhang.san", temp);
    expect(await setAccountActiveHandler(t.prisma, admin, ownerId, false)).toEqual({ ok: true, changed: true });
    expect(await replay(cookie)).toBeNull();
    expect((await authenticate(t.prisma, { username: "zhang.san", password: temp })).ok).toBe(false);
    expect(await setAccountActiveHandler(t.prisma, admin, ownerId, true)).toEqual({ ok: true, changed: true });
    expect(await replay(cookie)).toBeNull();
    expect(await t.prisma.auditLog.count({ where: { action: { in: ["user.deactivate", "user.reactivate"] }, entityId: ownerId } })).toBe(2);
  });

  it("edits name, role and contact details; moving an owner to reviewer drops the department", async () => {
    const r = await updateAccountHandler(t.prisma, admin, ownerId, { name: "张三丰", role: "REVIEWER", departmentId: deptId, phone: "0571-1234567", email: "z@example.cn" });
    expect(r).toEqual({ ok: true, changed: true });
    const u = await t.prisma.user.findUniqueOrThrow({ where: { id: ownerId } });
    expect(u).toMatchObject({ name: "张三丰", role: "REVIEWER", departmentId: null, phone: "0571-1234567", email: "z@example.cn" });
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "user.update", entityId: ownerId } });
    expect(audit.data).toMatchObject({ role: { from: "OWNER", to: "REVIEWER" }, name: { from: "张三", to: "张三丰" } });
  });

  it("the last active admin cannot be deactivated or demoted, also under concurrency", async () => {
    const rootId = admin.id;
    expect(await updateAccountHandler(t.prisma, admin, rootId, { name: "管理员", role: "REVIEWER" })).toMatchObject({ ok: false, message: ACCOUNT_MESSAGES.lastAdmin });
    const second = await createAccountHandler(t.prisma, admin, { username: "admin2", name: "管理员二", role: "ADMIN" });
    expect(second.ok).toBe(true);
    if (!second.ok) return;
    const admin2 = await actorOf(t.prisma, "admin2");
    // Two admins demote each other at the same moment: exactly one succeeds.
    const results = await Promise.all([
      updateAccountHandler(t.prisma, admin, second.id, { name: "管理员二", role: "REVIEWER" }),
      updateAccountHandler(t.prisma, admin2, rootId, { name: "管理员", role: "REVIEWER" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await t.prisma.user.count({ where: { role: "ADMIN", active: true } })).toBe(1);
    const remaining = await t.prisma.user.findFirstOrThrow({ where: { role: "ADMIN", active: true } });
    const other = await t.prisma.user.findFirstOrThrow({ where: { username: remaining.username === "root" ? "admin2" : "root" } });
    // Nor can the remaining one be deactivated by anyone (an admin cannot deactivate themself).
    const self = await setAccountActiveHandler(t.prisma, await actorOf(t.prisma, remaining.username), remaining.id, false);
    expect(self).toMatchObject({ ok: false });
    await t.prisma.user.update({ where: { id: other.id }, data: { role: "ADMIN" } });
    const byOther = await setAccountActiveHandler(t.prisma, await actorOf(t.prisma, other.username), remaining.id, false);
    expect(byOther.ok).toBe(true);
    const back = await setAccountActiveHandler(t.prisma, await actorOf(t.prisma, remaining.username), other.id, false);
    expect(back).toMatchObject({ ok: false });
    expect(await t.prisma.user.count({ where: { role: "ADMIN", active: true } })).toBe(1);
  });

  it("an admin unlocks a throttled username, audited", async () => {
    for (let i = 0; i < 6; i++) await authenticate(t.prisma, { username: "rev", password: "bad" }, { address: "203.0.113.7" });
    const rev = await t.prisma.user.findUniqueOrThrow({ where: { username: "rev" } });
    expect((await authenticate(t.prisma, { username: "rev", password: "Rev#Pass123" }, { address: "203.0.113.7" })).ok).toBe(false);
    const someAdmin = await t.prisma.user.findFirstOrThrow({ where: { role: "ADMIN", active: true } });
    expect(await unlockAccountHandler(t.prisma, await actorOf(t.prisma, someAdmin.username), rev.id)).toMatchObject({ ok: true });
    expect((await authenticate(t.prisma, { username: "rev", password: "Rev#Pass123" }, { address: "203.0.113.7" })).ok).toBe(true);
    expect(await t.prisma.auditLog.count({ where: { action: "user.unlock", entityId: rev.id } })).toBe(1);
  });
});
