/**
 * The year document's 决算情况说明 drafted from the final accounts in the database:
 * the demo's 2020 accounts are what the unit tests assume; “按最新数据重新生成” gives a
 * section's draft to whoever may save the year document's sections, only while it
 * may be edited, and saves nothing; a draft's 【请填写】 blocks submission.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { createOverallReportHandler, regenerateSectionHandler, saveSectionsHandler, transitionHandler } from "@/features/reports/handlers";
import { FILL_IN } from "@/lib/report-sections";
import { FINAL_ACCOUNTS_DATA_SECTION_KEYS, finalAccountsSections } from "./template";
import { databaseForFile, actorOf } from "@/tests/integration/db";
import { computeFinalAccounts } from "./computed";
import { saveFinalAccountsHandler, startFinalAccountsHandler } from "./handlers";
import { draftFinalAccountsNarrative } from "./narrative-draft";
import { loadFinalAccountsDraft, loadNarrativeDraftInput } from "./narrative-draft-data";
import { INCOME_SOURCES, PRIOR_KEYS, type FinalAccountsInput } from "./schema";
import { SEED_2020_CODES, SEED_2020_VALUES } from "./seed-2020-values.fixture";

const t = databaseForFile({ demo: true });
let owner: Actor, otherOwner: Actor, reviewer: Actor, admin: Actor;
let departmentId: string;
let reportId: string;
let dy2021: string;

const sectionsOf = async (id: string) => Object.fromEntries((await t.prisma.reportSection.findMany({ where: { reportId: id } })).map((s) => [s.key, s.body])) as Record<string, string>;
const versionOf = async (id: string) => (await t.prisma.report.findUniqueOrThrow({ where: { id } })).version;
const regenerate = (actor: Actor | null, key: string, id = reportId) => regenerateSectionHandler(t.prisma, actor, id, { sectionKey: key });
const bodyOf = async (key: string) => {
  const r = await regenerate(owner, key);
  if (!r.ok) throw new Error(r.message);
  return r.body;
};

/** 2021 accounts whose parts add up: 5 + 100 = 98 + 7; basic 60 + 10 = 70 (万元). */
const values2021: FinalAccountsInput = {
  ...structuredClone(SEED_2020_VALUES),
  balances: { opening: "5", closing: "7" },
  income: { ...(Object.fromEntries(INCOME_SOURCES.map((s) => [s, ""])) as FinalAccountsInput["income"]), GENERAL_BUDGET: "100" },
  lines: [
    { functionCode: "2011001", budget: "80", basic: "70", project: "0", reason: "人员减少" },
    { functionCode: "2011002", budget: "28", basic: "0", project: "28", reason: "" },
  ],
  basic: { personnel: "60", publicUse: "10", personnelItems: "基本工资、津贴补贴", publicUseItems: "办公费" },
  threePublicBudget: "",
  other: { ...SEED_2020_VALUES.other, operatingExpenses: "10", procurementGoods: "3", procurementServices: "1", procurementSme: "2" },
  // Not entered: the comparisons use the 2020 figures.
  prior: Object.fromEntries(PRIOR_KEYS.map((k) => [k, ""])) as FinalAccountsInput["prior"],
  glossary: [],
  explanations: {},
};

beforeAll(async () => {
  const u = (username: string) => actorOf(t.prisma, username);
  [owner, reviewer, admin] = [await u("owner"), await u("reviewer"), await u("admin")];
  departmentId = owner.departmentId!;
  const d2 = await t.prisma.department.create({ data: { code: "d2", name: "其他部门", shortName: "其他" } });
  const o2 = await t.prisma.user.create({ data: { username: "owner2", name: "乙填报", role: "OWNER", departmentId: d2.id, passwordHash: "x" } });
  otherOwner = { id: o2.id, name: o2.name, role: "OWNER", departmentId: d2.id };

  const started = await startFinalAccountsHandler(t.prisma, owner, departmentId, 2021);
  if (!started.ok) throw new Error(started.message);
  reportId = started.reportId;
  dy2021 = started.departmentYearId;
  const version = (await t.prisma.departmentYear.findUniqueOrThrow({ where: { id: dy2021 } })).version;
  const saved = await saveFinalAccountsHandler(t.prisma, owner, dy2021, version, values2021);
  if (!saved.ok) throw new Error(saved.message);
});

describe("the demo's 2020 accounts", () => {
  it("are the unit tests' fixture, and draft the same text from the database", async () => {
    const dy = await t.prisma.departmentYear.findFirstOrThrow({ where: { year: 2020, department: { code: "gy-swbb" } } });
    const input = await loadNarrativeDraftInput(t.prisma, dy.id);
    expect(input.year).toBe(2020);
    expect(input.shortName).toBe("市委编办");
    expect(input.values.glossary.length).toBeGreaterThan(0);
    expect({ ...input.values, glossary: [] }).toEqual(SEED_2020_VALUES);
    for (const c of SEED_2020_CODES) expect(input.codes).toContainEqual(c);
    const fromFixture = draftFinalAccountsNarrative({ year: 2020, shortName: "市委编办", values: SEED_2020_VALUES, computed: computeFinalAccounts(SEED_2020_VALUES, SEED_2020_CODES), codes: SEED_2020_CODES });
    expect(await loadFinalAccountsDraft(t.prisma, dy.id)).toEqual(fromFixture);
  });

  it("their published year document is not regenerated", async () => {
    const published = await t.prisma.report.findFirstOrThrow({ where: { kind: "FINAL_ACCOUNTS", year: 2020, departmentId } });
    expect(await regenerate(owner, "finalAccounts.income", published.id)).toMatchObject({ ok: false, reason: "locked" });
  });
});

describe("按最新数据重新生成 in the 2021 year document", () => {
  it("gives the owner the section as the accounts say it now, and saves nothing", async () => {
    const before = { bodies: await sectionsOf(reportId), version: await versionOf(reportId) };
    expect(await bodyOf("finalAccounts.income")).toBe("2021年本年收入合计100.00万元，其中：一般公共预算财政拨款收入100.00万元，占100.00%。");
    // 5 + 100 = 105 against 2020's 426.81: −321.81, 75.40%. No reason in the data.
    expect(await bodyOf("finalAccounts.overview")).toBe(`2021年度收、支总计105.00万元。与2020年相比，收、支总计各减少321.81万元，下降75.40%。主要变动原因是${FILL_IN}。`);
    // 98 of 108 = 90.74%; 70 of 80 = 87.50% with the line's reason; 28 of 28.
    expect(await bodyOf("finalAccounts.generalBudget.detail")).toBe(
      [
        "2021年一般公共预算支出决算数为98.00万元，完成预算90.74%。其中：",
        "1.一般公共服务（类）人力资源事务（款）行政运行（项）：支出决算为70.00万元，完成预算87.50%，决算数小于预算数的主要原因是人员减少。",
        "2.一般公共服务（类）人力资源事务（款）一般行政管理事务（项）：支出决算为28.00万元，完成预算100.00%。",
      ].join("\n"),
    );
    expect(await sectionsOf(reportId)).toEqual(before.bodies);
    expect(await versionOf(reportId)).toBe(before.version);
  });

  it("follows the accounts: a corrected figure gives a corrected draft", async () => {
    const v = structuredClone(values2021);
    v.income.GENERAL_BUDGET = "90";
    v.income.OTHER = "10";
    const version = (await t.prisma.departmentYear.findUniqueOrThrow({ where: { id: dy2021 } })).version;
    expect((await saveFinalAccountsHandler(t.prisma, owner, dy2021, version, v)).ok).toBe(true);
    expect(await bodyOf("finalAccounts.income")).toBe("2021年本年收入合计100.00万元，其中：一般公共预算财政拨款收入90.00万元，占90.00%；其他收入10.00万元，占10.00%。");
    expect((await saveFinalAccountsHandler(t.prisma, owner, dy2021, version + 1, values2021)).ok).toBe(true);
  });

  it("is refused to the reviewer, the admin, the anonymous and another department's owner (as saving sections is)", async () => {
    const key = "finalAccounts.income";
    expect(await regenerate(reviewer, key)).toMatchObject({ ok: false, reason: "forbidden" });
    expect(await regenerate(admin, key)).toMatchObject({ ok: false, reason: "forbidden" });
    expect(await regenerate(null, key)).toMatchObject({ ok: false, reason: "unauthenticated" });
    expect(await regenerate(otherOwner, key)).toMatchObject({ ok: false, reason: "not_found" });
    expect(await regenerate(owner, key, "no-such-report")).toMatchObject({ ok: false, reason: "not_found" });
    // The same refusals for saving the section.
    const save = (actor: Actor) => saveSectionsHandler(t.prisma, actor, reportId, 1, { sections: [{ key, body: "x" }] });
    expect(await save(reviewer)).toMatchObject({ ok: false, reason: "forbidden" });
    expect(await save(admin)).toMatchObject({ ok: false, reason: "forbidden" });
    expect(await save(otherOwner)).toMatchObject({ ok: false, reason: "not_found" });
  });

  it("only for the data sections of the report's own kind", async () => {
    expect(await regenerate(owner, "profile.duties")).toMatchObject({ ok: false, reason: "invalid" });
    expect(await regenerate(owner, "finalAccounts.otherMatters.performanceManagement")).toMatchObject({ ok: false, reason: "invalid" });
    // An overall report's data section is not one of the year document's, and the other way round.
    expect(await regenerate(owner, "2.1")).toMatchObject({ ok: false, reason: "invalid", message: "本节不是按数据生成的章节" });
    const overall = await createOverallReportHandler(t.prisma, owner, 2021);
    if (!overall.ok) throw new Error(overall.message);
    expect(await regenerate(owner, "finalAccounts.income", overall.id)).toMatchObject({ ok: false, reason: "invalid" });
    expect(await regenerate(owner, "2.1", overall.id)).toMatchObject({ ok: true });
  });

  it("a draft's placeholder blocks submission; filled in, the year document goes to review and regenerating is locked", async () => {
    const drafts: Record<string, string> = {};
    for (const k of FINAL_ACCOUNTS_DATA_SECTION_KEYS) drafts[k] = await bodyOf(k);
    const sections = finalAccountsSections(2021)
      .filter((s) => !s.group)
      .map((s) => ({ key: s.key, body: drafts[s.key] || `${s.heading}已填写。` }));
    expect((await saveSectionsHandler(t.prisma, owner, reportId, await versionOf(reportId), { sections })).ok).toBe(true);

    const blocked = await transitionHandler(t.prisma, owner, reportId, await versionOf(reportId), { action: "submit", comment: "" });
    expect(blocked).toMatchObject({ ok: false, reason: "blocked" });
    // Only the placeholders block (the accounts add up, every section has text): the comparisons
    // with 2020 (105 / 426.81, 100 / 426.32, 98 / 421.84, 10 / 30.14) need the department's reasons.
    expect(!blocked.ok && "blocking" in blocked && blocked.blocking.map((b) => [b.code, b.sectionKey])).toEqual([
      ["SECTION_PLACEHOLDER", "finalAccounts.overview"],
      ["SECTION_PLACEHOLDER", "finalAccounts.fiscalAppropriation"],
      ["SECTION_PLACEHOLDER", "finalAccounts.generalBudget.overall"],
      ["SECTION_PLACEHOLDER", "finalAccounts.otherMatters.operatingExpenses"],
    ]);
    expect(await t.prisma.report.findUniqueOrThrow({ where: { id: reportId } })).toMatchObject({ status: "DRAFT" });

    const filled = sections.map((s) => ({ ...s, body: s.body.replace(FILL_IN, "压减一般性支出") }));
    expect(filled.find((s) => s.key === "finalAccounts.otherMatters.operatingExpenses")!.body).toBe(
      "2021年，市委编办机关运行经费支出10.00万元，比2020年减少20.14万元，下降66.82%。主要原因是压减一般性支出。",
    );
    expect((await saveSectionsHandler(t.prisma, owner, reportId, await versionOf(reportId), { sections: filled })).ok).toBe(true);
    expect(await transitionHandler(t.prisma, owner, reportId, await versionOf(reportId), { action: "submit", comment: "" })).toMatchObject({ ok: true, status: "SUBMITTED" });

    expect(await regenerate(owner, "finalAccounts.income")).toMatchObject({ ok: false, reason: "locked" });
    expect((await transitionHandler(t.prisma, reviewer, reportId, await versionOf(reportId), { action: "return", comment: "请核对收入情况" })).ok).toBe(true);
    expect(await regenerate(owner, "finalAccounts.income")).toMatchObject({ ok: true });
    // Regenerating never wrote over the saved words.
    expect((await sectionsOf(reportId))["finalAccounts.overview"]).toContain("主要变动原因是压减一般性支出。");
  });
});
