/** The report workflow against a real PostgreSQL (continued from reports.int.test.ts): review stages, random action sequences, publication, the seed's reports. */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { checkReport } from "./check-report";
import { addCommentHandler, saveSectionsHandler, transitionHandler } from "./handlers";
import { checkInputOf, loadProjectForReport } from "./snapshot";
import { submitTarget, TRANSITIONS } from "./workflow";
import { t, owner, otherOwner, reviewer, reviewer2, admin, deptReviewer, otherDeptReviewer, filledSections, readyReport, version, status, act, withDepartmentReview } from "./reports.fixtures";

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
