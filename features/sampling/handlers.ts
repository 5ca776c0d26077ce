/** What the sampling review's server actions and download do, given the actor (null = anonymous). */
import { checkDownloadPermission, checkPermission } from "@/features/auth/guard";
import type { Actor } from "@/lib/actor";
import { BAD_VERSION, type ActionResult, invalid } from "@/lib/action-result";
import type { PrismaClient } from "@/lib/db-client";
import { attachmentDisposition, XLSX_MIME } from "@/lib/download-headers";
import { FISCAL_YEAR_MESSAGE, isFiscalYear } from "@/lib/fiscal-year";
import { versionSchema } from "@/features/projects/schema";
import { drawDetail } from "./data";
import { buildDrawWorkbook } from "./export";
import { createDraw, returnToDepartment, SAMPLE_MESSAGES, saveReview } from "./mutations";
import { drawSchema, feedbackSchema } from "./schema";

const NOT_FOUND = { ok: false as const, reason: "not_found", message: SAMPLE_MESSAGES.not_found };

export async function drawHandler(prisma: PrismaClient, actor: Actor | null, year: unknown, input: unknown): Promise<ActionResult<{ id: string; sampled: number; poolSize: number; seed: number }>> {
  const auth = checkPermission(actor, "sample.manage");
  if ("refusal" in auth) return auth.refusal;
  if (!isFiscalYear(year)) return { ok: false, reason: "invalid", message: FISCAL_YEAR_MESSAGE };
  const parsed = drawSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error, "抽取条件填写有误，请按提示修改");
  return createDraw(prisma, auth.actor, year, parsed.data);
}

export async function saveReviewHandler(prisma: PrismaClient, actor: Actor | null, itemId: unknown, version: unknown, input: unknown): Promise<ActionResult<{ version: number; reviewTotal: string }>> {
  const auth = checkPermission(actor, "sample.manage");
  if ("refusal" in auth) return auth.refusal;
  if (typeof itemId !== "string") return NOT_FOUND;
  const v = versionSchema.safeParse(version);
  if (!v.success) return BAD_VERSION;
  return saveReview(prisma, auth.actor, itemId, v.data, input);
}

export async function returnHandler(prisma: PrismaClient, actor: Actor | null, itemId: unknown, version: unknown, input: unknown): Promise<ActionResult<{ version: number; reportReturned: boolean }>> {
  const auth = checkPermission(actor, "sample.manage");
  if ("refusal" in auth) return auth.refusal;
  if (typeof itemId !== "string") return NOT_FOUND;
  const v = versionSchema.safeParse(version);
  if (!v.success) return BAD_VERSION;
  const parsed = feedbackSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return returnToDepartment(prisma, auth.actor, itemId, v.data, parsed.data.comment);
}

/** GET /api/sampling/[drawId]: the draw's results as .xlsx (finance reviewers and admins). */
export async function drawExportHandler(prisma: PrismaClient, actor: Actor | null, drawId: string): Promise<Response> {
  const noStore = { "Cache-Control": "no-store" };
  const auth = checkDownloadPermission(actor, "sample.read");
  if ("response" in auth) return auth.response;
  const draw = drawId.length <= 64 ? await drawDetail(drawId, prisma) : null;
  if (!draw) return Response.json({ message: "抽查批次不存在" }, { status: 404, headers: noStore });
  const buffer = await buildDrawWorkbook(draw, prisma);
  return new Response(new Uint8Array(buffer), {
    headers: { "Content-Type": XLSX_MIME, "Content-Disposition": attachmentDisposition(`${draw.title}复核结果.xlsx`), ...noStore },
  });
}
