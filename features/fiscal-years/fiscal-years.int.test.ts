/**
 * Opening, changing, closing and reopening fiscal years against a real PostgreSQL:
 * admin-only, audited, guarded by the year's version; a year opened for some
 * departments refuses the others; a closed year is read-only for its projects.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveIndicatorsHandler } from "@/features/indicators/handlers";
import { createProjectHandler } from "@/features/projects/handlers";
import { emptyProjectInput } from "@/features/projects/schema";
import type { Actor } from "@/lib/actor";
import { openYearsOf } from "@/lib/open-years";
import { demoDatabase, type TestDatabase } from "@/tests/integration/db";
import { closeYearHandler, departmentReviewHandler, openYearHandler, reopenYearHandler, updateYearHandler } from "./handlers";

let t: TestDatabase;
let admin: Actor, owner: Actor, reviewer: Actor, otherOwner: Actor;
let otherDept = "";

beforeAll(async () => {
  ({ t, admin, owner, reviewer } = await demoDatabase());
  const d = await t.prisma.department.create({ data: { code: "other", name: "广元市其他局", shortName: "其他局" } });
  otherDept = d.id;
  const u = await t.prisma.user.create({ data: { username: "owner2", name: "别的填报人", role: "OWNER", departmentId: d.id, passwordHash: "x" } });
  otherOwner = { id: u.id, name: u.name, role: u.role, departmentId: d.id };
});
afterAll(() => t.drop());

const fw = async (code: string) => (await t.prisma.indicatorFramework.findUniqueOrThrow({ where: { code } })).id;
const project = (name: string) => ({
  ...emptyProjectInput({ competentDepartment: "主管部门", implementingUnit: "实施单位" }),
  name,
  funding: { FISCAL: { initialBudget: "1", annualBudget: "1", executed: "1" }, CARRYOVER: { initialBudget: "", annualBudget: "", executed: "" }, OTHER: { initialBudget: "", annualBudget: "", executed: "" } },
  allocations: [],
});

describe("fiscal years", () => {
  it("only an admin opens a year; bad input and duplicates change nothing", async () => {
    const input = { year: 2022, frameworkId: await fw("CY-2020-10"), alternativeFrameworkIds: [await fw("CY-2021-101")], allDepartments: false, departmentIds: [owner.departmentId!] };
    for (const a of [null, owner, reviewer]) expect((await openYearHandler(t.prisma, a, input)).ok).toBe(false);
    expect(await openYearHandler(t.prisma, admin, { ...input, departmentIds: [] })).toMatchObject({
      ok: false,
      fieldErrors: [{ path: "departmentIds", message: "请至少选择一个部门，或选择“全部部门”" }],
    });
    expect(await openYearHandler(t.prisma, admin, { ...input, year: 2021 })).toMatchObject({ ok: false, reason: "duplicate" });
    expect(await t.prisma.fiscalYear.findUnique({ where: { year: 2022 } })).toBeNull();
    expect(await openYearHandler(t.prisma, admin, input)).toEqual({ ok: true, year: 2022 });
    const y = await t.prisma.fiscalYear.findUniqueOrThrow({ where: { year: 2022 }, include: { alternativeFrameworks: true, departmentYears: true } });
    expect(y.alternativeFrameworks.map((a) => a.code)).toEqual(["CY-2021-101"]);
    expect(y.departmentYears.map((d) => d.departmentId)).toEqual([owner.departmentId]);
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "year.open", entityId: "2022" } });
    expect(audit.actorId).toBe(admin.id);
  });

  it("a year opened for some departments refuses the others until the admin adds them", async () => {
    expect((await createProjectHandler(t.prisma, owner, 2022, project("本部门项目"))).ok).toBe(true);
    const refused = await createProjectHandler(t.prisma, otherOwner, 2022, project("其他局项目"));
    expect(refused).toMatchObject({ ok: false, message: "本部门未纳入2022年度的填报范围，请联系系统管理员" });
    // The same rule decides which years the pages offer (新建项目, 新建整体报告, 工作台).
    const offered = async (departmentId: string) => (await t.prisma.fiscalYear.findMany({ where: openYearsOf(departmentId), select: { year: true } })).map((y) => y.year);
    expect(await offered(owner.departmentId!)).toContain(2022);
    expect(await offered(otherDept)).not.toContain(2022);
    const y = await t.prisma.fiscalYear.findUniqueOrThrow({ where: { year: 2022 } });
    const r = await updateYearHandler(t.prisma, admin, 2022, y.version, { frameworkId: y.frameworkId, alternativeFrameworkIds: [], addDepartmentIds: [otherDept] });
    expect(r).toEqual({ ok: true, version: y.version + 1 });
    expect(await offered(otherDept)).toContain(2022);
    expect((await createProjectHandler(t.prisma, otherOwner, 2022, project("其他局项目"))).ok).toBe(true);
    expect(await updateYearHandler(t.prisma, admin, 2022, y.version, { frameworkId: y.frameworkId })).toMatchObject({ ok: false, reason: "stale" });
  });

  it("closing makes the year read-only; reopening needs a reason; both audited", async () => {
    const p = await t.prisma.project.findFirstOrThrow({ where: { year: 2022, name: "本部门项目" } });
    const y = await t.prisma.fiscalYear.findUniqueOrThrow({ where: { year: 2022 } });
    expect(await closeYearHandler(t.prisma, owner, 2022, y.version)).toMatchObject({ ok: false, reason: "forbidden" });
    expect(await closeYearHandler(t.prisma, admin, 2022, y.version)).toEqual({ ok: true, version: y.version + 1 });
    const save = await saveIndicatorsHandler(t.prisma, owner, p.id, p.version, { rows: [] });
    expect(save).toMatchObject({ ok: false, reason: "locked" });
    expect((await createProjectHandler(t.prisma, owner, 2022, project("关闭后新建"))).ok).toBe(false);
    expect(await reopenYearHandler(t.prisma, admin, 2022, y.version + 1, { reason: "" })).toMatchObject({ ok: false, reason: "invalid" });
    expect(await reopenYearHandler(t.prisma, admin, 2022, y.version + 1, { reason: "更正项目3的指标值" })).toEqual({ ok: true, version: y.version + 2 });
    expect((await saveIndicatorsHandler(t.prisma, owner, p.id, p.version, { rows: [] })).ok).toBe(true);
    const log = await t.prisma.auditLog.findMany({ where: { entityType: "FiscalYear", entityId: "2022" }, orderBy: { id: "asc" } });
    expect(log.map((l) => l.action)).toEqual(["year.open", "year.update", "year.close", "year.reopen"]);
    expect(log[3]?.comment).toBe("重新开放2022年度，原因：更正项目3的指标值");
  });

  it("only an admin sets the 部门审核环节, guarded by the version and audited", async () => {
    const y = await t.prisma.fiscalYear.findUniqueOrThrow({ where: { year: 2021 } });
    expect(y.departmentReview).toBe(false);
    const on = { departmentReview: true };
    for (const who of [null, owner, reviewer]) {
      expect(await departmentReviewHandler(t.prisma, who, 2021, y.version, on)).toMatchObject({ ok: false, reason: who ? "forbidden" : "unauthenticated" });
    }
    expect(await departmentReviewHandler(t.prisma, admin, 2021, y.version, { departmentReview: "yes" })).toMatchObject({ ok: false, reason: "invalid" });
    expect(await departmentReviewHandler(t.prisma, admin, 2021, y.version + 5, on)).toMatchObject({ ok: false, reason: "stale" });
    expect((await t.prisma.fiscalYear.findUniqueOrThrow({ where: { year: 2021 } })).departmentReview).toBe(false);
    expect(await departmentReviewHandler(t.prisma, admin, 2021, y.version, on)).toEqual({ ok: true, version: y.version + 1 });
    expect(await t.prisma.fiscalYear.findUniqueOrThrow({ where: { year: 2021 } })).toMatchObject({ departmentReview: true, version: y.version + 1 });
    // Two admins at once with the same version: the second is refused.
    expect(await departmentReviewHandler(t.prisma, admin, 2021, y.version, { departmentReview: false })).toMatchObject({ ok: false, reason: "stale" });
    const log = await t.prisma.auditLog.findMany({ where: { entityType: "FiscalYear", entityId: "2021", action: "year.department_review" } });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ actorId: admin.id, data: { departmentReview: true } });
  });
});
