/**
 * Sampling review writes. Each is one transaction with its audit row: a draw stores its
 * candidates, seed and items at once; a re-scoring locks the item (FOR UPDATE), checks its
 * version and rewrites its rows; returning the result to the department locks the item and the
 * self-evaluation report, returns a report still under review through the workflow's own 退回修改
 * (reports/mutations transitionInTransaction) or else notifies the department's owners.
 */
import { randomInt } from "node:crypto";
import { lockRow } from "@/lib/row-lock";
import { writeAudit } from "@/features/audit/mutations";
import type { Actor } from "@/lib/actor";
import type { PrismaClient, TxClient } from "@/lib/db-client";
import type { MutationResult, Refusal } from "@/lib/mutation-result";
import { hasPermission } from "@/lib/permissions";
import { transitionInTransaction } from "@/features/reports/mutations";
import { candidatePool, scoredRows, type DrawCriteria } from "./data";
import { deviation, drawSample, MAX_SEED, qualityOf, reviewTotal } from "./rules";
import { reviewSchema, type DrawInput } from "./schema";
import { invalid } from "@/lib/action-result";
import type { ActionResult } from "@/lib/action-result";

export const SAMPLE_MESSAGES = {
  forbidden: "您无权进行抽查复核",
  not_found: "抽查项目不存在，或已被删除",
  empty: "没有符合条件的已提交自评项目，请放宽抽取条件",
  stale: "该项目的复核已被其他人修改。请重新加载页面查看最新内容（您填写的内容不会自动丢失，可先复制保存）",
  returned: "复核结果已反馈部门，不能再修改",
  not_reviewed: "请先保存复核得分，再反馈部门",
} as const;

const refuse = (reason: Refusal["reason"], message: string): Refusal => ({ ok: false, reason, message });

/** Draws a sample by the criteria and a seed (the reviewer's, or a new random one) and records it. */
export async function createDraw(prisma: PrismaClient, actor: Actor, year: number, input: DrawInput): Promise<MutationResult<{ id: string; sampled: number; poolSize: number; seed: number }>> {
  if (!hasPermission(actor.role, "sample.manage")) return refuse("forbidden", SAMPLE_MESSAGES.forbidden);
  const criteria: DrawCriteria = { departmentId: input.departmentId, minBudget: input.minBudget, grades: input.grades, warningsOnly: input.warningsOnly };
  const pool = await candidatePool(year, criteria, prisma);
  if (!pool.length) return refuse("invalid", SAMPLE_MESSAGES.empty);
  const seed = input.seed === "" ? randomInt(1, MAX_SEED) : Number(input.seed);
  const poolIds = pool.map((p) => p.id);
  const picked = drawSample(poolIds, seed, input.size);
  const selfTotal = new Map(pool.map((p) => [p.id, p.score]));
  return prisma.$transaction(async (tx) => {
    const count = await tx.sampleDraw.count({ where: { year } });
    const title = input.title || `${year}年度第${count + 1}批抽查`;
    const draw = await tx.sampleDraw.create({
      data: {
        year,
        title,
        criteria,
        seed,
        size: input.size,
        poolIds,
        createdById: actor.id,
        items: { create: picked.map((projectId, i) => ({ projectId, sortOrder: i, selfTotal: selfTotal.get(projectId) ?? null })) },
      },
    });
    await writeAudit(tx, {
      actor,
      action: "sample.draw",
      entityType: "SampleDraw",
      entityId: draw.id,
      comment: `${title}：从 ${poolIds.length} 个项目中抽取 ${picked.length} 个（随机种子 ${seed}）`,
      data: { year, criteria, seed, size: input.size, poolSize: poolIds.length, projectIds: picked },
    });
    return { ok: true as const, id: draw.id, sampled: picked.length, poolSize: poolIds.length, seed };
  });
}

/**
 * A sampled project under its lock, while it may still change: refused when it is missing, already
 * returned to the department, not yet reviewed (`reviewed`: for 反馈), or changed since it was read.
 */
async function openItem(tx: TxClient, itemId: string, expectedVersion: number, { reviewed = false } = {}) {
  const item = (await lockRow(tx, "SampleItem", "id", itemId))
    ? await tx.sampleItem.findUnique({ where: { id: itemId }, select: { id: true, drawId: true, projectId: true, status: true, version: true } })
    : null;
  if (!item) return refuse("not_found", SAMPLE_MESSAGES.not_found);
  if (item.status === "RETURNED") return refuse("locked", SAMPLE_MESSAGES.returned);
  if (reviewed && item.status !== "REVIEWED") return refuse("invalid", SAMPLE_MESSAGES.not_reviewed);
  if (item.version !== expectedVersion) return refuse("stale", SAMPLE_MESSAGES.stale);
  return { ok: true as const, item };
}

/** Saves the 复核得分 of every applicable row of a sampled project (validated against the table as it is now). */
export async function saveReview(prisma: PrismaClient, actor: Actor, itemId: string, expectedVersion: number, input: unknown): Promise<ActionResult<{ version: number; reviewTotal: string }>> {
  if (!hasPermission(actor.role, "sample.manage")) return refuse("forbidden", SAMPLE_MESSAGES.forbidden);
  return prisma.$transaction(async (tx) => {
    const opened = await openItem(tx, itemId, expectedVersion);
    if (!opened.ok) return opened;
    const { item } = opened;
    const table = await scoredRows(tx, item.projectId);
    if (!table) return refuse("not_found", SAMPLE_MESSAGES.not_found);
    const parsed = reviewSchema(table.rows).safeParse(input);
    if (!parsed.success) return invalid(parsed.error, "复核得分填写有误，请按提示修改后再保存");
    const given = new Map(parsed.data.scores.map((s) => [s.key, s]));
    const rows = table.rows.map((r) => ({ ...r, reviewScore: r.selfScore == null ? null : given.get(r.key)!.reviewScore }));
    const total = reviewTotal(rows);
    if (total == null || table.selfTotal == null) return refuse("invalid", "该项目的自评表无法计算得分，不能复核");
    await tx.sampleScore.deleteMany({ where: { itemId } });
    await tx.sampleScore.createMany({
      data: rows
        .filter((r) => r.selfScore != null)
        .map((r) => ({ itemId, rowKey: r.key, selfScore: r.selfScore!, maxScore: r.max, reviewScore: r.reviewScore!, reason: given.get(r.key)!.reason })),
    });
    const updated = await tx.sampleItem.updateMany({
      where: { id: itemId, version: expectedVersion },
      data: { status: "REVIEWED", selfTotal: table.selfTotal, reviewTotal: total, version: { increment: 1 } },
    });
    if (updated.count !== 1) return refuse("stale", SAMPLE_MESSAGES.stale);
    const changed = rows.filter((r) => r.selfScore != null && r.reviewScore !== r.selfScore).map((r) => ({ row: r.name, self: r.selfScore, review: r.reviewScore, reason: given.get(r.key)!.reason }));
    await writeAudit(tx, {
      actor,
      action: "sample.score",
      entityType: "SampleItem",
      entityId: itemId,
      fromStatus: item.status,
      toStatus: "REVIEWED",
      comment: `${table.project.name}：自评 ${table.selfTotal} 分，复核 ${total} 分（偏差 ${deviation(table.selfTotal, total)}，自评质量${qualityOf(table.selfTotal, total)}）`,
      data: { projectId: item.projectId, selfTotal: table.selfTotal, reviewTotal: total, changed },
    });
    return { ok: true as const, version: expectedVersion + 1, reviewTotal: total };
  });
}

/**
 * Sends the review result to the department: the item becomes 已反馈部门; a report still with the
 * finance bureau (已提交) is returned to its owners with the comment, as the reviewer's own 退回修改
 * would; an approved or published one stays as it is (a correction goes through 重新打开) and the
 * owners are notified of the result.
 */
export async function returnToDepartment(prisma: PrismaClient, actor: Actor, itemId: string, expectedVersion: number, comment: string): Promise<MutationResult<{ version: number; reportReturned: boolean }>> {
  if (!hasPermission(actor.role, "sample.manage")) return refuse("forbidden", SAMPLE_MESSAGES.forbidden);
  return prisma.$transaction(async (tx) => {
    const opened = await openItem(tx, itemId, expectedVersion, { reviewed: true });
    if (!opened.ok) return opened;
    const { item } = opened;
    const full = await tx.sampleItem.findUniqueOrThrow({ where: { id: itemId }, select: { selfTotal: true, reviewTotal: true, project: { select: { name: true, departmentId: true } } } });
    const self = full.selfTotal!.toString();
    const review = full.reviewTotal!.toString();
    const summary = `抽查复核：自评 ${self} 分，复核 ${review} 分，自评质量${qualityOf(self, review)}。${comment}`;
    const report = (await lockRow(tx, "Report", "projectId", item.projectId))
      ? await tx.report.findUnique({ where: { projectId: item.projectId }, select: { id: true, status: true, version: true, title: true } })
      : null;
    // A report still with the finance bureau goes back through the workflow's own 退回修改 (its audit
    // row, comment and notification to the owners); otherwise the owners are told the result.
    const reportReturned = report?.status === "SUBMITTED";
    if (reportReturned) {
      const r = await transitionInTransaction(tx, actor, report.id, "return", report.version, summary);
      if (!r.ok) return refuse("stale", r.message);
    }
    const updated = await tx.sampleItem.updateMany({ where: { id: itemId, version: expectedVersion }, data: { status: "RETURNED", feedback: comment, version: { increment: 1 } } });
    if (updated.count !== 1) return refuse("stale", SAMPLE_MESSAGES.stale);
    if (!reportReturned) {
      const owners = await tx.user.findMany({ where: { role: "OWNER", departmentId: full.project.departmentId, active: true }, select: { id: true } });
      const title = report ? `“${report.title}”` : `“${full.project.name}”`;
      if (owners.length) await tx.notification.createMany({ data: owners.map((u) => ({ userId: u.id, reportId: report?.id ?? null, kind: "sample_review", message: `${title}的抽查复核结果：${summary}` })) });
    }
    await writeAudit(tx, { actor, action: "sample.return", entityType: "SampleItem", entityId: itemId, fromStatus: "REVIEWED", toStatus: "RETURNED", comment: summary, data: { projectId: item.projectId, reportId: report?.id ?? null, reportReturned } });
    return { ok: true as const, version: expectedVersion + 1, reportReturned };
  });
}
