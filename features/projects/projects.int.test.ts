/**
 * Project and indicator writes against a real PostgreSQL: every action × (anonymous,
 * owner of the department, owner of another department, reviewer, admin), the state
 * lock, validation that writes nothing, and the version check under concurrency.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { excelFrameworkOf } from "@/features/indicators/excel/framework";
import { buildIndicatorTemplate } from "@/features/indicators/excel/template";
import { saveIndicatorsHandler } from "@/features/indicators/handlers";
import { importIndicatorsHandler } from "@/features/indicators/import-handler";
import { emptyIndicatorRow } from "@/features/indicators/schema";
import { demoDatabase, type TestDatabase } from "@/tests/integration/db";
import type { Actor } from "@/lib/actor";
import { copyProjectHandler, createProjectHandler, updateProjectHandler } from "./handlers";
import { emptyProjectInput, type ProjectInput } from "./schema";

let t: TestDatabase;
let owner: Actor, otherOwner: Actor, reviewer: Actor, admin: Actor;
let seedProjectId: string;

const validInput = (name: string): ProjectInput => ({
  ...emptyProjectInput({ competentDepartment: "中共广元市委机构编制委员会办公室", implementingUnit: "市委编办" }),
  name,
  funding: {
    FISCAL: { initialBudget: "9.2", annualBudget: "9.2", executed: "9.2" },
    CARRYOVER: { initialBudget: "", annualBudget: "", executed: "" },
    OTHER: { initialBudget: "0", annualBudget: "0", executed: "0" },
  },
  allocations: [
    { item: "会务费", amount: "2" },
    { item: "培训费", amount: "2" },
    { item: "文件资料费", amount: "2" },
    { item: "差旅费", amount: "3.2" },
  ],
  goalExpected: "完成全市教职工编制动态调整工作。",
});


beforeAll(async () => {
  ({ t, owner, reviewer, admin } = await demoDatabase());
  const d2 = await t.prisma.department.create({ data: { code: "other", name: "广元市其他局", shortName: "其他局" } });
  const u2 = await t.prisma.user.create({ data: { username: "owner2", name: "别的填报人", role: "OWNER", departmentId: d2.id, passwordHash: "x" } });
  otherOwner = { id: u2.id, name: u2.name, role: u2.role, departmentId: d2.id };
  seedProjectId = (await t.prisma.project.findFirstOrThrow({ where: { name: "全市综合执法改革", year: 2020 } })).id;
});
afterAll(() => t.drop());

describe("create", () => {
  it("is refused to the anonymous, reviewers and admins", async () => {
    expect(await createProjectHandler(t.prisma, null, 2021, validInput("甲"))).toMatchObject({ ok: false, reason: "unauthenticated" });
    expect(await createProjectHandler(t.prisma, reviewer, 2021, validInput("甲"))).toMatchObject({ ok: false, reason: "forbidden" });
    expect(await createProjectHandler(t.prisma, admin, 2021, validInput("甲"))).toMatchObject({ ok: false, reason: "forbidden" });
    expect(await t.prisma.project.count({ where: { name: "甲" } })).toBe(0);
  });

  it("lets an owner create a project in an open year, stored exactly in 元, with an audit row", async () => {
    const r = await createProjectHandler(t.prisma, owner, 2021, validInput("全市教职工编制调整工作"));
    expect(r.ok).toBe(true);
    const p = await t.prisma.project.findUniqueOrThrow({ where: { id: r.ok ? r.id : "" }, include: { funding: true, allocations: { orderBy: { sortOrder: "asc" } } } });
    expect(p.departmentId).toBe(owner.departmentId);
    expect(p.funding.find((f) => f.source === "FISCAL")?.annualBudget.toString()).toBe("92000");
    expect(p.allocations.map((a) => a.amount.toString())).toEqual(["20000", "20000", "20000", "32000"]);
    expect(await t.prisma.auditLog.count({ where: { action: "project.create", entityId: p.id } })).toBe(1);
  });

  it("refuses a closed year, a duplicate name and bad input, writing nothing", async () => {
    expect(await createProjectHandler(t.prisma, owner, 2020, validInput("乙"))).toMatchObject({ ok: false, message: "2020年度已关闭，不能新建项目" });
    expect(await createProjectHandler(t.prisma, owner, 2021, validInput("全市教职工编制调整工作"))).toMatchObject({ ok: false, reason: "duplicate" });
    const bad = validInput("丙");
    bad.allocations = [{ item: "会务费", amount: "1" }];
    bad.funding.FISCAL.executed = "abc";
    const r = await createProjectHandler(t.prisma, owner, 2021, bad);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const paths = Object.fromEntries((r.fieldErrors ?? []).map((e) => [e.path, e.message]));
      expect(paths["funding.FISCAL.executed"]).toBe("请输入金额（万元），如 12.34；“-”表示0");
      expect(paths["allocations"]).toBe("资金分配合计 1 万元，与全年预算数 9.2 万元不一致");
    }
    expect(await t.prisma.project.count({ where: { name: { in: ["乙", "丙"] } } })).toBe(0);
  });
});

describe("update and indicators", () => {
  let projectId: string;
  beforeAll(async () => {
    const r = await createProjectHandler(t.prisma, owner, 2021, validInput("行政权力和责任清单动态调整"));
    if (!r.ok) throw new Error(r.message);
    projectId = r.id;
  });

  it("is refused to everyone but the department's owner", async () => {
    const input = validInput("改名");
    expect(await updateProjectHandler(t.prisma, null, projectId, 1, input)).toMatchObject({ reason: "unauthenticated" });
    expect(await updateProjectHandler(t.prisma, reviewer, projectId, 1, input)).toMatchObject({ reason: "forbidden" });
    expect(await updateProjectHandler(t.prisma, admin, projectId, 1, input)).toMatchObject({ reason: "forbidden" });
    expect(await updateProjectHandler(t.prisma, otherOwner, projectId, 1, input)).toMatchObject({ reason: "not_found" });
    expect(await saveIndicatorsHandler(t.prisma, null, projectId, 1, { rows: [] })).toMatchObject({ reason: "unauthenticated" });
    expect(await saveIndicatorsHandler(t.prisma, reviewer, projectId, 1, { rows: [] })).toMatchObject({ reason: "forbidden" });
    expect(await saveIndicatorsHandler(t.prisma, otherOwner, projectId, 1, { rows: [] })).toMatchObject({ reason: "not_found" });
    expect((await t.prisma.project.findUniqueOrThrow({ where: { id: projectId } })).name).toBe("行政权力和责任清单动态调整");
  });

  it("locks a project whose self-evaluation is submitted or published", async () => {
    expect(await updateProjectHandler(t.prisma, owner, seedProjectId, 1, validInput("全市综合执法改革"))).toMatchObject({ reason: "locked" });
    expect(await saveIndicatorsHandler(t.prisma, owner, seedProjectId, 1, { rows: [] })).toMatchObject({ reason: "locked" });
    expect(await t.prisma.indicator.count({ where: { projectId: seedProjectId } })).toBe(6);
  });

  it("saves indicators, checks weights and deviation reasons, and keeps row ids", async () => {
    const fw = await t.prisma.project.findUniqueOrThrow({ where: { id: projectId }, include: { framework: { include: { level1: { include: { level2: true } } } } } });
    const group = (name: string) => fw.framework.level1.find((l) => l.name === name)!;
    const out = group("产出指标");
    const row = { ...emptyIndicatorRow(out.id, out.level2.find((l) => l.name === "数量指标")!.id), name: "调整市级部门责任清单", targetValue: "47", unit: "个", actualValue: "40", weight: "40" };
    const bad = await saveIndicatorsHandler(t.prisma, owner, projectId, 1, { rows: [row] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      const messages = (bad.fieldErrors ?? []).map((e) => `${e.path}:${e.message}`);
      expect(messages).toContain("rows:“产出指标”各指标分值之和为40，应为50");
      expect(messages).toContain("rows.0.deviationReason:未达到指标值，请填写偏差原因分析及改进措施");
    }
    expect(await t.prisma.indicator.count({ where: { projectId } })).toBe(0);

    const good = await saveIndicatorsHandler(t.prisma, owner, projectId, 1, {
      rows: [{ ...row, weight: "50", deviationReason: "部分部门机构调整，清单合并" }],
    });
    expect(good).toEqual({ ok: true, version: 2 });
    const saved = await t.prisma.indicator.findFirstOrThrow({ where: { projectId } });
    expect([saved.targetValue?.toString(), saved.actualValue?.toString(), saved.unit]).toEqual(["47", "40", "个"]);

    const again = await saveIndicatorsHandler(t.prisma, owner, projectId, 2, {
      rows: [{ ...row, id: saved.id, weight: "50", actualValue: "47" }],
    });
    expect(again).toEqual({ ok: true, version: 3 });
    expect((await t.prisma.indicator.findFirstOrThrow({ where: { projectId } })).id).toBe(saved.id);
  });

  it("refuses a save based on an old version, and lets exactly one of two concurrent saves win", async () => {
    const current = (await t.prisma.project.findUniqueOrThrow({ where: { id: projectId } })).version;
    expect(await updateProjectHandler(t.prisma, owner, projectId, current - 1, validInput("行政权力和责任清单动态调整"))).toMatchObject({
      ok: false,
      reason: "stale",
    });
    const results = await Promise.all([
      updateProjectHandler(t.prisma, owner, projectId, current, { ...validInput("行政权力和责任清单动态调整"), goalActual: "甲的版本" }),
      updateProjectHandler(t.prisma, owner, projectId, current, { ...validInput("行政权力和责任清单动态调整"), goalActual: "乙的版本" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === "stale")).toHaveLength(1);
    const after = await t.prisma.project.findUniqueOrThrow({ where: { id: projectId } });
    expect(after.version).toBe(current + 1);
    const winner = results.findIndex((r) => r.ok);
    expect(after.goalActual).toBe(winner === 0 ? "甲的版本" : "乙的版本");
  });
});

describe("copy from the previous year", () => {
  it("copies goals, budget and indicators without actuals, mapping the old framework onto the new", async () => {
    expect(await copyProjectHandler(t.prisma, otherOwner, seedProjectId, 2021)).toMatchObject({ reason: "not_found" });
    expect(await copyProjectHandler(t.prisma, reviewer, seedProjectId, 2021)).toMatchObject({ reason: "forbidden" });
    const r = await copyProjectHandler(t.prisma, owner, seedProjectId, 2021);
    expect(r.ok).toBe(true);
    const copy = await t.prisma.project.findUniqueOrThrow({
      where: { id: r.ok ? r.id : "" },
      include: { funding: true, indicators: { orderBy: { sortOrder: "asc" }, include: { level1: true, level2: true } }, framework: true },
    });
    expect(copy.year).toBe(2021);
    // The demo's open year prints the 财预〔2020〕10号 layout (see prisma/seed/run.ts).
    expect(copy.framework.code).toBe("CY-2020-10");
    expect(copy.goalActual).toBe("");
    expect(copy.goalExpected).toContain("制定出台全市综合执法机构改革相关政策性文件");
    expect(copy.funding.every((f) => f.executed.toString() === "0")).toBe(true);
    expect(copy.indicators.map((i) => `${i.level1.name}/${i.level2.name}`)).toEqual([
      "产出指标/时效指标",
      "产出指标/时效指标",
      "产出指标/时效指标",
      "效益指标/社会效益指标",
      "满意度指标/服务对象满意度指标",
      "满意度指标/服务对象满意度指标",
    ]);
    expect(copy.indicators.every((i) => i.actualText === "" && i.actualValue === null && i.manualScore === null)).toBe(true);
    expect(copy.indicators[0]?.targetText).toBe("2020年1月底完成");
  });
});

describe("Excel import", () => {
  it("is refused to the anonymous, reviewers, admins and other departments, and on a locked project", async () => {
    const r = await createProjectHandler(t.prisma, owner, 2021, validInput("导入测试项目"));
    if (!r.ok) throw new Error(r.message);
    const project = await t.prisma.project.findUniqueOrThrow({
      where: { id: r.id },
      include: { framework: { include: { level1: { orderBy: { sortOrder: "asc" }, include: { level2: { orderBy: { sortOrder: "asc" } } } } } } },
    });
    const out = project.framework.level1.find((l) => l.name === "产出指标")!;
    const rows = [{ ...emptyIndicatorRow(out.id, out.level2[0]!.id), name: "培训人次", targetValue: "200", unit: "人次", actualValue: "230" }];
    const file = new File([new Uint8Array(await buildIndicatorTemplate(excelFrameworkOf(project.framework), { rows }))], "指标.xlsx");

    expect(await importIndicatorsHandler(t.prisma, null, r.id, 1, file)).toMatchObject({ reason: "unauthenticated" });
    expect(await importIndicatorsHandler(t.prisma, reviewer, r.id, 1, file)).toMatchObject({ reason: "forbidden" });
    expect(await importIndicatorsHandler(t.prisma, admin, r.id, 1, file)).toMatchObject({ reason: "forbidden" });
    expect(await importIndicatorsHandler(t.prisma, otherOwner, r.id, 1, file)).toMatchObject({ reason: "not_found" });
    expect(await importIndicatorsHandler(t.prisma, owner, seedProjectId, 1, file)).toMatchObject({ reason: "locked" });
    expect(await importIndicatorsHandler(t.prisma, owner, r.id, 1, null)).toMatchObject({ ok: false, message: "请选择要导入的 Excel（.xlsx）文件" });
    expect(await t.prisma.indicator.count({ where: { projectId: r.id } })).toBe(0);

    expect(await importIndicatorsHandler(t.prisma, owner, r.id, 1, file)).toEqual({ ok: true, version: 2, imported: 1 });
    const saved = await t.prisma.indicator.findFirstOrThrow({ where: { projectId: r.id } });
    expect([saved.name, saved.targetValue?.toString(), saved.unit, saved.actualValue?.toString()]).toEqual(["培训人次", "200", "人次", "230"]);
  });
});
