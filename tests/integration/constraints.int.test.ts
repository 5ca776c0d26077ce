/** Guarantees the database itself enforces, whatever the application code does. */
import { describe, expect, it } from "vitest";
import { databaseForFile } from "./db";

const t = databaseForFile();

/** A department (code `code`) with its year `year` open under a framework of its own. */
async function departmentYear(code: string, year: number) {
  const fw = await t.prisma.indicatorFramework.create({ data: { code: `fw-${code}`, name: `体系${code}` } });
  await t.prisma.fiscalYear.create({ data: { year, frameworkId: fw.id } });
  const dept = await t.prisma.department.create({ data: { code, name: `部门${code}`, shortName: `部门${code}` } });
  const dy = await t.prisma.departmentYear.create({ data: { departmentId: dept.id, year } });
  return { fw, dept, dy };
}

describe("audit log", () => {
  it("is append-only: UPDATE, DELETE and TRUNCATE are rejected", async () => {
    const row = await t.prisma.auditLog.create({ data: { action: "test.event", entityType: "Test", entityId: "1" } });
    await expect(t.prisma.auditLog.update({ where: { id: row.id }, data: { comment: "篡改" } })).rejects.toThrow(/append-only/);
    await expect(t.prisma.auditLog.delete({ where: { id: row.id } })).rejects.toThrow(/append-only/);
    await expect(t.prisma.$executeRawUnsafe(`TRUNCATE "AuditLog"`)).rejects.toThrow(/append-only/);
    expect((await t.prisma.auditLog.findUniqueOrThrow({ where: { id: row.id } })).comment).toBe("");
  });
});

describe("published versions", () => {
  it("cannot be changed or deleted, only marked superseded", async () => {
    const { dept, dy } = await departmentYear("c1", 2030);
    const report = await t.prisma.report.create({
      data: { kind: "DEPARTMENT_OVERALL", scopeKey: `DEPARTMENT_OVERALL:${dy.id}`, departmentId: dept.id, departmentYearId: dy.id, year: 2030, title: "报告" },
    });
    const pub = await t.prisma.reportPublication.create({ data: { reportId: report.id, versionNo: 1, snapshot: { a: 1 } } });
    await expect(t.prisma.reportPublication.update({ where: { id: pub.id }, data: { snapshot: { a: 2 } } })).rejects.toThrow(/frozen/);
    await expect(t.prisma.reportPublication.delete({ where: { id: pub.id } })).rejects.toThrow(/frozen/);
    const superseded = await t.prisma.reportPublication.update({ where: { id: pub.id }, data: { supersededAt: new Date() } });
    expect(superseded.supersededAt).not.toBeNull();
    expect(superseded.snapshot).toEqual({ a: 1 });
  });
});

describe("check constraints", () => {
  it("an owner must belong to a department", async () => {
    await expect(t.prisma.user.create({ data: { username: "o", name: "无部门", role: "OWNER", passwordHash: "x" } })).rejects.toThrow(/User_owner_has_department/);
  });

  it("amounts cannot be negative", async () => {
    const { fw, dept, dy } = await departmentYear("c2", 2031);
    const p = await t.prisma.project.create({
      data: { departmentId: dept.id, departmentYearId: dy.id, year: 2031, name: "项目", competentDepartment: "部门2", implementingUnit: "部门2", frameworkId: fw.id },
    });
    await expect(t.prisma.projectFunding.create({ data: { projectId: p.id, source: "FISCAL", annualBudget: -1 } })).rejects.toThrow(/ProjectFunding_amounts_non_negative/);
  });
});
