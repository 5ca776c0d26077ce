/**
 * The department's overall evaluation report goes through the same audited workflow
 * as the self-evaluations. (Correcting the year document's figures and republishing
 * it: features/final-accounts/final-accounts.int.test.ts.)
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { databaseForFile, actorOf } from "@/tests/integration/db";
import { createOverallReportHandler, saveSectionsHandler, transitionHandler } from "./handlers";
import { DEPARTMENT_OVERALL_SECTIONS } from "./template";
import type { TransitionAction } from "./workflow";

const t = databaseForFile({ demo: true });
let owner: Actor, reviewer: Actor;
const version = async (id: string) => (await t.prisma.report.findUniqueOrThrow({ where: { id } })).version;
const act = async (actor: Actor, id: string, action: TransitionAction, comment = "") => transitionHandler(t.prisma, actor, id, await version(id), { action, comment });

beforeAll(async () => {
  const u = (username: string) => actorOf(t.prisma, username);
  [owner, reviewer] = [await u("owner"), await u("reviewer")];
});

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
