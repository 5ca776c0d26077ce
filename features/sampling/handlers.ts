/** What the sampling review's server actions and download do, given the actor (null = anonymous). */
import { checkDownloadPermission } from "@/features/auth/guard";
import { arg, handler } from "@/features/auth/handler";
import type { Actor } from "@/lib/actor";
import type { ActionResult } from "@/lib/action-result";
import type { PrismaClient } from "@/lib/db-client";
import { attachmentDisposition, XLSX_MIME } from "@/lib/download-headers";
import { drawDetail } from "./data";
import { buildDrawWorkbook } from "./export";
import { createDraw, returnToDepartment, SAMPLE_MESSAGES, saveReview } from "./mutations";
import { drawSchema, feedbackSchema } from "./schema";

const NOT_FOUND: ActionResult<never> = { ok: false, reason: "not_found", message: SAMPLE_MESSAGES.not_found };

export const drawHandler = handler("sample.manage", arg.year, arg.input(drawSchema, "抽取条件填写有误，请按提示修改"))(createDraw);
/** The review's input is checked by the mutation, which scores it against the item's indicators. */
export const saveReviewHandler = handler("sample.manage", arg.id(NOT_FOUND), arg.version, arg.unchecked)(saveReview);
export const returnHandler = handler("sample.manage", arg.id(NOT_FOUND), arg.version, arg.input(feedbackSchema))((prisma, actor, itemId, version, input) =>
  returnToDepartment(prisma, actor, itemId, version, input.comment),
);

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
