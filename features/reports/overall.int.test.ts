/**
 * The department's overall evaluation report and the published year document go
 * through the same audited workflow; correcting a figure and republishing makes a
 * new version while the earlier one stays readable.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/features/projects/access";
import type { YearDocument } from "@/features/publication/year-document";
import { seedDemoData } from "@/prisma/seed/run";
import { freshDatabase, type TestDatabase } from "@/tests/integration/db";
import { createOverallReportHandler, saveSectionsHandler, transitionHandler } from "./handlers";
import { DEPARTMENT_OVERALL_SECTIONS } from "./template";
import type { TransitionAction } from "./workflow";

let t: TestDatabase;
let owner: Actor, reviewer: Actor, admin: Actor;
const version = async (id: string) => (await t.prisma.report.findUniqueOrThrow({ where: { id } })).version;
const act = async (actor: Actor, id: string, action: TransitionAction, comment = "") => transitionHandler(t.prisma, actor, id, await version(id), { action, comment });

beforeAll(async () => {
  t = await freshDatabase();
  await seedDemoData(t.prisma);
  const u = async (username: string): Promise<Actor> => {
    const x = await t.prisma.user.findUniqueOrThrow({ where: { username } });
    return { id: x.id, name: x.name, role: x.role, departmentId: x.departmentId };
  };
  [owner, reviewer, admin] = [await u("owner"), await u("reviewer"), await u("admin")];
});
afterAll(() => t.drop());

describe("部门整体支出绩效评价报告", () => {
  it("is created with the seed's sections, needs every section before submission, and is published", async () => {
    expect((await createOverallReportHandler(t.prisma, reviewer, 2021)).ok).toBe(false);
    const created = await createOverallReportHandler(t.prisma, owner, 2021);
    if (!created.ok) throw new Error(created.message);
    expect((await createOverallReportHandler(t.prisma, owner, 2021)).ok && created.id).toBe(created.id);
    const blocked = await act(owner, created.id, "submit");
    expect(blocked).toMatchObject({ ok: false, reason: "blocked" });
    const sections = DEPARTMENT_OVERALL_SECTIONS.filter((s) => !s.group).map((s) => ({ key: s.key, body: `${s.heading}：内容。` }));
    expect((await saveSectionsHandler(t.prisma, owner, created.id, await version(created.id), { sections })).ok).toBe(true);
    for (const [who, a] of [[owner, "submit"], [reviewer, "approve"], [reviewer, "publish"]] as const) expect((await act(who, created.id, a)).ok).toBe(true);
    const pub = await t.prisma.reportPublication.findFirstOrThrow({ where: { reportId: created.id } });
    expect((pub.snapshot as { sections: unknown[] }).sections).toHaveLength(DEPARTMENT_OVERALL_SECTIONS.length);
  });
});

describe("the published year document", () => {
  it("an admin corrects a figure and republishes: version 2 shows it, version 1 is unchanged", async () => {
    const fa = await t.prisma.report.findFirstOrThrow({ where: { kind: "FINAL_ACCOUNTS", year: 2020 } });
    expect((await act(admin, fa.id, "reopen", "更正行政运行决算数")).ok).toBe(true);
    // The correction: 行政运行 284.31 → 284.32 万元 (the lines then add up to the printed 421.84).
    const dy = await t.prisma.departmentYear.findFirstOrThrow({ where: { year: 2020, department: { code: "gy-swbb" } } });
    await t.prisma.expenditureLine.update({ where: { departmentYearId_functionCode_fundType: { departmentYearId: dy.id, functionCode: "2011001", fundType: "GENERAL_BUDGET" } }, data: { basic: 2843200 } });
    for (const [who, a] of [[owner, "submit"], [reviewer, "approve"], [admin, "publish"]] as const) expect((await act(who, fa.id, a)).ok, a).toBe(true);

    const [v1, v2] = await t.prisma.reportPublication.findMany({ where: { reportId: fa.id }, orderBy: { versionNo: "asc" } });
    const d1 = (v1!.snapshot as { document: YearDocument }).document;
    const d2 = (v2!.snapshot as { document: YearDocument }).document;
    expect(d1.totals.generalBudget.amount).toBe("421.83");
    expect(d2.totals.generalBudget.amount).toBe("421.84");
    expect(d2.expenditureLines[0]?.amount).toBe("284.32");
    expect(v1!.supersededAt).not.toBeNull();
    expect(v2!.correctionNote).toBe("更正行政运行决算数");
  });
});
