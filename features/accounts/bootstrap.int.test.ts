import { describe, expect, it } from "vitest";
import { authenticate } from "@/features/auth/authenticate";
import { databaseForFile } from "@/tests/integration/db";
import { createFirstAdmin, SETUP_CLOSED } from "./bootstrap";

const t = databaseForFile();

describe("first admin of a production install (real PostgreSQL)", () => {
  it("checks the password policy, then creates exactly one admin even when asked twice at once", async () => {
    expect(await createFirstAdmin(t.prisma, { username: "wang", name: "王五", password: "password123" })).toMatchObject({ ok: false, fieldErrors: [{ path: "password" }] });
    const results = await Promise.all([
      createFirstAdmin(t.prisma, { username: "wang", name: "王五", password: "Sicher#Start2026" }),
      createFirstAdmin(t.prisma, { username: "zhao", name: "赵六", password: "Sicher#Start2026" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ message: SETUP_CLOSED });
    expect(await t.prisma.user.count({ where: { role: "ADMIN" } })).toBe(1);
    expect(await t.prisma.auditLog.count({ where: { action: "user.bootstrap_admin" } })).toBe(1);
  });

  it("is closed once an admin exists; a generated one-time password must be changed", async () => {
    expect(await createFirstAdmin(t.prisma, { username: "li.si", name: "李四" })).toMatchObject({ ok: false, message: SETUP_CLOSED });
    await t.prisma.user.updateMany({ data: { active: false } });
    const r = await createFirstAdmin(t.prisma, { username: "li.si", name: "李四" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.temporaryPassword).toHaveLength(14);
    const signedIn = await authenticate(t.prisma, { username: "li.si", password: r.temporaryPassword! });
    expect(signedIn.ok).toBe(true);
    expect((await t.prisma.user.findUniqueOrThrow({ where: { username: "li.si" } })).mustChangePassword).toBe(true);
  });
});
