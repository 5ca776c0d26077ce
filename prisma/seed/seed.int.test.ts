/**
 * The demo data is the seed document. Its figures and table rows are checked here
 * against the database twice over: literal values copied by hand from the printed
 * document, and every indicator row of 项目绩效目标完成情况表 1–5 against the fixture.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { databaseForFile, freshDatabase } from "@/tests/integration/db";
import { DEMO_ACCOUNTS, DEMO_DEPARTMENT_CODE } from "./accounts";
import { guangyuan2020 } from "./guangyuan-2020";
import { seedDemoData } from "./run";

const t = databaseForFile();
const y = (v: { toString(): string } | null | undefined) => (v == null ? null : Number(v.toString()));

beforeAll(async () => {
  const first = await seedDemoData(t.prisma);
  expect(first.loaded).toBe(true);
});

async function demoYear(year: number) {
  return t.prisma.departmentYear.findFirstOrThrow({ where: { year, department: { code: DEMO_DEPARTMENT_CODE } } });
}

/** The demo department's stored final-accounts figures of a year, by key, in 元. */
async function figureAmounts(year: number) {
  const dy = await demoYear(year);
  return Object.fromEntries((await t.prisma.finalAccountFigure.findMany({ where: { departmentYearId: dy.id } })).map((f) => [f.key, y(f.amount)]));
}

describe("demo data = the seed document", () => {
  it("holds the department, its two sub-units and its staffing", async () => {
    const d = await t.prisma.department.findUniqueOrThrow({ where: { code: DEMO_DEPARTMENT_CODE }, include: { subUnits: { orderBy: { sortOrder: "asc" } } } });
    expect(d.name).toBe("中共广元市委机构编制委员会办公室");
    expect(d.shortName).toBe("市委编办");
    expect(d.subUnits.map((u) => [u.name, u.unitKind, u.isBudgetUnit])).toEqual([
      ["市事业单位登记服务中心", "CIVIL_SERVANT_MANAGED", false],
      ["市机构编制信息中心", "PUBLIC_INSTITUTION", false],
    ]);
    const dy = await demoYear(2020);
    expect([dy.staffAuthorizedTotal, dy.staffAuthorizedAdministrative, dy.staffAuthorizedInstitution, dy.staffAuthorizedLogistics]).toEqual([27, 15, 10, 2]);
    expect([dy.staffActualTotal, dy.staffActualAdministrative, dy.staffActualInstitution, dy.staffActualLogistics, dy.staffRetired]).toEqual([24, 14, 8, 2, 1]);
  });

  it("holds the five projects with budget and execution by fund source (元)", async () => {
    const projects = await t.prisma.project.findMany({
      where: { department: { code: DEMO_DEPARTMENT_CODE }, year: 2020 },
      orderBy: { sortOrder: "asc" },
      include: { funding: true, allocations: { orderBy: { sortOrder: "asc" } } },
    });
    const row = (p: (typeof projects)[number], source: "FISCAL" | "OTHER") => {
      const f = p.funding.find((x) => x.source === source);
      return [y(f?.annualBudget), y(f?.executed)];
    };
    expect(projects.map((p) => [p.name, ...row(p, "FISCAL"), ...row(p, "OTHER"), p.implementingUnit])).toEqual([
      ["全市综合执法改革", 180000, 180000, 0, 0, "市委编办"],
      ["全市事业单位改革", 180000, 180000, 0, 0, "市委编办"],
      ["全市教职工编制调整工作", 92000, 92000, 0, 0, "市委编办"],
      ["行政权力和责任清单动态调整", 90000, 90000, 0, 0, "市委编办"],
      ["全市机构编制统计工作", 146500, 146500, 0, 0, "市委编办"],
    ]);
    // 资金分配 of 附件2 report 1: 会务费3 + 培训费2 + 文件资料费8.3 + 调研差旅费4.7 = 18 万元
    expect(projects[0]?.allocations.map((a) => y(a.amount))).toEqual([30000, 20000, 83000, 47000]);
    for (const p of projects) {
      const allocated = p.allocations.reduce((s, a) => s + Number(a.amount.toString()), 0);
      expect(allocated, p.name).toBe(y(p.funding.find((f) => f.source === "FISCAL")?.annualBudget));
    }
    expect(projects[2]?.goalExpected.startsWith("按照省委编委的统一安排，完成全市每三年一次的教职工编制动态调整工作。")).toBe(true);
  });

  it("holds every indicator row of 项目绩效目标完成情况表 1–5 exactly as printed", async () => {
    const projects = await t.prisma.project.findMany({
      where: { department: { code: DEMO_DEPARTMENT_CODE }, year: 2020 },
      orderBy: { sortOrder: "asc" },
      include: { indicators: { orderBy: { sortOrder: "asc" }, include: { level1: true, level2: true } } },
    });
    expect(projects.map((p) => p.indicators.length)).toEqual([6, 4, 4, 4, 4]);
    const stored = projects.map((p) => p.indicators.map((i) => [i.level1.name, i.level2.name, i.name, i.targetText, i.actualText]));
    const printed = guangyuan2020.projects.map((p) => p.indicators.map((r) => [r.level1, r.level2, r.level3, r.expectedValue, r.actualValue]));
    expect(stored).toEqual(printed);
    // Spot checks typed from the printed document.
    expect(stored[0]?.[0]).toEqual(["项目完成指标", "时效指标", "制定出台全市机构改革相关政策性文件，", "2020年1月底完成", "按规定时间完成"]);
    expect(stored[2]?.[0]?.slice(0, 3)).toEqual(["项目完成指标", "质量指标", "落实机构编制总量控制规"]);
    expect(stored[4]?.[3]).toEqual([
      "满意度指标",
      "满意度指标",
      "为优化调整职责体系、综合行政执法改革、乡镇区划调整改革等决策提供数据支撑。",
      "为领导决策和发展广元机构编制提供了决策性数据和依据",
      "数据及时准确上报",
    ]);
    expect(projects.every((p) => p.indicators.every((i) => i.nature === "QUALITATIVE"))).toBe(true);
  });

  it("holds the final-account figures, with 2019 for comparison", async () => {
    const dy = await demoYear(2020);
    const figures = await figureAmounts(2020);
    expect(figures).toMatchObject({
      "total.incomeExpenditure": 4268100,
      "total.income": 4263200,
      "total.expenditure": 4218500,
      "expenditure.basic": 3493400,
      "expenditure.project": 725100,
      "fiscal.total": 4263200,
      "generalBudget.expenditure": 4218400,
      "basic.personnel": 3191900,
      "basic.publicUse": 301400,
      "threePublic.total": 31800,
      "operatingExpenses": 301400,
      "procurement.goods": 4500,
      "procurement.sme": 4500,
    });
    const lines = await t.prisma.expenditureLine.findMany({ where: { departmentYearId: dy.id }, orderBy: { sortOrder: "asc" } });
    expect(lines.map((l) => [l.functionCode, Number(l.basic.toString()) + Number(l.project.toString())])).toEqual([
      ["2011001", 2843100],
      ["2011002", 725100],
      ["2080505", 259700],
      ["2101101", 129700],
      ["2210201", 260700],
    ]);
    const reception = await t.prisma.threePublicLine.findFirstOrThrow({ where: { departmentYearId: dy.id, kind: "RECEPTION_DOMESTIC" } });
    expect([y(reception.amount), reception.batches, reception.persons]).toEqual([2600, 3, 24]);
    expect(await t.prisma.glossaryTerm.count({ where: { departmentYearId: dy.id } })).toBe(13);

    const priorFigures = await figureAmounts(2019);
    // 426.81 + 43.45, 426.32 + 33.16, 421.84 + 30.09, 30.14 + 9.15 (万元)
    expect(priorFigures).toMatchObject({
      "total.incomeExpenditure": 4702600,
      "fiscal.total": 4594800,
      "generalBudget.expenditure": 4519300,
      operatingExpenses: 392900,
    });
  });

  it("holds the published reports: the year document, the overall report and five self-evaluations", async () => {
    const reports = await t.prisma.report.findMany({ include: { sections: true, publications: true } });
    expect(reports.map((r) => r.kind).sort()).toEqual([
      "DEPARTMENT_OVERALL",
      "FINAL_ACCOUNTS",
      ...Array(5).fill("PROJECT_SELF_EVALUATION"),
    ]);
    expect(reports.every((r) => r.status === "PUBLISHED" && r.publications.length === 1)).toBe(true);
    const overall = reports.find((r) => r.kind === "DEPARTMENT_OVERALL");
    expect(overall?.sections.some((s) => s.body.includes("财务制度执行力有待加强，资金使用计划有待细化。"))).toBe(true);
    const selfEvals = reports.filter((r) => r.kind === "PROJECT_SELF_EVALUATION");
    expect(selfEvals.every((r) => r.sections.some((s) => s.key === "5.2"))).toBe(true);
  });

  it("creates one demo account per role", async () => {
    const users = await t.prisma.user.findMany({ orderBy: { username: "asc" } });
    expect(users.map((u) => [u.username, u.role])).toEqual(DEMO_ACCOUNTS.map((a) => [a.username, a.role]).sort());
  });
});

describe("loading again", () => {
  it("neither duplicates nor overwrites anything", async () => {
    const project = await t.prisma.project.findFirstOrThrow({ where: { name: "全市事业单位改革" } });
    await t.prisma.project.update({ where: { id: project.id }, data: { goalActual: "用户修改过的内容" } });
    const counts = async () =>
      Promise.all([
        t.prisma.department.count(),
        t.prisma.project.count(),
        t.prisma.indicator.count(),
        t.prisma.user.count(),
        t.prisma.report.count(),
        t.prisma.finalAccountFigure.count(),
        t.prisma.frameworkLevel2.count(),
        t.prisma.functionClass.count(),
      ]);
    const before = await counts();
    const again = await seedDemoData(t.prisma);
    expect(again.loaded).toBe(false);
    expect(await counts()).toEqual(before);
    expect((await t.prisma.project.findUniqueOrThrow({ where: { id: project.id } })).goalActual).toBe("用户修改过的内容");
  });

  it("is safe when two instances start at once", async () => {
    const other = await freshDatabase();
    try {
      const results = await Promise.all([seedDemoData(other.prisma), seedDemoData(other.prisma)]);
      expect(results.filter((r) => r.loaded)).toHaveLength(1);
      expect(await other.prisma.project.count()).toBe(5);
    } finally {
      await other.drop();
    }
  });
});
