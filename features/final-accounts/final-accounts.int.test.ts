/**
 * Final accounts against a real PostgreSQL: the seed's 2020 accounts load into the
 * editor and save back unchanged; who may save when; bad input changes nothing; the
 * "parts add up" check blocks submission of the year document until fixed or
 * explained; an admin's correction goes through review and republishes.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import type { YearDocument } from "@/features/publication/year-document";
import { transitionHandler } from "@/features/reports/handlers";
import type { TransitionAction } from "@/features/reports/workflow";
import { databaseForFile, actorOf } from "@/tests/integration/db";
import { toFormValues } from "./convert";
import { saveFinalAccountsHandler, startFinalAccountsHandler } from "./handlers";
import { checkStoredFinalAccounts, checkYearDocument, loadStoredFinalAccounts } from "./load";
import type { FinalAccountsInput } from "./schema";

const t = databaseForFile({ demo: true });
let owner: Actor, reviewer: Actor, admin: Actor, otherOwner: Actor;
let dyId: string;

const dyVersion = async () => (await t.prisma.departmentYear.findUniqueOrThrow({ where: { id: dyId } })).version;
const values = async (): Promise<FinalAccountsInput> => toFormValues((await loadStoredFinalAccounts(t.prisma, dyId))!);
const yearReport = () => t.prisma.report.findFirstOrThrow({ where: { kind: "FINAL_ACCOUNTS", departmentYearId: dyId } });
const act = async (actor: Actor, action: TransitionAction, comment = "") => {
  const r = await yearReport();
  return transitionHandler(t.prisma, actor, r.id, r.version, { action, comment });
};

beforeAll(async () => {
  const u = (username: string) => actorOf(t.prisma, username);
  [owner, reviewer, admin] = [await u("owner"), await u("reviewer"), await u("admin")];
  const other = await t.prisma.department.create({ data: { code: "other-dept", name: "其他部门", shortName: "其他部门", region: "广元市" } });
  otherOwner = { id: "x", name: "他人", role: "OWNER", departmentId: other.id };
  dyId = (await t.prisma.departmentYear.findFirstOrThrow({ where: { year: 2020, department: { code: "gy-swbb" } } })).id;
});

describe("the seed's 2020 final accounts", () => {
  it("load into the editor with the seed's figures", async () => {
    const v = await values();
    expect(v.income.GENERAL_BUDGET).toBe("426.32");
    expect(v.lines[0]).toMatchObject({ functionCode: "2011001", basic: "284.31", project: "0" });
    expect(v.basic.personnel).toBe("319.19");
    expect(v.prior.generalBudget).toBe("451.93");
    expect(v.threePublic.RECEPTION_DOMESTIC.amount).toBe("0.26");
    expect(v.glossary.length).toBeGreaterThan(0);
  });

  it("check names the seed's own inconsistencies (they are verifiable: fix or explain)", async () => {
    const check = await checkStoredFinalAccounts(t.prisma, dyId);
    expect(check!.blocking.map((b) => b.code)).toEqual(["BALANCE", "BASIC_SPLIT", "PROJECTS"]);
    expect(check!.blocking[1]!.message).toBe("人员经费 + 日常公用经费 = 349.33万元，与各科目基本支出合计349.32万元不一致");
    expect(check!.blocking.every((b) => b.explainable)).toBe(true);
  });

  it("the year document's check adds, as warnings, the text that disagrees with the figures", async () => {
    const check = await checkYearDocument(t.prisma, dyId);
    expect(check.blocking.map((b) => b.code)).toEqual(["BALANCE", "BASIC_SPLIT", "PROJECTS"]);
    expect(check.warnings.map((w) => w.message)).toContain(
      "“（一）一般公共预算财政拨款支出决算总体情况”写“减少30.09万元”，按决算数据计算为减少30.10万元（一般公共预算财政拨款支出比上年变动）",
    );
    expect(check.warnings.every((w) => w.code === "NARRATIVE_MISMATCH" && w.sectionKey)).toBe(true);
  });
});

describe("saving", () => {
  it("is refused while the year document is published, and by the wrong people", async () => {
    const v = await values();
    const version = await dyVersion();
    expect(await saveFinalAccountsHandler(t.prisma, null, dyId, version, v)).toMatchObject({ ok: false, reason: "unauthenticated" });
    expect(await saveFinalAccountsHandler(t.prisma, reviewer, dyId, version, v)).toMatchObject({ ok: false, reason: "forbidden" });
    expect(await saveFinalAccountsHandler(t.prisma, otherOwner, dyId, version, v)).toMatchObject({ ok: false, reason: "not_found" });
    expect(await saveFinalAccountsHandler(t.prisma, owner, dyId, version, v)).toMatchObject({ ok: false, reason: "locked" });
    expect(await saveFinalAccountsHandler(t.prisma, admin, dyId, version, v)).toMatchObject({ ok: false, reason: "locked" });
    expect(await dyVersion()).toBe(version);
  });

  it("after a reopen, saving the loaded values changes nothing the public sees", async () => {
    expect((await act(admin, "reopen", "更正行政运行决算数")).ok).toBe(true);
    const { loadYearDocument } = await import("@/features/publication/year-document");
    const before = await loadYearDocument(t.prisma, { departmentCode: "gy-swbb", year: 2020 });
    const r = await saveFinalAccountsHandler(t.prisma, admin, dyId, await dyVersion(), await values());
    expect(r).toMatchObject({ ok: true, changes: 0 });
    const after = await loadYearDocument(t.prisma, { departmentCode: "gy-swbb", year: 2020 });
    expect(before?.expenditureLines).toHaveLength(5);
    expect(before?.glossary.length).toBeGreaterThan(0);
    const publicPart = (d: YearDocument | null) => ({ ...d, figures: undefined, versionNo: undefined });
    expect(publicPart(after)).toEqual(publicPart(before));
  });

  it("refuses bad input with field errors and changes nothing", async () => {
    const version = await dyVersion();
    const v = await values();
    const bad = { ...v, lines: v.lines.map((l, i) => (i === 0 ? { ...l, basic: "abc" } : l)) };
    const r1 = await saveFinalAccountsHandler(t.prisma, admin, dyId, version, bad);
    expect(r1).toMatchObject({ ok: false, reason: "invalid" });
    expect(!r1.ok && r1.fieldErrors?.[0]).toMatchObject({ path: "lines.0.basic", message: "请输入金额（万元），如 12.34；“-”表示0" });

    const unknown = { ...v, lines: v.lines.map((l, i) => (i === 0 ? { ...l, functionCode: "2999999" } : l)) };
    const r2 = await saveFinalAccountsHandler(t.prisma, admin, dyId, version, unknown);
    expect(!r2.ok && r2.fieldErrors?.[0]?.path).toBe("lines.0.functionCode");

    const duplicate = { ...v, lines: [...v.lines, v.lines[0]!] };
    const r3 = await saveFinalAccountsHandler(t.prisma, admin, dyId, version, duplicate);
    expect(!r3.ok && r3.fieldErrors?.[0]?.message).toBe("与第1行的科目重复");

    expect(await saveFinalAccountsHandler(t.prisma, admin, dyId, version - 1, v)).toMatchObject({ ok: false, reason: "stale" });
    expect(await dyVersion()).toBe(version);
    expect((await values()).lines[0]!.basic).toBe("284.31");
  });

  it("two concurrent saves of the same version: exactly one wins", async () => {
    const version = await dyVersion();
    const v = await values();
    const results = await Promise.all([admin, owner].map((who) => saveFinalAccountsHandler(t.prisma, who, dyId, version, v)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === "stale")).toHaveLength(1);
    expect(await dyVersion()).toBe(version + 1);
  });
});

describe("correcting and republishing the year document", () => {
  it("submission is blocked until the parts add up or are explained", async () => {
    const blocked = await act(owner, "submit");
    expect(blocked).toMatchObject({ ok: false, reason: "blocked" });
    expect(!blocked.ok && "blocking" in blocked && blocked.blocking?.map((b) => b.code)).toEqual(["BALANCE", "BASIC_SPLIT", "PROJECTS"]);
  });

  it("the admin's correction is audited field by field; explained checks no longer block", async () => {
    const v = await values();
    v.lines[0]!.basic = "284.32";
    v.explanations = { BALANCE: "收支总计按已公开数列示，尾差0.01万元", PROJECTS: "部分项目支出未纳入绩效自评（共5个重点项目）" };
    const r = await saveFinalAccountsHandler(t.prisma, admin, dyId, await dyVersion(), v);
    expect(r).toMatchObject({ ok: true });
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "finalAccounts.update", entityId: dyId }, orderBy: { id: "desc" } });
    expect(audit.actorId).toBe(admin.id);
    const changes = (audit.data as { changes: { path: string; from: string; to: string }[] }).changes;
    expect(changes).toContainEqual({ path: "lines.0.basic", from: "284.31", to: "284.32" });
    const check = await checkStoredFinalAccounts(t.prisma, dyId);
    expect(check!.blocking).toEqual([]);
    expect(check!.warnings.map((w) => w.code)).toEqual(["BALANCE", "PROJECTS"]);
  });

  it("review and publication make version 2; version 1 is unchanged and explanations stay internal", async () => {
    for (const [who, a] of [[owner, "submit"], [reviewer, "approve"], [admin, "publish"]] as const) expect((await act(who, a)).ok, a).toBe(true);
    const report = await yearReport();
    const [v1, v2] = await t.prisma.reportPublication.findMany({ where: { reportId: report.id }, orderBy: { versionNo: "asc" } });
    const d1 = (v1!.snapshot as { document: YearDocument }).document;
    const d2 = (v2!.snapshot as { document: YearDocument }).document;
    expect(d1.expenditureLines[0]!.amount).toBe("284.31");
    expect(d2.expenditureLines[0]!.amount).toBe("284.32");
    expect(d2.totals.generalBudget.amount).toBe("421.84");
    expect(d2.totals.basic.amount).toBe("349.33");
    expect(Object.keys(d2.figures).some((k) => k.startsWith("explain."))).toBe(false);
    expect(v2!.correctionNote).toBe("更正行政运行决算数");
    expect(d2).toMatchObject({ versionNo: 2, publishedAt: v2!.publishedAt.toISOString(), correctionNote: "更正行政运行决算数" });
    expect(d1.versionNo).toBe(1);
    expect(await saveFinalAccountsHandler(t.prisma, admin, dyId, await dyVersion(), await values())).toMatchObject({ ok: false, reason: "locked" });
  });
});

describe("starting a year", () => {
  it("creates the department-year and a draft year document with the standard sections, once", async () => {
    const department = await t.prisma.department.findUniqueOrThrow({ where: { code: "gy-swbb" } });
    expect(await startFinalAccountsHandler(t.prisma, reviewer, department.id, 2021)).toMatchObject({ ok: false, reason: "forbidden" });
    expect(await startFinalAccountsHandler(t.prisma, otherOwner, department.id, 2021)).toMatchObject({ ok: false, reason: "forbidden" });
    expect(await startFinalAccountsHandler(t.prisma, owner, department.id, 2099)).toMatchObject({ ok: false, reason: "not_found" });
    const first = await startFinalAccountsHandler(t.prisma, owner, department.id, 2021);
    const again = await startFinalAccountsHandler(t.prisma, admin, department.id, 2021);
    if (!first.ok || !again.ok) throw new Error("start refused");
    expect(again.reportId).toBe(first.reportId);
    const report = await t.prisma.report.findUniqueOrThrow({ where: { id: first.reportId }, include: { sections: { orderBy: { sortOrder: "asc" } } } });
    expect(report).toMatchObject({ kind: "FINAL_ACCOUNTS", status: "DRAFT", title: "中共广元市委机构编制委员会办公室2021年度部门决算公开" });
    expect(report.sections.map((s) => s.heading)).toContain("（二）2021年重点工作完成情况。");
    expect(await t.prisma.auditLog.count({ where: { entityId: first.reportId, action: "report.create" } })).toBe(1);

    // It starts from 2020: the same 科目 without amounts, item names, glossary, and 2020's totals as 上年决算数.
    const v = toFormValues((await loadStoredFinalAccounts(t.prisma, first.departmentYearId))!);
    expect(v.lines.map((l) => [l.functionCode, l.basic, l.project, l.budget])).toEqual([
      ["2011001", "0", "0", ""],
      ["2011002", "0", "0", ""],
      ["2080505", "0", "0", ""],
      ["2101101", "0", "0", ""],
      ["2210201", "0", "0", ""],
    ]);
    expect(v.glossary.map((g) => g.term)).toContain("机关运行经费");
    expect(v.basic.personnelItems).toContain("基本工资");
    // 2020 as corrected above: 421.84 spent, 426.81 in total, 三公 vehicles 2.92.
    expect(v.prior).toMatchObject({ generalBudget: "421.84", incomeExpenditure: "426.81", vehicles: "2.92", operatingExpenses: "30.14" });
    const created = await t.prisma.auditLog.findFirstOrThrow({ where: { entityId: first.reportId, action: "report.create" } });
    expect(created.data).toEqual({ carriedOver: { fromYear: 2020, lines: 5, glossary: 13, prior: 6 } });

    // A department without a previous year starts empty: the check asks for the expenditure lines.
    const fresh = await startFinalAccountsHandler(t.prisma, otherOwner, otherOwner.departmentId, 2021);
    if (!fresh.ok) throw new Error(fresh.message);
    const check = await checkStoredFinalAccounts(t.prisma, fresh.departmentYearId);
    expect(check!.blocking.map((b) => b.code)).toContain("NO_LINES");
  });
});
