import { beforeAll, describe, expect, it } from "vitest";
import { databaseForFile } from "@/tests/integration/db";
import { AUTH_MESSAGES, authenticate, hashPassword } from "./authenticate";
import { isThrottled, THROTTLE, throttleKeys, unlockUsername } from "./throttle";

const t = databaseForFile();

beforeAll(async () => {
  const dept = await t.prisma.department.create({ data: { code: "d1", name: "测试部门", shortName: "测试" } });
  await t.prisma.user.createMany({
    data: [
      { username: "alice", name: "甲", role: "OWNER", departmentId: dept.id, passwordHash: await hashPassword("Correct#1") },
      { username: "bob", name: "乙", role: "REVIEWER", passwordHash: await hashPassword("Correct#2") },
      { username: "gone", name: "丙", role: "ADMIN", active: false, passwordHash: await hashPassword("Correct#3") },
    ],
  });
});

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

  const FROM_ATTACKER = { address: "203.0.113.9", sleep: async () => {} };
  const FROM_OFFICE = { address: "10.0.0.5", sleep: async () => {} };

  it(`slows down an address + username pair after ${THROTTLE.pairFree} failures, even for the right password`, async () => {
    const results = [];
    for (let i = 0; i < THROTTLE.pairFree; i++) results.push(await authenticate(t.prisma, { username: "bob", password: `bad${i}` }, FROM_ATTACKER));
    expect(results.slice(0, -1).every((r) => !r.ok && r.message === AUTH_MESSAGES.wrongCredentials)).toBe(true);
    const last = results.at(-1);
    expect(!last?.ok && last?.message).toMatch(/登录失败次数过多/);

    const slowed = await authenticate(t.prisma, { username: "bob", password: "Correct#2" }, FROM_ATTACKER);
    expect(!slowed.ok && slowed.message).toMatch(/后再试/);
    // Case and spaces do not dodge it.
    expect((await authenticate(t.prisma, { username: " BOB ", password: "Correct#2" }, FROM_ATTACKER)).ok).toBe(false);

    const pair = await t.prisma.loginThrottle.findUniqueOrThrow({ where: { key: throttleKeys({ username: "bob", address: FROM_ATTACKER.address }).pair } });
    const waitMs = pair.lockedUntil!.getTime() - Date.now();
    expect(waitMs).toBeGreaterThan((THROTTLE.baseDelaySeconds - 5) * 1000);
    expect(waitMs).toBeLessThanOrEqual(THROTTLE.baseDelaySeconds * 1000 + 1000);
  });

  it("does not lock the account: the same user from another address signs in at once", async () => {
    const r = await authenticate(t.prisma, { username: "bob", password: "Correct#2" }, FROM_OFFICE);
    expect(r.ok).toBe(true);
  });

  it("doubles the wait with each further failure, capped", async () => {
    const key = throttleKeys({ username: "bob", address: FROM_ATTACKER.address }).pair;
    let previous = 0;
    for (let i = 0; i < 8; i++) {
      await t.prisma.loginThrottle.update({ where: { key }, data: { lockedUntil: new Date(Date.now() - 1000) } });
      await authenticate(t.prisma, { username: "bob", password: "wrong" }, FROM_ATTACKER);
      const row = await t.prisma.loginThrottle.findUniqueOrThrow({ where: { key } });
      const wait = row.lockedUntil!.getTime() - Date.now();
      expect(wait).toBeGreaterThanOrEqual(Math.min(previous, THROTTLE.maxDelayMinutes * 60_000) - 2000);
      expect(wait).toBeLessThanOrEqual(THROTTLE.maxDelayMinutes * 60_000 + 1000);
      previous = wait;
    }
    expect(previous).toBeGreaterThan(THROTTLE.maxDelayMinutes * 60_000 - 5000);
  });

  it("delays (never refuses) a username guessed from many addresses", async () => {
    const waits: number[] = [];
    const sleep = async (ms: number) => void waits.push(ms);
    for (let i = 0; i < THROTTLE.userFree + 3; i++) await authenticate(t.prisma, { username: "dave", password: "x" }, { address: `198.51.100.${i}`, sleep });
    expect(waits).toEqual([1000, 2000]);
    await t.prisma.user.create({ data: { username: "dave", name: "丁", role: "REVIEWER", passwordHash: await hashPassword("Correct#4") } });
    const r = await authenticate(t.prisma, { username: "dave", password: "Correct#4" }, { address: "10.0.0.9", sleep });
    expect(r.ok).toBe(true);
    expect(waits.at(-1)).toBe(3000);
  });

  it("an admin's unlock clears every address's counter for the username", async () => {
    expect(await isThrottled(t.prisma, "bob")).toBe(true);
    expect(await unlockUsername(t.prisma, "BOB")).toBeGreaterThan(0);
    expect(await isThrottled(t.prisma, "bob")).toBe(false);
    expect((await authenticate(t.prisma, { username: "bob", password: "Correct#2" }, FROM_ATTACKER)).ok).toBe(true);
  });

  it("a success clears its pair", async () => {
    await authenticate(t.prisma, { username: "bob", password: "bad" }, FROM_OFFICE);
    expect((await authenticate(t.prisma, { username: "bob", password: "Correct#2" }, FROM_OFFICE)).ok).toBe(true);
    expect(await t.prisma.loginThrottle.findUnique({ where: { key: throttleKeys({ username: "bob", address: FROM_OFFICE.address }).pair } })).toBeNull();
  });

  it("counts concurrent failures atomically", async () => {
    const ctx = { address: "192.0.2.1", sleep: async () => {} };
    await Promise.all(Array.from({ length: 8 }, () => authenticate(t.prisma, { username: "carol", password: "x" }, ctx)));
    const row = await t.prisma.loginThrottle.findUniqueOrThrow({ where: { key: throttleKeys({ username: "carol", address: ctx.address }).pair } });
    expect(row.failures).toBe(8);
    expect(row.lockedUntil).not.toBeNull();
  });
});
