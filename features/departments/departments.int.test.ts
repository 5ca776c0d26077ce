import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/features/auth/authenticate";
import { databaseForFile, actorOf } from "@/tests/integration/db";
import { createDepartmentHandler, setDepartmentRetiredHandler, updateDepartmentHandler } from "./handlers";
import { DEPARTMENT_MESSAGES } from "./mutations";

const t = databaseForFile();
let admin: Awaited<ReturnType<typeof actorOf>>;

beforeAll(async () => {
  await t.prisma.user.create({ data: { username: "root", name: "管理员", role: "ADMIN", passwordHash: await hashPassword("Root#Pass12") } });
  admin = await actorOf(t.prisma, "root");
});

const base = { unitKind: "ADMINISTRATIVE", region: "杭州市", isBudgetUnit: true, sortOrder: 1 } as const;

describe("departments (real PostgreSQL)", () => {
  let jyj = "";
  let sub = "";
  let other = "";

  it("creates a department and a sub-unit, audited; refuses a duplicate code and a third level", async () => {
    const a = await createDepartmentHandler(t.prisma, admin, { ...base, code: "101", name: "某市教育局", shortName: "教育局" });
    expect(a.ok).toBe(true);
    jyj = a.ok ? a.id : "";
    const b = await createDepartmentHandler(t.prisma, admin, { ...base, code: "101001", name: "某市第一中学", shortName: "一中", unitKind: "PUBLIC_INSTITUTION", parentId: jyj });
    expect(b.ok).toBe(true);
    sub = b.ok ? b.id : "";
    const c = await createDepartmentHandler(t.prisma, admin, { ...base, code: "102", name: "某市卫健委", shortName: "卫健委" });
    other = c.ok ? c.id : "";
    expect(await createDepartmentHandler(t.prisma, admin, { ...base, code: "101", name: "x", shortName: "x" })).toMatchObject({ ok: false, fieldErrors: [{ path: "code" }] });
    expect(await createDepartmentHandler(t.prisma, admin, { ...base, code: "1010011", name: "x", shortName: "x", parentId: sub })).toMatchObject({ ok: false, message: DEPARTMENT_MESSAGES.badParent });
    expect(await createDepartmentHandler(t.prisma, admin, { ...base, code: "bad code", name: "", shortName: "x", sortOrder: -1 })).toMatchObject({ ok: false, reason: "invalid" });
    const rev = await t.prisma.user.create({ data: { username: "rev", name: "审核", role: "REVIEWER", passwordHash: "x" } });
    expect(await createDepartmentHandler(t.prisma, { id: rev.id, name: rev.name, role: rev.role, departmentId: null }, { ...base, code: "103", name: "x", shortName: "x" })).toMatchObject({ reason: "forbidden" });
    expect(await t.prisma.department.count()).toBe(3);
    expect(await t.prisma.auditLog.count({ where: { action: "department.create" } })).toBe(3);
  });

  it("renames and moves a sub-unit to another department; a department with sub-units cannot become one", async () => {
    const r = await updateDepartmentHandler(t.prisma, admin, sub, { ...base, name: "某市第一高级中学", shortName: "一高", unitKind: "PUBLIC_INSTITUTION", parentId: other });
    expect(r).toEqual({ ok: true, changed: true });
    const moved = await t.prisma.department.findUniqueOrThrow({ where: { id: sub } });
    expect(moved).toMatchObject({ parentId: other, name: "某市第一高级中学", code: "101001" });
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "department.update", entityId: sub } });
    expect(audit.data).toMatchObject({ parentId: { from: jyj, to: other } });
    expect(await updateDepartmentHandler(t.prisma, admin, other, { ...base, name: "某市卫健委", shortName: "卫健委", parentId: jyj })).toMatchObject({ ok: false, message: DEPARTMENT_MESSAGES.hasSubUnits });
    expect(await updateDepartmentHandler(t.prisma, admin, jyj, { ...base, name: "某市教育局", shortName: "教育局", parentId: jyj })).toMatchObject({ ok: false, message: DEPARTMENT_MESSAGES.selfParent });
  });

  it("retires (never deletes): sub-units first, data kept; restores; no accounts for a retired department", async () => {
    await t.prisma.user.create({ data: { username: "owner", name: "填报", role: "OWNER", departmentId: other, passwordHash: "x" } });
    expect(await setDepartmentRetiredHandler(t.prisma, admin, other, true)).toMatchObject({ ok: false, message: DEPARTMENT_MESSAGES.activeSubUnits });
    expect(await setDepartmentRetiredHandler(t.prisma, admin, sub, true)).toEqual({ ok: true, changed: true });
    expect(await setDepartmentRetiredHandler(t.prisma, admin, other, true)).toEqual({ ok: true, changed: true });
    const retired = await t.prisma.department.findUniqueOrThrow({ where: { id: other }, include: { users: true } });
    expect(retired.retiredAt).not.toBeNull();
    expect(retired.users).toHaveLength(1);
    expect(await setDepartmentRetiredHandler(t.prisma, admin, sub, false)).toMatchObject({ ok: false, message: DEPARTMENT_MESSAGES.parentRetired });
    expect(await setDepartmentRetiredHandler(t.prisma, admin, other, false)).toEqual({ ok: true, changed: true });
    expect(await t.prisma.auditLog.count({ where: { action: { in: ["department.retire", "department.restore"] } } })).toBe(3);
  });
});
