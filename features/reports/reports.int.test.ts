/**
 * The report workflow against a real PostgreSQL: the permission matrix of every
 * action for every kind of user, races between reviewers, a property test of random
 * action sequences, and the pre-submission check on the seed's own reports.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveIndicators } from "@/features/indicators/mutations";
import { emptyIndicatorRow } from "@/features/indicators/schema";
import type { Actor } from "@/lib/actor";
import { updateProjectHandler } from "@/features/projects/handlers";
import { createProject } from "@/features/projects/mutations";
import { emptyProjectInput } from "@/features/projects/schema";
import { seedDemoData } from "@/prisma/seed/run";
import { actorOf, freshDatabase, type TestDatabase } from "@/tests/integration/db";
import { checkReport } from "./check-report";
import { addCommentHandler, createReportHandler, resolveCommentHandler, saveSectionsHandler, transitionHandler } from "./handlers";
import { checkInputOf, loadProjectForReport } from "./snapshot";
import { SELF_EVALUATION_SECTIONS } from "./template";
import { submitTarget, TRANSITIONS, type TransitionAction } from "./workflow";

let t: TestDatabase;
let owner: Actor, otherOwner: Actor, reviewer: Actor, reviewer2: Actor, admin: Actor, deptReviewer: Actor, otherDeptReviewer: Actor;
let counter = 0;

const filledSections = (text = "已按要求填写。") =>
  SELF_EVALUATION_SECTIONS.filter((s) => !s.group).map((s) => ({ key: s.key, body: s.key === "2.2.2" ? "2021年预算18万元，年初全部到位。" : `${s.heading}：${text}` }));

/** A draft project of the owner's department (the demo one unless given) with a complete indicator table, and its report. */
async function readyReport(by: Actor = owner): Promise<{ reportId: string; projectId: string }> {
  counter += 1;
  const input = {
    ...emptyProjectInput({ competentDepartment: "市委编办", implementingUnit: "市委编办" }),
    name: `测试项目${counter}`,
    funding: {
      FISCAL: { initialBudget: "18", annualBudget: "18", executed: "18" },
      CARRYOVER: { initialBudget: "", annualBudget: "", executed: "" },
      OTHER: { initialBudget: "", annualBudget: "", executed: "" },
    },
  };
  const created = await createProject(t.prisma, by, 2021, input as never);
  if (!created.ok) throw new Error(created.message);
  const fw = await t.prisma.project.findUniqueOrThrow({ where: { id: created.id }, include: { framework: { include: { level1: { include: { level2: true } } } } } });
  const g = (name: string) => fw.framework.level1.find((l) => l.name === name)!;
  const row = (group: string, weight: string, name: string) => ({
    ...emptyIndicatorRow(g(group).id, g(group).level2[0]!.id),
    name,
    targetValue: "100",
    unit: "%",
    actualValue: "100",
    weight,
  });
  const saved = await saveIndicators(t.prisma, by, created.id, 1, [
    row("产出指标", "50", "任务完成率"),
    row("效益指标", "30", "政策知晓率"),
    row("满意度指标", "10", "服务对象满意度"),
  ] as never);
  if (!saved.ok) throw new Error(saved.message);
  const report = await createReportHandler(t.prisma, by, created.id);
  if (!report.ok) throw new Error(report.message);
  const s = await saveSectionsHandler(t.prisma, by, report.id, 1, { sections: filledSections() });
  if (!s.ok) throw new Error(s.message);
  return { reportId: report.id, projectId: created.id };
}

const version = async (reportId: string) => (await t.prisma.report.findUniqueOrThrow({ where: { id: reportId } })).version;
const status = async (reportId: string) => (await t.prisma.report.findUniqueOrThrow({ where: { id: reportId } })).status;
const act = async (actor: Actor | null, reportId: string, action: TransitionAction, comment = "") =>
  transitionHandler(t.prisma, actor, reportId, await version(reportId), { action, comment });

beforeAll(async () => {
  t = await freshDatabase();
  await seedDemoData(t.prisma);
  const u = (username: string) => actorOf(t.prisma, username);
  owner = await u("owner");
  reviewer = await u("reviewer");
  admin = await u("admin");
  const d2 = await t.prisma.department.create({ data: { code: "d2", name: "其他部门", shortName: "其他" } });
  const o2 = await t.prisma.user.create({ data: { username: "owner2", name: "乙填报", role: "OWNER", departmentId: d2.id, passwordHash: "x" } });
  otherOwner = { id: o2.id, name: o2.name, role: "OWNER", departmentId: d2.id };
  const r2 = await t.prisma.user.create({ data: { username: "reviewer2", name: "丙审核", role: "REVIEWER", passwordHash: "x" } });
  reviewer2 = { id: r2.id, name: r2.name, role: "REVIEWER", departmentId: null };
  deptReviewer = await u("deptreviewer");
  const dr2 = await t.prisma.user.create({ data: { username: "deptreviewer2", name: "丁部门审核", role: "DEPT_REVIEWER", departmentId: d2.id, passwordHash: "x" } });
  otherDeptReviewer = { id: dr2.id, name: dr2.name, role: "DEPT_REVIEWER", departmentId: d2.id };
});

/** Runs `fn` with the test year's 部门审核环节 on, and turns it off again. */
async function withDepartmentReview<T>(fn: () => Promise<T>): Promise<T> {
  await t.prisma.fiscalYear.update({ where: { year: 2021 }, data: { departmentReview: true } });
  try {
    return await fn();
  } finally {
    await t.prisma.fiscalYear.update({ where: { year: 2021 }, data: { departmentReview: false } });
  }
}
afterAll(() => t.drop());

describe("permission matrix", () => {
  const users = () => ({ anonymous: null, owner, otherOwner, deptReviewer, otherDeptReviewer, reviewer, admin }) as const;
  type Who = keyof ReturnType<typeof users>;
  // For each action: who may do it (everyone else is refused and nothing changes).
  const ALLOWED: Record<TransitionAction, Who[]> = {
    submit: ["owner"],
    deptReturn: ["deptReviewer"],
    deptApprove: ["deptReviewer"],
    return: ["reviewer"],
    approve: ["reviewer"],
    publish: ["reviewer", "admin"],
    reopen: ["admin"],
  };
  const PREPARE: Record<TransitionAction, TransitionAction[]> = {
    submit: [],
    deptReturn: ["submit"],
    deptApprove: ["submit"],
    return: ["submit"],
    approve: ["submit"],
    publish: ["submit", "approve"],
    reopen: ["submit", "approve", "publish"],
  };
  const BY: Record<TransitionAction, Actor> = {} as never;

  for (const action of Object.keys(ALLOWED) as TransitionAction[]) {
    it(`${action}: allowed to ${ALLOWED[action].join(", ")} only`, async () => {
      Object.assign(BY, { submit: owner, deptReturn: deptReviewer, deptApprove: deptReviewer, return: reviewer, approve: reviewer, publish: admin, reopen: admin });
      // The department stage exists only in a year with 部门审核环节.
      const deptStage = TRANSITIONS[action].permission === "report.deptReview";
      await t.prisma.fiscalYear.update({ where: { year: 2021 }, data: { departmentReview: deptStage } });
      for (const [who, actor] of Object.entries(users()) as [Who, Actor | null][]) {
        const { reportId } = await readyReport();
        for (const step of PREPARE[action]) {
          const r = await act(BY[step], reportId, step, "准备");
          expect(r.ok, `${step} before ${action}`).toBe(true);
        }
        const before = { status: await status(reportId), version: await version(reportId) };
        const r = await act(actor, reportId, action, "意见");
        const allowed = ALLOWED[action].includes(who);
        expect(r.ok, `${who} ${action}`).toBe(allowed);
        if (allowed) expect(await status(reportId)).toBe(TRANSITIONS[action].to);
        else {
          expect(r).toMatchObject({ ok: false });
          expect({ status: await status(reportId), version: await version(reportId) }).toEqual(before);
          const outOfScope = (who === "otherOwner" && action === "submit") || (who === "otherDeptReviewer" && deptStage);
          if (!r.ok) expect(r.reason).toBe(who === "anonymous" ? "unauthenticated" : outOfScope ? "not_found" : "forbidden");
        }
      }
      await t.prisma.fiscalYear.update({ where: { year: 2021 }, data: { departmentReview: false } });
    });
  }

  it("create, save, comment and resolve", async () => {
    const { reportId, projectId } = await readyReport();
    for (const [who, actor] of Object.entries(users()) as [Who, Actor | null][]) {
      const created = await createReportHandler(t.prisma, actor, projectId);
      expect(created.ok, `create by ${who}`).toBe(who === "owner");
      const saved = await saveSectionsHandler(t.prisma, actor, reportId, await version(reportId), { sections: [{ key: "5.2", body: `${who}写的` }] });
      expect(saved.ok, `save by ${who}`).toBe(who === "owner");
      const commented = await addCommentHandler(t.prisma, actor, reportId, { body: `${who}的意见`, sectionKey: "5.2" });
      expect(commented.ok, `comment by ${who}`).toBe(who === "reviewer");
    }
    const comment = await t.prisma.reportComment.findFirstOrThrow({ where: { reportId } });
    for (const [who, actor] of Object.entries(users()) as [Who, Actor | null][]) {
      expect((await resolveCommentHandler(t.prisma, actor, comment.id, true)).ok, `resolve by ${who}`).toBe(who === "owner");
    }
    const section = await t.prisma.reportSection.findUniqueOrThrow({ where: { reportId_key: { reportId, key: "5.2" } } });
    expect(section.body).toBe("owner写的");
  });

  it("takes no reviewer comment once a report is approved or published, and writes nothing", async () => {
    const { reportId } = await readyReport();
    for (const step of ["submit", "approve", "publish"] as const) {
      expect((await act(step === "submit" ? owner : step === "approve" ? reviewer : admin, reportId, step, "准备")).ok).toBe(true);
      if (step === "submit") continue;
      const before = { comments: await t.prisma.reportComment.count({ where: { reportId } }), audit: await t.prisma.auditLog.count({ where: { entityId: reportId } }) };
      const r = await addCommentHandler(t.prisma, reviewer, reportId, { body: "晚到的意见" });
      expect(r).toMatchObject({ ok: false, reason: "locked" });
      if (!r.ok) expect(r.message).toContain("不能再添加审核意见");
      expect({ comments: await t.prisma.reportComment.count({ where: { reportId } }), audit: await t.prisma.auditLog.count({ where: { entityId: reportId } }) }).toEqual(before);
    }
  });

  it("requires a comment to return or reopen, and blocks submission with empty sections", async () => {
    const { reportId } = await readyReport();
    await saveSectionsHandler(t.prisma, owner, reportId, await version(reportId), { sections: [{ key: "5.3", body: "" }] });
    const blocked = await act(owner, reportId, "submit");
    expect(blocked).toMatchObject({ ok: false, reason: "blocked" });
    if (!blocked.ok && "blocking" in blocked) expect(blocked.blocking.map((b) => b.message)).toContain("“（三）相关建议”尚未填写");
    await saveSectionsHandler(t.prisma, owner, reportId, await version(reportId), { sections: [{ key: "5.3", body: "加强预算执行。" }] });
    expect((await act(owner, reportId, "submit")).ok).toBe(true);
    const noComment = await act(reviewer, reportId, "return", "  ");
    expect(noComment).toMatchObject({ ok: false, reason: "invalid" });
    expect(await status(reportId)).toBe("SUBMITTED");
  });
});

describe("races", () => {
  it("two reviewers and an editing owner at once: exactly one wins, nothing half-written", async () => {
    for (let round = 0; round < 5; round++) {
      const { reportId, projectId } = await readyReport();
      expect((await act(owner, reportId, "submit")).ok).toBe(true);
      const v = await version(reportId);
      const auditBefore = await t.prisma.auditLog.count({ where: { entityId: reportId } });
      const results = await Promise.all([
        transitionHandler(t.prisma, reviewer, reportId, v, { action: "approve", comment: "" }),
        transitionHandler(t.prisma, reviewer2, reportId, v, { action: "return", comment: "请补充" }),
        saveSectionsHandler(t.prisma, owner, reportId, v, { sections: [{ key: "5.1", body: "偷偷修改" }] }),
        updateProjectHandler(t.prisma, owner, projectId, 2, { ...emptyProjectInput({ competentDepartment: "市委编办", implementingUnit: "市委编办" }), name: "改名" }),
      ]);
      // One of the three changes to the report wins. The project edit is refused while the report
      // is submitted or approved; it may only succeed serialised after a winning return (RETURNED:
      // the owner may edit again), which is the one legal order in which it comes second.
      const projectEdit = results[3]!;
      const wins = results.slice(0, 3).filter((r) => r.ok);
      expect(wins).toHaveLength(1);
      const after = await t.prisma.report.findUniqueOrThrow({ where: { id: reportId }, include: { comments: true } });
      expect(after.version).toBe(v + 1);
      expect(["APPROVED", "RETURNED"]).toContain(after.status);
      expect(await t.prisma.auditLog.count({ where: { entityId: reportId } })).toBe(auditBefore + 1);
      // The return's comment exists exactly when the return won.
      expect(after.comments.length).toBe(after.status === "RETURNED" ? 1 : 0);
      const section = await t.prisma.reportSection.findUniqueOrThrow({ where: { reportId_key: { reportId, key: "5.1" } } });
      expect(section.body).not.toBe("偷偷修改");
      const renamed = (await t.prisma.project.findUniqueOrThrow({ where: { id: projectId } })).name === "改名";
      expect(renamed).toBe(projectEdit.ok);
      if (projectEdit.ok) expect(after.status).toBe("RETURNED");
    }
  });
});

describe("review stages", () => {
  const history = async (reportId: string) =>
    (await t.prisma.auditLog.findMany({ where: { entityType: "Report", entityId: reportId, fromStatus: { not: null } }, orderBy: { id: "asc" } })).map((a) => [a.action, a.fromStatus, a.toStatus]);

  it("without 部门审核环节 a submission goes straight to the finance reviewer", async () => {
    const { reportId } = await readyReport();
    expect((await act(owner, reportId, "submit")).ok).toBe(true);
    expect(await status(reportId)).toBe("SUBMITTED");
    expect(await act(deptReviewer, reportId, "deptApprove")).toMatchObject({ ok: false, reason: "stale" });
    expect(await status(reportId)).toBe("SUBMITTED");
  });

  it("with it: 部门审核中 → 退回 (with the comment) → resubmitted → 部门审核通过 → 财政审核通过, each audited and notified", async () => {
    await withDepartmentReview(async () => {
      const { reportId } = await readyReport();
      expect(await act(owner, reportId, "submit")).toMatchObject({ ok: true, status: "DEPT_REVIEW" });
      expect(await status(reportId)).toBe("DEPT_REVIEW");
      // The finance reviewer acts only on 已提交; the owner cannot edit while under department review.
      expect(await act(reviewer, reportId, "approve")).toMatchObject({ ok: false, reason: "stale" });
      expect(await saveSectionsHandler(t.prisma, owner, reportId, await version(reportId), { sections: filledSections("改") })).toMatchObject({ ok: false, reason: "locked" });
      expect(await act(deptReviewer, reportId, "deptReturn", "")).toMatchObject({ ok: false });
      expect((await act(deptReviewer, reportId, "deptReturn", "请补充绩效目标完成情况")).ok).toBe(true);
      expect(await status(reportId)).toBe("RETURNED");
      const comments = await t.prisma.reportComment.findMany({ where: { reportId } });
      expect(comments.map((c) => [c.authorId, c.body])).toEqual([[deptReviewer.id, "请补充绩效目标完成情况"]]);
      expect((await act(owner, reportId, "submit")).ok).toBe(true);
      expect(await status(reportId)).toBe("DEPT_REVIEW");
      expect((await act(deptReviewer, reportId, "deptApprove")).ok).toBe(true);
      expect(await status(reportId)).toBe("SUBMITTED");
      expect((await act(reviewer, reportId, "approve")).ok).toBe(true);
      expect(await status(reportId)).toBe("APPROVED");
      expect(await history(reportId)).toEqual([
        ["report.submit", "DRAFT", "DEPT_REVIEW"],
        ["report.dept_return", "DEPT_REVIEW", "RETURNED"],
        ["report.submit", "RETURNED", "DEPT_REVIEW"],
        ["report.dept_approve", "DEPT_REVIEW", "SUBMITTED"],
        ["report.approve", "SUBMITTED", "APPROVED"],
      ]);
      const inbox = async (a: Actor) => (await t.prisma.notification.findMany({ where: { userId: a.id, reportId }, orderBy: { createdAt: "asc" } })).map((n) => n.kind);
      expect(await inbox(deptReviewer)).toEqual(["submitted", "submitted"]);
      expect(await inbox(otherDeptReviewer)).toEqual([]);
      expect(await inbox(reviewer)).toEqual(["submitted"]);
      expect(await inbox(owner)).toEqual(["returned", "dept_approved", "approved"]);
    });
  });

  it("the department reviewer comments on a section and an indicator row at its own stage only; nothing written otherwise", async () => {
    await withDepartmentReview(async () => {
      const { reportId, projectId } = await readyReport();
      const indicator = await t.prisma.indicator.findFirstOrThrow({ where: { projectId } });
      const count = async () => ({ comments: await t.prisma.reportComment.count({ where: { reportId } }), audit: await t.prisma.auditLog.count({ where: { entityId: reportId } }) });
      // A draft is not yet the department's to review.
      let before = await count();
      expect(await addCommentHandler(t.prisma, deptReviewer, reportId, { body: "太早", sectionKey: "5.2" })).toMatchObject({ ok: false, reason: "locked" });
      expect(await count()).toEqual(before);
      await act(owner, reportId, "submit");
      expect((await addCommentHandler(t.prisma, deptReviewer, reportId, { body: "请补充依据", sectionKey: "5.2" })).ok).toBe(true);
      expect((await addCommentHandler(t.prisma, deptReviewer, reportId, { body: "目标值偏低", indicatorId: indicator.id })).ok).toBe(true);
      expect(await addCommentHandler(t.prisma, otherDeptReviewer, reportId, { body: "越权" })).toMatchObject({ ok: false, reason: "not_found" });
      expect(await addCommentHandler(t.prisma, owner, reportId, { body: "自说自话" })).toMatchObject({ ok: false, reason: "forbidden" });
      const comments = await t.prisma.reportComment.findMany({ where: { reportId }, orderBy: { createdAt: "asc" } });
      expect(comments.map((c) => [c.authorId, c.body, c.sectionKey, c.indicatorId])).toEqual([
        [deptReviewer.id, "请补充依据", "5.2", null],
        [deptReviewer.id, "目标值偏低", null, indicator.id],
      ]);
      // Passed on to the finance bureau: the department's stage is over.
      expect((await act(deptReviewer, reportId, "deptApprove")).ok).toBe(true);
      before = await count();
      const late = await addCommentHandler(t.prisma, deptReviewer, reportId, { body: "晚了" });
      expect(late).toMatchObject({ ok: false, reason: "locked" });
      expect(late.ok ? "" : late.message).toContain("部门审核中");
      expect(await count()).toEqual(before);
      expect((await addCommentHandler(t.prisma, reviewer, reportId, { body: "财政意见" })).ok).toBe(true);
    });
  });

  it("a department reviewer of another department neither sees nor decides the report", async () => {
    await withDepartmentReview(async () => {
      const { reportId } = await readyReport();
      await act(owner, reportId, "submit");
      const before = await version(reportId);
      expect(await act(otherDeptReviewer, reportId, "deptApprove")).toMatchObject({ ok: false, reason: "not_found" });
      expect(await act(otherDeptReviewer, reportId, "deptReturn", "不行")).toMatchObject({ ok: false, reason: "not_found" });
      expect(await version(reportId)).toBe(before);
      expect(await status(reportId)).toBe("DEPT_REVIEW");
    });
  });

  it("a sub-unit's report passes the review of its department's reviewer (主管部门), not of another department's", async () => {
    const parent = await t.prisma.department.findUniqueOrThrow({ where: { id: deptReviewer.departmentId! } });
    const unit = await t.prisma.department.create({ data: { code: `${parent.code}-u1`, name: "下属单位", shortName: "下属", parentId: parent.id } });
    const u = await t.prisma.user.create({ data: { username: "unitowner", name: "戊填报", role: "OWNER", departmentId: unit.id, passwordHash: "x" } });
    const unitOwner: Actor = { id: u.id, name: u.name, role: "OWNER", departmentId: unit.id };
    await withDepartmentReview(async () => {
      const { reportId } = await readyReport(unitOwner);
      expect(await act(unitOwner, reportId, "submit")).toMatchObject({ ok: true, status: "DEPT_REVIEW" });
      const notified = async (a: Actor) => t.prisma.notification.count({ where: { userId: a.id, reportId } });
      expect(await notified(deptReviewer)).toBe(1);
      expect(await notified(otherDeptReviewer)).toBe(0);
      // The parent department's owner neither sees nor acts on the unit's work; the other department's reviewer neither.
      expect(await act(otherDeptReviewer, reportId, "deptApprove")).toMatchObject({ ok: false, reason: "not_found" });
      expect(await saveSectionsHandler(t.prisma, owner, reportId, await version(reportId), { sections: filledSections("改") })).toMatchObject({ ok: false });
      expect((await act(deptReviewer, reportId, "deptApprove")).ok).toBe(true);
      expect(await status(reportId)).toBe("SUBMITTED");
    });
  });

  it("the year document skips the department stage", async () => {
    expect(submitTarget("FINAL_ACCOUNTS", true)).toBe("SUBMITTED");
    expect(submitTarget("DEPARTMENT_OVERALL", true)).toBe("DEPT_REVIEW");
    expect(submitTarget("PROJECT_SELF_EVALUATION", false)).toBe("SUBMITTED");
  });

  it("a stale version is refused: return and pass at once, exactly one wins", async () => {
    await withDepartmentReview(async () => {
      const { reportId } = await readyReport();
      await act(owner, reportId, "submit");
      const v = await version(reportId);
      const results = await Promise.all([
        transitionHandler(t.prisma, deptReviewer, reportId, v, { action: "deptApprove", comment: "" }),
        transitionHandler(t.prisma, deptReviewer, reportId, v, { action: "deptReturn", comment: "请修改" }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({ reason: "stale" });
      expect(await version(reportId)).toBe(v + 1);
      expect((await history(reportId)).length).toBe(2);
      // And an old version after the fact is refused too.
      expect(await transitionHandler(t.prisma, deptReviewer, reportId, v, { action: "deptApprove", comment: "" })).toMatchObject({ ok: false, reason: "stale" });
    });
  });
});

describe("property: random actions by random users", () => {
  it("only legal transitions happen, each with its audit row, and published snapshots never change", async () => {
    const { reportId } = await readyReport();
    const actors = [null, owner, otherOwner, reviewer, reviewer2, admin];
    const actions = ["submit", "return", "approve", "publish", "reopen", "save"] as const;
    const frozen = new Map<string, string>();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: 0, max: actors.length - 1 }), fc.constantFrom(...actions), fc.boolean()), { minLength: 5, maxLength: 25 }), async (steps) => {
        for (const [ai, action, staleVersion] of steps) {
          const actor = actors[ai] ?? null;
          const before = await t.prisma.report.findUniqueOrThrow({ where: { id: reportId } });
          const auditBefore = await t.prisma.auditLog.count({ where: { entityId: reportId, fromStatus: { not: null } } });
          const v = staleVersion ? before.version - 1 : before.version;
          const r =
            action === "save"
              ? await saveSectionsHandler(t.prisma, actor, reportId, v, { sections: [{ key: "4.2", body: `第${before.version}版效益` }] })
              : await transitionHandler(t.prisma, actor, reportId, v, { action, comment: "随机操作" });
          const after = await t.prisma.report.findUniqueOrThrow({ where: { id: reportId } });
          const auditAfter = await t.prisma.auditLog.count({ where: { entityId: reportId, fromStatus: { not: null } } });
          if (r.ok && action !== "save") {
            const rule = TRANSITIONS[action];
            expect((rule.from as readonly string[]).includes(before.status)).toBe(true);
            expect(after.status).toBe(rule.to);
            expect(auditAfter).toBe(auditBefore + 1);
            expect(after.version).toBe(before.version + 1);
          } else {
            expect(after.status).toBe(before.status);
            expect(auditAfter).toBe(auditBefore);
            if (!r.ok) expect(after.version).toBe(before.version);
          }
          for (const p of await t.prisma.reportPublication.findMany({ where: { reportId } })) {
            const json = JSON.stringify(p.snapshot);
            if (frozen.has(p.id)) expect(json).toBe(frozen.get(p.id));
            else frozen.set(p.id, json);
          }
        }
      }),
      { numRuns: 12, seed: 20201231 },
    );
  });
});

describe("publication", () => {
  it("freezes the project's figures; a correction is a new version and the old one stays", async () => {
    const { reportId, projectId } = await readyReport();
    for (const [who, a] of [[owner, "submit"], [reviewer, "approve"], [reviewer, "publish"]] as const) expect((await act(who, reportId, a)).ok).toBe(true);
    const v1 = await t.prisma.reportPublication.findFirstOrThrow({ where: { reportId, versionNo: 1 } });
    const snap1 = v1.snapshot as { project: { budget: { annual: string } }; sections: { key: string; body: string }[] };
    expect(snap1.project.budget.annual).toBe("18");

    expect((await act(admin, reportId, "reopen", "更正资金使用说明")).ok).toBe(true);
    expect(await status(reportId)).toBe("DRAFT");
    await t.prisma.projectFunding.updateMany({ where: { projectId, source: "FISCAL" }, data: { annualBudget: 200000 } });
    await saveSectionsHandler(t.prisma, owner, reportId, await version(reportId), { sections: [{ key: "2.2.3", body: "更正后的资金使用说明。" }] });
    for (const [who, a] of [[owner, "submit"], [reviewer, "approve"], [admin, "publish"]] as const) expect((await act(who, reportId, a)).ok).toBe(true);

    const pubs = await t.prisma.reportPublication.findMany({ where: { reportId }, orderBy: { versionNo: "asc" } });
    expect(pubs.map((p) => [p.versionNo, p.supersededAt !== null, p.correctionNote])).toEqual([
      [1, true, ""],
      [2, false, "更正资金使用说明"],
    ]);
    expect(JSON.stringify(pubs[0]!.snapshot)).toBe(JSON.stringify(v1.snapshot));
    expect((pubs[1]!.snapshot as typeof snap1).project.budget.annual).toBe("20");
  });

  it("publishes each reopening's own correction note, kept on the report until then (not read back from the audit log)", async () => {
    const { reportId } = await readyReport();
    const note = async () => (await t.prisma.report.findUniqueOrThrow({ where: { id: reportId }, select: { correctionNote: true } })).correctionNote;
    const publish = async () => {
      for (const [who, a] of [[owner, "submit"], [reviewer, "approve"], [reviewer, "publish"]] as const) expect((await act(who, reportId, a)).ok).toBe(true);
    };
    await publish();
    expect(await note()).toBe("");
    expect((await act(admin, reportId, "reopen", "第一次更正：补充附件")).ok).toBe(true);
    expect(await note()).toBe("第一次更正：补充附件");
    await publish();
    expect(await note()).toBe("");
    expect((await act(admin, reportId, "reopen", "第二次更正：修正金额")).ok).toBe(true);
    await publish();
    const pubs = await t.prisma.reportPublication.findMany({ where: { reportId }, orderBy: { versionNo: "asc" } });
    expect(pubs.map((p) => [p.versionNo, p.correctionNote, (p.snapshot as { correctionNote?: string }).correctionNote ?? ""])).toEqual([
      [1, "", ""],
      [2, "第一次更正：补充附件", "第一次更正：补充附件"],
      [3, "第二次更正：修正金额", "第二次更正：修正金额"],
    ]);
    // What is published is the report's note (here changed after the reopening), not the audit row's.
    expect((await act(admin, reportId, "reopen", "第三次更正")).ok).toBe(true);
    await t.prisma.report.update({ where: { id: reportId }, data: { correctionNote: "第三次更正（措辞已修订）" } });
    await publish();
    expect((await t.prisma.reportPublication.findFirstOrThrow({ where: { reportId, versionNo: 4 } })).correctionNote).toBe("第三次更正（措辞已修订）");
  });

  it("migration 20261207100000 gives a report reopened before it its latest reopening's note; a published one none", async () => {
    const reopened = (await readyReport()).reportId;
    const republished = (await readyReport()).reportId;
    for (const reportId of [reopened, republished]) {
      for (const [who, a] of [[owner, "submit"], [reviewer, "approve"], [reviewer, "publish"]] as const) expect((await act(who, reportId, a)).ok).toBe(true);
      expect((await act(admin, reportId, "reopen", "旧的更正说明")).ok).toBe(true);
      for (const [who, a] of [[owner, "submit"], [reviewer, "approve"], [reviewer, "publish"]] as const) expect((await act(who, reportId, a)).ok).toBe(true);
    }
    expect((await act(admin, reopened, "reopen", "最近一次更正说明")).ok).toBe(true);
    // As the data stood before the column existed: no note on any report.
    await t.prisma.report.updateMany({ where: { id: { in: [reopened, republished] } }, data: { correctionNote: "" } });
    const sql = readFileSync("prisma/migrations/20261207100000_report_correction_note/migration.sql", "utf8");
    await t.prisma.$executeRawUnsafe(sql.slice(sql.indexOf("UPDATE")));
    const notes = await t.prisma.report.findMany({ where: { id: { in: [reopened, republished] } }, select: { id: true, correctionNote: true } });
    expect(Object.fromEntries(notes.map((n) => [n.id, n.correctionNote]))).toEqual({ [reopened]: "最近一次更正说明", [republished]: "" });
  });

  it("notifies reviewers of submissions and owners of decisions", async () => {
    const { reportId } = await readyReport();
    await act(owner, reportId, "submit");
    await act(reviewer, reportId, "return", "请补充依据");
    const forReviewer = await t.prisma.notification.findMany({ where: { userId: reviewer.id, reportId } });
    const forOwner = await t.prisma.notification.findMany({ where: { userId: owner.id, reportId } });
    expect(forReviewer.map((n) => n.kind)).toEqual(["submitted"]);
    expect(forOwner.map((n) => [n.kind, n.message.includes("请补充依据")])).toEqual([["returned", true]]);
    expect(await t.prisma.notification.count({ where: { userId: otherOwner.id, reportId } })).toBe(0);
  });
});

describe("the seed's reports", () => {
  it("are published, and the check lists the seed's own narrative-vs-figure inconsistencies", async () => {
    const reports = await t.prisma.report.findMany({ where: { kind: "PROJECT_SELF_EVALUATION", project: { year: 2020 } }, include: { sections: { orderBy: { sortOrder: "asc" } } }, orderBy: { project: { sortOrder: "asc" } } });
    expect(reports.map((r) => r.status)).toEqual(Array(5).fill("PUBLISHED"));
    const warnings = await Promise.all(
      reports.map(async (r) => checkReport(checkInputOf(await loadProjectForReport(t.prisma, r.projectId!), r.sections)).warnings.map((w) => w.message)),
    );
    expect(warnings[0]).toEqual([
      "“二、（二）2.资金到位”写明预算9万元，与项目全年预算数18.00万元不一致",
      "“二、（二）3.资金使用”写明年初预算9万元，与项目全年预算数18.00万元不一致（项目未填年初预算数，按全年预算数核对）",
    ]);
    expect(warnings.slice(1)).toEqual([[], [], [], []]);
  });
});
