/**
 * The overall report starts with what the department-year's data says, and
 * “按最新数据重新生成” gives a fresh draft of one section to whoever may save it, only
 * while the report may be edited, and saves nothing itself.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { createProject } from "@/features/projects/mutations";
import { emptyProjectInput, projectSchema } from "@/features/projects/schema";
import { loadYearDocument } from "@/features/publication/year-document";
import { databaseForFile, actorOf } from "@/tests/integration/db";
import { createOverallReportHandler, createReportHandler, regenerateSectionHandler, saveSectionsHandler, transitionHandler } from "./handlers";
import { loadOverallDraft } from "./overall-draft-data";
import { DEPARTMENT_OVERALL_SECTIONS, OVERALL_DATA_SECTION_KEYS } from "./template";

const t = databaseForFile({ demo: true });
let owner: Actor, otherOwner: Actor, reviewer: Actor, admin: Actor;
let projectId: string;
let dy2021: string;

const yuan = (wan: string) => (Number(wan) * 10000).toFixed(2);
const sectionsOf = async (reportId: string) =>
  Object.fromEntries((await t.prisma.reportSection.findMany({ where: { reportId } })).map((s) => [s.key, s.body])) as Record<string, string>;
const versionOf = async (id: string) => (await t.prisma.report.findUniqueOrThrow({ where: { id } })).version;

beforeAll(async () => {
  const u = (username: string) => actorOf(t.prisma, username);
  [owner, reviewer, admin] = [await u("owner"), await u("reviewer"), await u("admin")];
  const d2 = await t.prisma.department.create({ data: { code: "d2", name: "其他部门", shortName: "其他" } });
  const o2 = await t.prisma.user.create({ data: { username: "owner2", name: "乙填报", role: "OWNER", departmentId: d2.id, passwordHash: "x" } });
  otherOwner = { id: o2.id, name: o2.name, role: "OWNER", departmentId: d2.id };

  // The demo's 2021 has no final accounts yet: enter a year's worth (amounts in 万元 below).
  const input = projectSchema.parse({
    ...emptyProjectInput({ competentDepartment: "市委编办", implementingUnit: "市委编办" }),
    name: "2021年机构编制统计",
    funding: {
      FISCAL: { initialBudget: "18", annualBudget: "18", executed: "16.5" },
      CARRYOVER: { initialBudget: "", annualBudget: "", executed: "" },
      OTHER: { initialBudget: "", annualBudget: "", executed: "" },
    },
  });
  const created = await createProject(t.prisma, owner, 2021, input);
  if (!created.ok) throw new Error(created.message);
  projectId = created.id;
  const dy = await t.prisma.departmentYear.update({
    where: { departmentId_year: { departmentId: owner.departmentId!, year: 2021 } },
    data: {
      staffAuthorizedTotal: 28,
      staffAuthorizedAdministrative: 16,
      staffAuthorizedInstitution: 10,
      staffAuthorizedLogistics: 2,
      staffActualTotal: 25,
      staffActualAdministrative: 15,
      staffActualInstitution: 8,
      staffActualLogistics: 2,
      staffRetired: 2,
      incomeLines: {
        create: [
          { source: "GENERAL_BUDGET", amount: yuan("450") },
          { source: "OTHER", amount: yuan("1.2345") },
        ],
      },
      expenditureLines: {
        create: [
          { functionCode: "2011001", budget: yuan("310"), basic: yuan("300"), project: 0, sortOrder: 1 },
          { functionCode: "2011002", budget: yuan("50"), basic: 0, project: yuan("50"), sortOrder: 2 },
          // No budget entered for this one: the completion covers the two lines above only.
          { functionCode: "2080505", budget: null, basic: yuan("30"), project: 0, sortOrder: 3 },
        ],
      },
    },
  });
  dy2021 = dy.id;
});

const EXPECTED_2021 = {
  "1.1": "市委编办下属事业单位2个，其中市事业单位登记服务中心为参照公务员法管理的事业单位，市机构编制信息中心为其他事业单位。无二级预算单位。",
  "1.3": "市委编办总编制28名，其中行政编制16名，事业编制10名，工勤编制2名。在职人员总数25人，其中行政人员15人，事业人员8人，工勤人员2人；退休人员2人。",
  // 450 + 1.2345 = 451.2345 → 451.23; 450 / 451.2345 = 99.73%, 1.2345 / 451.2345 = 0.27%.
  "2.1": "2021年本年收入合计451.23万元，其中：一般公共预算财政拨款收入450.00万元，占99.73%；其他收入1.23万元，占0.27%。",
  // 330 + 50 = 380; 350 / 380 = 92.11%, 30 / 380 = 7.89%; budgeted 310 + 50 = 360 for 300 + 50 = 350: 97.22%; 16.5 / 18 = 91.67%.
  "2.2": [
    "2021年本年支出合计380.00万元，其中：基本支出330.00万元，占86.84%；项目支出50.00万元，占13.16%。",
    "按支出功能分类：一般公共服务（类）支出350.00万元，占92.11%；社会保障和就业（类）支出30.00万元，占7.89%。",
    "已填报预算数的支出科目2个，预算数合计360.00万元，支出决算数350.00万元，完成预算97.22%。",
    "本年度实施项目1个，全年预算数合计18.00万元，全年执行数合计16.50万元，预算执行率91.67%。",
  ].join("\n"),
};

describe("creating the overall report", () => {
  let reportId: string;

  it("fills the data sections from the year's data, leaves the narrative ones empty, and audits what it drafted", async () => {
    const created = await createOverallReportHandler(t.prisma, owner, 2021);
    if (!created.ok) throw new Error(created.message);
    reportId = created.id;
    const bodies = await sectionsOf(reportId);
    for (const key of OVERALL_DATA_SECTION_KEYS) expect(bodies[key], key).toBe(EXPECTED_2021[key]);
    for (const s of DEPARTMENT_OVERALL_SECTIONS.filter((d) => !(OVERALL_DATA_SECTION_KEYS as readonly string[]).includes(d.key))) expect(bodies[s.key], s.key).toBe("");
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { entityType: "Report", entityId: reportId, action: "report.create" } });
    expect(audit.actorId).toBe(owner.id);
    expect(audit.data).toEqual({ draftedFromData: ["1.1", "1.3", "2.1", "2.2"] });
  });

  it("the 2020 draft agrees with the published year document's figures (both computed from the same lines)", async () => {
    const dy = await t.prisma.departmentYear.findFirstOrThrow({ where: { year: 2020, department: { code: "gy-swbb" } } });
    const draft = await loadOverallDraft(t.prisma, dy.id);
    const doc = await loadYearDocument(t.prisma, { departmentCode: "gy-swbb", year: 2020 });
    if (!doc) throw new Error("no 2020 year document");
    expect(draft["2.1"]).toContain(`本年收入合计${doc.totals.income.amount}万元`);
    const { expenditure, basic, project, generalBudget } = doc.totals;
    expect(draft["2.2"]).toContain(`本年支出合计${expenditure.amount}万元，其中：基本支出${basic.amount}万元，占${basic.share}%；项目支出${project.amount}万元，占${project.share}%。`);
    for (const c of doc.byClass) expect(draft["2.2"]).toContain(`${c.amount}万元，占${c.share}%`);
    expect(draft["2.2"]).toContain(`全年预算数${generalBudget.budget}万元，支出决算数${generalBudget.amount}万元，完成预算${generalBudget.completion}%。`);
    expect(draft["1.3"]).toContain(`总编制${doc.staffing.authorized.total}名`);
  });

  describe("按最新数据重新生成", () => {
    const regenerate = (actor: Actor | null, key = "2.1", id = reportId) => regenerateSectionHandler(t.prisma, actor, id, { sectionKey: key });

    it("gives the owner the section as the data says it now, and saves nothing", async () => {
      const before = { bodies: await sectionsOf(reportId), version: await versionOf(reportId) };
      await t.prisma.incomeLine.update({ where: { departmentYearId_source: { departmentYearId: dy2021, source: "OTHER" } }, data: { amount: yuan("50") } });
      const r = await regenerate(owner);
      // 450 + 50 = 500: 90.00% and 10.00%.
      expect(r).toEqual({ ok: true, body: "2021年本年收入合计500.00万元，其中：一般公共预算财政拨款收入450.00万元，占90.00%；其他收入50.00万元，占10.00%。" });
      expect(await regenerate(owner, "1.1")).toEqual({ ok: true, body: EXPECTED_2021["1.1"] });
      expect(await sectionsOf(reportId)).toEqual(before.bodies);
      expect(await versionOf(reportId)).toBe(before.version);
    });

    it("is refused to the reviewer, the admin, the anonymous and another department's owner", async () => {
      expect(await regenerate(reviewer)).toMatchObject({ ok: false, reason: "forbidden" });
      expect(await regenerate(admin)).toMatchObject({ ok: false, reason: "forbidden" });
      expect(await regenerate(null)).toMatchObject({ ok: false, reason: "unauthenticated" });
      expect(await regenerate(otherOwner)).toMatchObject({ ok: false, reason: "not_found" });
      expect(await regenerate(owner, "2.1", "no-such-report")).toMatchObject({ ok: false, reason: "not_found" });
    });

    it("only for the data sections of an overall report", async () => {
      expect(await regenerate(owner, "1.2")).toMatchObject({ ok: false, reason: "invalid" });
      expect(await regenerate(owner, "4.1")).toMatchObject({ ok: false, reason: "invalid" });
      const selfEvaluation = await createReportHandler(t.prisma, owner, projectId);
      if (!selfEvaluation.ok) throw new Error(selfEvaluation.message);
      expect(await regenerate(owner, "2.1", selfEvaluation.id)).toMatchObject({ ok: false, reason: "invalid" });
    });

    it("is refused once the report is submitted (and again after it is returned, allowed)", async () => {
      const sections = DEPARTMENT_OVERALL_SECTIONS.filter((s) => !s.group).map((s) => ({ key: s.key, body: `${s.heading}：已填写。` }));
      expect((await saveSectionsHandler(t.prisma, owner, reportId, await versionOf(reportId), { sections })).ok).toBe(true);
      expect((await transitionHandler(t.prisma, owner, reportId, await versionOf(reportId), { action: "submit", comment: "" })).ok).toBe(true);
      expect(await regenerate(owner)).toMatchObject({ ok: false, reason: "locked" });
      expect((await transitionHandler(t.prisma, reviewer, reportId, await versionOf(reportId), { action: "return", comment: "请按最新数据更新收入情况" })).ok).toBe(true);
      expect(await regenerate(owner)).toMatchObject({ ok: true });
      // The owner's saved words are still there: regenerating never wrote them over.
      expect((await sectionsOf(reportId))["2.1"]).toBe("（一）部门财政资金收入情况：已填写。");
    });
  });
});
