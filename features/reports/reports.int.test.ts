/**
 * The report workflow against a real PostgreSQL: the permission matrix of every action for every
 * kind of user and races between reviewers. Review stages, a property test of random action
 * sequences, publication and the seed's own reports: reports-stages.int.test.ts.
 */
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { updateProjectHandler } from "@/features/projects/handlers";
import { emptyProjectInput } from "@/features/projects/schema";
import { addCommentHandler, createReportHandler, resolveCommentHandler, saveSectionsHandler, transitionHandler } from "./handlers";
import { TRANSITIONS, type TransitionAction } from "./workflow";
import { t, owner, otherOwner, reviewer, reviewer2, admin, deptReviewer, otherDeptReviewer, readyReport, version, status, act } from "./reports.fixtures";

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
