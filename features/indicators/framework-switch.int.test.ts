/**
 * Frameworks as offices use them, against a real PostgreSQL: the demo's open year
 * takes a 财预〔2020〕10号 table with a cost row under 产出指标 as printed; a project
 * switches to a framework its year allows (rows follow by name, audited), is refused
 * one the year does not allow or one where a row has no place; a closed year is
 * read-only.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createProjectHandler } from "@/features/projects/handlers";
import { emptyProjectInput } from "@/features/projects/schema";
import type { Actor } from "@/lib/actor";
import { databaseForFile, actorOf } from "@/tests/integration/db";
import { saveIndicatorsHandler, switchFrameworkHandler } from "./handlers";
import { emptyIndicatorRow } from "./schema";

const t = databaseForFile({ demo: true });
let owner: Actor, reviewer: Actor;

beforeAll(async () => {
  owner = await actorOf(t.prisma, "owner");
  reviewer = await actorOf(t.prisma, "reviewer");
});

async function newProject(name: string) {
  const r = await createProjectHandler(t.prisma, owner, 2021, {
    ...emptyProjectInput({ competentDepartment: "主管部门", implementingUnit: "实施单位" }),
    name,
    funding: { FISCAL: { initialBudget: "100", annualBudget: "100", executed: "99.97" }, CARRYOVER: { initialBudget: "", annualBudget: "", executed: "" }, OTHER: { initialBudget: "", annualBudget: "", executed: "" } },
    allocations: [],
  });
  if (!r.ok) throw new Error(r.message);
  return r.id;
}

const levelsOf = async (projectId: string) => {
  const p = await t.prisma.project.findUniqueOrThrow({
    where: { id: projectId },
    select: { version: true, framework: { select: { code: true, level1: { select: { id: true, name: true, level2: { select: { id: true, name: true } } } } } } },
  });
  const at = (l1: string, l2: string) => {
    const g = p.framework.level1.find((x) => x.name === l1)!;
    return { level1Id: g.id, level2Id: g.level2.find((x) => x.name === l2)!.id };
  };
  return { ...p, at };
};

describe("the 财预〔2020〕10号 layout in the demo's open year", () => {
  it("accepts a cost row under 产出指标 as printed, and moves to the variant and back", async () => {
    const id = await newProject("县局项目（2020版自评表）");
    const p = await levelsOf(id);
    expect(p.framework.code).toBe("CY-2020-10");
    const row = (l1: string, l2: string, name: string, weight: string, target: string, unit: string, actual: string) => ({
      ...emptyIndicatorRow(p.at(l1, l2).level1Id, p.at(l1, l2).level2Id),
      name,
      targetValue: target,
      unit,
      actualValue: actual,
      weight,
    });
    const rows = [
      row("产出指标", "数量指标", "培训人次", "20", "200", "人次", "210"),
      row("产出指标", "质量指标", "验收合格率", "10", "100", "%", "100"),
      row("产出指标", "时效指标", "完成及时率", "10", "100", "%", "100"),
      { ...row("产出指标", "成本指标", "项目总成本", "10", "100", "万元", "99.97"), nature: "LTE" as const },
      row("效益指标", "社会效益指标", "政策知晓率", "30", "90", "%", "95"),
      row("满意度指标", "服务对象满意度指标", "服务对象满意度", "10", "90", "%", "96"),
    ];
    const saved = await saveIndicatorsHandler(t.prisma, owner, id, p.version, { rows });
    expect(saved).toEqual({ ok: true, version: p.version + 1 });

    const variant = await t.prisma.indicatorFramework.findUniqueOrThrow({ where: { code: "CY-2020-10-S" } });
    expect(await switchFrameworkHandler(t.prisma, reviewer, id, p.version + 1, variant.id)).toMatchObject({ ok: false, reason: "forbidden" });
    const r = await switchFrameworkHandler(t.prisma, owner, id, p.version + 1, variant.id);
    expect(r).toEqual({ ok: true, version: p.version + 2, moved: 6 });
    const after = await t.prisma.indicator.findMany({ where: { projectId: id }, orderBy: { sortOrder: "asc" }, select: { level1: { select: { name: true, frameworkId: true } }, level2: { select: { name: true } } } });
    expect(after.every((i) => i.level1.frameworkId === variant.id)).toBe(true);
    expect(after.map((i) => `${i.level1.name}/${i.level2.name}`)).toContain("产出指标/成本指标");
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "project.framework.switch", entityId: id } });
    expect(audit.comment).toContain("→ 财预〔2020〕10号 自评表指标体系（效益指标含服务对象满意度）");
  });

  it("refuses a framework the year does not allow, and one where a row has no place, changing nothing", async () => {
    const id = await newProject("成本行无法放入2021版");
    const p = await levelsOf(id);
    const cost = p.at("产出指标", "成本指标");
    await saveIndicatorsHandler(t.prisma, owner, id, p.version, { rows: [{ ...emptyIndicatorRow(cost.level1Id, cost.level2Id), name: "项目总成本", nature: "LTE", targetValue: "100", unit: "万元" }] });
    const local = await t.prisma.indicatorFramework.findUniqueOrThrow({ where: { code: "GY-2020-LOCAL" } });
    const cy2021 = await t.prisma.indicatorFramework.findUniqueOrThrow({ where: { code: "CY-2021-101" } });
    expect(await switchFrameworkHandler(t.prisma, owner, id, p.version + 1, local.id)).toMatchObject({ ok: false, reason: "invalid", message: "2021年度不允许使用所选指标体系，请联系系统管理员" });
    const refused = await switchFrameworkHandler(t.prisma, owner, id, p.version + 1, cy2021.id);
    expect(refused).toMatchObject({ ok: false, reason: "invalid" });
    expect(refused.ok ? "" : refused.message).toContain("第1行“项目总成本”（产出指标/成本指标）");
    expect((await levelsOf(id)).framework.code).toBe("CY-2020-10");
  });

  it("moves a 101号 成本指标 row under 产出指标/成本指标 when switching to 财预〔2020〕10号", async () => {
    const id = await newProject("2021版转2020版");
    const cy2021 = await t.prisma.indicatorFramework.findUniqueOrThrow({ where: { code: "CY-2021-101" } });
    const p0 = await levelsOf(id);
    expect(await switchFrameworkHandler(t.prisma, owner, id, p0.version, cy2021.id)).toMatchObject({ ok: true, moved: 0 });
    const p = await levelsOf(id);
    const c = p.at("成本指标", "经济成本指标");
    await saveIndicatorsHandler(t.prisma, owner, id, p.version, { rows: [{ ...emptyIndicatorRow(c.level1Id, c.level2Id), name: "项目总成本", nature: "LTE", targetValue: "100", unit: "万元" }] });
    const back = await t.prisma.indicatorFramework.findUniqueOrThrow({ where: { code: "CY-2020-10" } });
    expect(await switchFrameworkHandler(t.prisma, owner, id, p.version + 1, back.id)).toMatchObject({ ok: true, moved: 1 });
    const ind = await t.prisma.indicator.findFirstOrThrow({ where: { projectId: id }, select: { level1: { select: { name: true } }, level2: { select: { name: true } } } });
    expect(`${ind.level1.name}/${ind.level2.name}`).toBe("产出指标/成本指标");
  });

  it("a closed year is read-only", async () => {
    const id = await newProject("关闭年度后只读");
    const p = await levelsOf(id);
    await t.prisma.fiscalYear.update({ where: { year: 2021 }, data: { status: "CLOSED" } });
    try {
      const r = await saveIndicatorsHandler(t.prisma, owner, id, p.version, { rows: [] });
      expect(r).toMatchObject({ ok: false, reason: "locked" });
      expect(r.ok ? "" : r.message).toContain("2021年度已关闭");
    } finally {
      await t.prisma.fiscalYear.update({ where: { year: 2021 }, data: { status: "OPEN" } });
    }
  });
});
