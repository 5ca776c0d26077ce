/**
 * The sampling review against a real PostgreSQL: a reproducible draw by criteria and seed,
 * re-scoring with reasons, 自评质量, the result returned to the department (a report still under
 * review is returned through the workflow), the audit trail, the .xlsx export and the permissions.
 */
import ExcelJS from "exceljs";
import pg from "pg";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { databaseForFile, actorOf } from "@/tests/integration/db";
import { writeScaleData } from "@/scripts/lib/scale-data";
import type { Actor } from "@/lib/actor";
import { candidatePool, itemDetail, projectSamples } from "./data";
import { DRAW_ITEM_HEADERS } from "./export";
import { drawExportHandler, drawHandler, returnHandler, saveReviewHandler } from "./handlers";
import { drawSample } from "./rules";

vi.mock("server-only", () => ({}));

const YEAR = 2044;
const t = databaseForFile({ demo: true });
let reviewer: Actor, admin: Actor, owner: Actor;

const draw = (input: object, actor: Actor | null = reviewer) =>
  drawHandler(t.prisma, actor, YEAR, { title: "", departmentId: "", minBudget: "", grades: [], warningsOnly: false, size: "5", seed: "", ...input });

beforeAll(async () => {
  const pool = new pg.Pool({ connectionString: t.url, max: 1 });
  try {
    await writeScaleData(pool, { departments: 6, projects: 60, indicators: 360, year: YEAR, seed: 4401 });
  } finally {
    await pool.end();
  }
  reviewer = await actorOf(t.prisma, "reviewer");
  admin = await actorOf(t.prisma, "admin");
  owner = await actorOf(t.prisma, "owner");
}, 120_000);

/** The items of a stored draw, in drawn order. */
const itemsOf = (drawId: string) => t.prisma.sampleItem.findMany({ where: { drawId }, orderBy: { sortOrder: "asc" } });

/** A new draw (by the reviewer) and the 复核 page's detail of its first item. */
async function firstDrawnItem(input: object) {
  const r = await draw(input);
  if (!r.ok) throw new Error(r.message);
  const [first] = await itemsOf(r.id);
  return { drawId: r.id, item: (await itemDetail(r.id, first!.id, t.prisma))! };
}

describe("the draw", () => {
  it("samples only submitted self-evaluations with a score, reproducibly from the recorded seed", async () => {
    const r = await draw({ seed: "20441231", size: "6" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.seed).toBe(20441231);
    const stored = await t.prisma.sampleDraw.findUniqueOrThrow({ where: { id: r.id } });
    const pool = await candidatePool(YEAR, { departmentId: "", minBudget: "", grades: [], warningsOnly: false }, t.prisma);
    expect(stored.poolIds).toEqual(pool.map((p) => p.id));
    expect(pool.length).toBeGreaterThan(6);
    for (const p of pool) {
      expect(["SUBMITTED", "APPROVED", "PUBLISHED"]).toContain(p.reportState);
      expect(p.score).not.toBeNull();
    }
    const items = await itemsOf(r.id);
    expect(items.map((i) => i.projectId)).toEqual(drawSample(stored.poolIds, 20441231, 6));
    // The same criteria and seed again: the same projects in the same order.
    const again = await draw({ seed: "20441231", size: "6" });
    expect(again.ok && (await itemsOf(again.id)).map((i) => i.projectId)).toEqual(items.map((i) => i.projectId));
    // Each item keeps the self total the overview showed when it was drawn.
    const byId = new Map(pool.map((p) => [p.id, p.score]));
    for (const i of items) expect(i.selfTotal?.toFixed(2)).toBe(byId.get(i.projectId));
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "sample.draw", entityId: r.id } });
    expect(audit.actorId).toBe(reviewer.id);
    expect(audit.data).toMatchObject({ seed: 20441231, size: 6, poolSize: pool.length, projectIds: items.map((i) => i.projectId) });
    expect(audit.comment).toContain(`从 ${pool.length} 个项目中抽取 6 个`);
  });

  it("draws a new random seed when none is given, and records it", async () => {
    const r = await draw({});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const stored = await t.prisma.sampleDraw.findUniqueOrThrow({ where: { id: r.id } });
    expect(stored.seed).toBe(r.seed);
    expect((await itemsOf(r.id)).map((i) => i.projectId)).toEqual(drawSample(stored.poolIds, stored.seed, 5));
  });

  it("applies the criteria: department, budget floor, grade, warnings", async () => {
    const all = await candidatePool(YEAR, { departmentId: "", minBudget: "", grades: [], warningsOnly: false }, t.prisma);
    // Criteria built around a project that has warnings, so that the pool is not empty.
    const anchor = all.find((p) => p.warnings.length > 0 && p.grade != null)!;
    const floor = Math.floor(Number(anchor.annualBudget)).toString();
    const r = await draw({ departmentId: anchor.departmentId, minBudget: floor, grades: [anchor.grade!], warningsOnly: true, size: "200" });
    const expected = all.filter((p) => p.departmentId === anchor.departmentId && Number(p.annualBudget) >= Number(floor) && p.grade === anchor.grade && p.warnings.length > 0);
    expect(expected.map((p) => p.id)).toContain(anchor.id);
    expect(r.ok).toBe(true);
    if (r.ok) expect(new Set((await itemsOf(r.id)).map((i) => i.projectId))).toEqual(new Set(expected.map((p) => p.id)));
    // Without the warnings criterion the pool is at least as large.
    const wider = await candidatePool(YEAR, { departmentId: anchor.departmentId, minBudget: floor, grades: [anchor.grade!], warningsOnly: false }, t.prisma);
    expect(wider.length).toBeGreaterThanOrEqual(expected.length);
    expect(wider.every((p) => p.departmentId === anchor.departmentId && p.grade === anchor.grade)).toBe(true);
  });

  it("refuses an empty pool and bad input in Chinese, storing nothing", async () => {
    const before = await t.prisma.sampleDraw.count();
    expect(await draw({ minBudget: "999999999" })).toMatchObject({ ok: false, message: "没有符合条件的已提交自评项目，请放宽抽取条件" });
    const bad = await draw({ size: "0", seed: "abc" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.fieldErrors?.map((f) => f.message)).toEqual(["抽取数量至少为 1", expect.stringContaining("随机种子须为")]);
    expect(await drawHandler(t.prisma, reviewer, 99999, {})).toMatchObject({ ok: false, reason: "invalid" });
    expect(await t.prisma.sampleDraw.count()).toBe(before);
  });

  it("is the finance reviewer's: admins, owners, department reviewers and the anonymous are refused", async () => {
    expect(await draw({}, admin)).toMatchObject({ ok: false, reason: "forbidden" });
    expect(await draw({}, owner)).toMatchObject({ ok: false, reason: "forbidden" });
    expect(await draw({}, null)).toMatchObject({ ok: false, reason: "unauthenticated" });
  });
});

describe("re-scoring and returning", () => {
  it("saves a review with reasons, computes the total and 自评质量, and audits it", async () => {
    const { drawId, item } = await firstDrawnItem({ seed: "7", size: "3" });
    const scored = item.rows.filter((row) => row.selfScore != null);
    const target = scored.find((row) => row.key !== "budget" && Number(row.selfScore) >= 8)!;
    const lowered = (Number(target.selfScore) - 8).toFixed(2);
    const scores = scored.map((row) => ({ key: row.key, reviewScore: row.key === target.key ? lowered : row.selfScore!, reason: "" }));

    // Without a reason for the changed row: refused, nothing stored.
    const refused = await saveReviewHandler(t.prisma, reviewer, item.id, item.version, { scores });
    expect(refused).toMatchObject({ ok: false, reason: "invalid", message: "复核得分填写有误，请按提示修改后再保存" });
    if (!refused.ok) expect(refused.fieldErrors).toEqual([{ path: `scores.${scored.indexOf(target)}.reason`, message: "复核得分与自评得分不同，请填写复核理由" }]);
    expect(await t.prisma.sampleScore.count({ where: { itemId: item.id } })).toBe(0);

    const reason = "实际完成值无佐证材料，按未完成计";
    const ok = await saveReviewHandler(t.prisma, reviewer, item.id, item.version, { scores: scores.map((s) => (s.key === target.key ? { ...s, reason } : s)) });
    expect(ok.ok).toBe(true);
    const after = (await itemDetail(drawId, item.id, t.prisma))!;
    expect(after.status).toBe("REVIEWED");
    expect(after.selfTotal).toBe(item.currentSelfTotal);
    // 8 points less out of a table whose maximum is 100 (the generator fills every row).
    expect(after.deviation).toBe("-8.00");
    expect(after.quality).toBe("一般");
    expect(after.rows.find((row) => row.key === target.key)).toMatchObject({ reviewScore: lowered, reason });
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "sample.score", entityId: item.id } });
    expect(audit.comment).toContain("自评质量一般");
    expect(audit.data).toMatchObject({ changed: [{ row: target.name, self: target.selfScore, review: lowered, reason }] });

    // On the project's page: the finance bureau sees the review in progress, the department not yet.
    expect(await projectSamples(item.project.id, false, t.prisma)).toEqual([]);
    // (Other draws of this file may hold the same project, still open: only this draw's item is looked at.)
    const open = (await projectSamples(item.project.id, true, t.prisma)).filter((o) => o.drawId === drawId);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ status: "REVIEWED", deviation: "-8.00", quality: "一般", changed: [{ row: target.name, self: target.selfScore, review: lowered, reason }] });

    // The old version is stale now.
    expect(await saveReviewHandler(t.prisma, reviewer, item.id, item.version, { scores })).toMatchObject({ ok: false, reason: "stale" });
    // Owners may not re-score.
    expect(await saveReviewHandler(t.prisma, owner, item.id, after.version, { scores })).toMatchObject({ ok: false, reason: "forbidden" });
    // Returned: now the department sees it too, with the comment and the re-scored row's reason.
    const returned = await returnHandler(t.prisma, reviewer, item.id, after.version, { comment: "佐证不足" });
    expect(returned.ok).toBe(true);
    expect(await projectSamples(item.project.id, false, t.prisma)).toMatchObject([{ status: "RETURNED", feedback: "佐证不足", changed: [{ reason }] }]);

  });

  it("lets exactly one of two reviewers saving the same version at once succeed", async () => {
    const { item } = await firstDrawnItem({ seed: "8", size: "1" });
    const scores = item.rows.filter((row) => row.selfScore != null).map((row) => ({ key: row.key, reviewScore: row.selfScore!, reason: "" }));
    const results = await Promise.all([saveReviewHandler(t.prisma, reviewer, item.id, item.version, { scores }), saveReviewHandler(t.prisma, reviewer, item.id, item.version, { scores })]);
    expect(results.filter((x) => x.ok)).toHaveLength(1);
    expect(results.find((x) => !x.ok)).toMatchObject({ reason: "stale" });
    expect(await t.prisma.auditLog.count({ where: { action: "sample.score", entityId: item.id } })).toBe(1);
  });

  it("returns a submitted report to its department with the comment, notifies its owners and locks the review", async () => {
    const submitted = (await candidatePool(YEAR, { departmentId: "", minBudget: "", grades: [], warningsOnly: false }, t.prisma)).find((p) => p.reportState === "SUBMITTED")!;
    // An owner of that department, to be notified.
    const ownerOfUnit = await t.prisma.user.create({ data: { username: `owner-${submitted.departmentId}`, name: "抽查单位填报人", passwordHash: "x", role: "OWNER", departmentId: submitted.departmentId } });
    const r = await draw({ departmentId: submitted.departmentId, size: "200", seed: "1" });
    if (!r.ok) throw new Error(r.message);
    const item = (await itemsOf(r.id)).find((i) => i.projectId === submitted.id)!;
    const detail = (await itemDetail(r.id, item.id, t.prisma))!;
    const scores = detail.rows.filter((row) => row.selfScore != null).map((row) => ({ key: row.key, reviewScore: row.selfScore!, reason: "" }));

    expect(await returnHandler(t.prisma, reviewer, item.id, detail.version, { comment: "请补充佐证材料" })).toMatchObject({ ok: false, message: "请先保存复核得分，再反馈部门" });
    expect(await returnHandler(t.prisma, reviewer, item.id, detail.version, { comment: "  " })).toMatchObject({ ok: false, reason: "invalid", fieldErrors: [{ path: "comment", message: "请填写反馈给部门的复核意见" }] });
    const saved = await saveReviewHandler(t.prisma, reviewer, item.id, detail.version, { scores });
    if (!saved.ok) throw new Error(saved.message);

    const report = await t.prisma.report.findUniqueOrThrow({ where: { projectId: submitted.id } });
    const returned = await returnHandler(t.prisma, reviewer, item.id, saved.version, { comment: "请补充佐证材料" });
    expect(returned).toMatchObject({ ok: true, reportReturned: true });
    const now = await t.prisma.report.findUniqueOrThrow({ where: { id: report.id } });
    expect(now.status).toBe("RETURNED");
    expect(now.version).toBe(report.version + 1);
    const comment = await t.prisma.reportComment.findFirstOrThrow({ where: { reportId: report.id } });
    expect(comment.body).toMatch(/^抽查复核：自评 [\d.]+ 分，复核 [\d.]+ 分，自评质量好。请补充佐证材料$/);
    expect(await t.prisma.notification.count({ where: { userId: ownerOfUnit.id, reportId: report.id, kind: "returned" } })).toBe(1);
    expect(await t.prisma.auditLog.count({ where: { action: "report.return", entityId: report.id, fromStatus: "SUBMITTED", toStatus: "RETURNED" } })).toBe(1);
    expect(await t.prisma.auditLog.count({ where: { action: "sample.return", entityId: item.id } })).toBe(1);
    // Closed now: neither a new score nor a second return.
    expect(await saveReviewHandler(t.prisma, reviewer, item.id, saved.version + 1, { scores })).toMatchObject({ ok: false, reason: "locked" });
    expect(await returnHandler(t.prisma, reviewer, item.id, saved.version + 1, { comment: "再次" })).toMatchObject({ ok: false, reason: "locked" });
  });

  it("leaves an approved or published report as it is and only notifies", async () => {
    const closed = (await candidatePool(YEAR, { departmentId: "", minBudget: "", grades: [], warningsOnly: false }, t.prisma)).find((p) => p.reportState === "APPROVED" || p.reportState === "PUBLISHED")!;
    const r = await draw({ departmentId: closed.departmentId, size: "200", seed: "2" });
    if (!r.ok) throw new Error(r.message);
    const item = (await itemsOf(r.id)).find((i) => i.projectId === closed.id)!;
    const detail = (await itemDetail(r.id, item.id, t.prisma))!;
    const scores = detail.rows.filter((row) => row.selfScore != null).map((row) => ({ key: row.key, reviewScore: row.selfScore!, reason: "" }));
    const saved = await saveReviewHandler(t.prisma, reviewer, item.id, detail.version, { scores });
    if (!saved.ok) throw new Error(saved.message);
    const before = await t.prisma.report.findUniqueOrThrow({ where: { projectId: closed.id } });
    expect(await returnHandler(t.prisma, reviewer, item.id, saved.version, { comment: "指标设置偏低" })).toMatchObject({ ok: true, reportReturned: false });
    const after = await t.prisma.report.findUniqueOrThrow({ where: { projectId: closed.id } });
    expect({ status: after.status, version: after.version }).toEqual({ status: before.status, version: before.version });
  });
});

describe("the export", () => {
  it("gives the draw's items and re-scored rows as .xlsx to reviewers and admins, not to owners or the anonymous", async () => {
    const { drawId, item: detail } = await firstDrawnItem({ seed: "11", size: "4" });
    const scores = detail.rows.filter((row) => row.selfScore != null).map((row) => ({ key: row.key, reviewScore: row.key === "budget" ? "0" : row.selfScore!, reason: row.key === "budget" ? "执行数无凭证" : "" }));
    const saved = await saveReviewHandler(t.prisma, reviewer, detail.id, detail.version, { scores });
    expect(saved.ok).toBe(true);

    const res = await drawExportHandler(t.prisma, admin, drawId);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Disposition")).toContain(encodeURIComponent("复核结果.xlsx"));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const sheet = wb.getWorksheet("抽查结果")!;
    expect(String(sheet.getCell("A2").value)).toContain("随机种子 11");
    expect((sheet.getRow(4).values as unknown[]).slice(1)).toEqual(DRAW_ITEM_HEADERS);
    expect(sheet.rowCount).toBe(4 + 4);
    const row = sheet.getRow(5).values as unknown[];
    expect(row.slice(1, 8)).toEqual([1, detail.project.department, detail.project.name, Number(detail.currentSelfTotal), Number((Number(detail.currentSelfTotal) - Number(detail.rows[0]!.selfScore)).toFixed(2)), -Number(detail.rows[0]!.selfScore), expect.any(String)]);
    const rows = wb.getWorksheet("复核明细")!;
    expect(rows.rowCount).toBe(1 + scores.length);
    expect((rows.getRow(2).values as unknown[]).slice(3)).toEqual(["预算执行率", 10, Number(detail.rows[0]!.selfScore), 0, "执行数无凭证"]);

    expect((await drawExportHandler(t.prisma, owner, drawId)).status).toBe(403);
    expect((await drawExportHandler(t.prisma, null, drawId)).status).toBe(401);
    expect((await drawExportHandler(t.prisma, reviewer, "nope")).status).toBe(404);
  });
});
