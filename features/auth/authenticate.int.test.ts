import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "@/tests/integration/db";
import { AUTH_MESSAGES, authenticate, hashPassword } from "./authenticate";
import { THROTTLE, throttleKey } from "./throttle";

let t: TestDatabase;

beforeAll(async () => {
  t = await freshDatabase();
  const dept = await t.prisma.department.create({ data: { code: "d1", name: "测试部门", shortName: "测试" } });
  await t.prisma.user.createMany({
    data: [
      { username: "alice", name: "甲", role: "OWNER", departmentId: dept.id, passwordHash: await hashPassword("Correct#1") },
      { username: "bob", name: "乙", role: "REVIEWER", passwordHash: await hashPassword("Correct#2") },
      { username: "gone", name: "丙", role: "ADMIN", active: false, passwordHash: await hashPassword("Correct#3") },
    ],
  });
});
afterAll(() => t.drop());

describe("authenticate (real PostgreSQL)", () => {
  it("accepts the right password and records the sign-in", async () => {
    const r = await authenticate(t.prisma, { username: "alice", password: "Correct#1" });
    expect(r).toMatchObject({ ok: true, user: { name: "甲", role: "OWNER" } });
    const audit = await t.prisma.auditLog.findFirst({ where: { action: "auth.login" }, orderBy: { id: "desc" } });
    expect(audit?.actorName).toBe("甲");
    const user = await t.prisma.user.findUniqueOrThrow({ where: { username: "alice" } });
    expect(user.lastLoginAt).not.toBeNull();
    // The hash never leaves the data layer unless asked for.
    expect(user).not.toHaveProperty("passwordHash");
  });

  it("rejects a wrong password, an unknown user and a deactivated account with the same message", async () => {
    for (const creds of [
      { username: "alice", password: "nope" },
      { username: "nobody", password: "Correct#1" },
      { username: "gone", password: "Correct#3" },
    ]) {
      expect(await authenticate(t.prisma, creds)).toEqual({ ok: false, message: AUTH_MESSAGES.wrongCredentials });
    }
    expect(await t.prisma.auditLog.count({ where: { action: "auth.login_failed" } })).toBe(3);
  });

  it("rejects malformed input without touching the throttle", async () => {
    expect(await authenticate(t.prisma, { username: "", password: "" })).toEqual({ ok: false, message: AUTH_MESSAGES.invalidInput });
    expect(await authenticate(t.prisma, null)).toEqual({ ok: false, message: AUTH_MESSAGES.invalidInput });
  });

  it(`locks a username after ${THROTTLE.maxFailures} failures, even for the right password`, async () => {
    const results = [];
    for (let i = 0; i < THROTTLE.maxFailures; i++) results.push(await authenticate(t.prisma, { username: "bob", password: `bad${i}` }));
    expect(results.slice(0, -1).every((r) => !r.ok && r.message === AUTH_MESSAGES.wrongCredentials)).toBe(true);
    const last = results.at(-1);
    expect(last?.ok).toBe(false);
    expect(!last?.ok && last?.message).toMatch(/登录失败次数过多/);

    const locked = await authenticate(t.prisma, { username: "bob", password: "Correct#2" });
    expect(locked.ok).toBe(false);
    expect(!locked.ok && locked.message).toMatch(/暂时锁定/);

    // Case and spaces do not dodge the lock.
    expect((await authenticate(t.prisma, { username: " BOB ", password: "Correct#2" })).ok).toBe(false);
  });

  it("unlocks when the lock expires, and a success clears the counter", async () => {
    await t.prisma.loginThrottle.update({ where: { key: throttleKey("bob") }, data: { lockedUntil: new Date(Date.now() - 1000), windowStart: new Date(Date.now() - 60 * 60 * 1000) } });
    expect((await authenticate(t.prisma, { username: "bob", password: "Correct#2" })).ok).toBe(true);
    expect(await t.prisma.loginThrottle.findUnique({ where: { key: throttleKey("bob") } })).toBeNull();
  });

  it("counts concurrent failures atomically", async () => {
    await Promise.all(Array.from({ length: 8 }, () => authenticate(t.prisma, { username: "carol", password: "x" })));
    const row = await t.prisma.loginThrottle.findUniqueOrThrow({ where: { key: throttleKey("carol") } });
    expect(row.failures).toBe(8);
    expect(row.lockedUntil).not.toBeNull();
  });
});
