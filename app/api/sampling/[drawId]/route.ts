import { getCurrentUser } from "@/features/auth/session";
import { drawExportHandler } from "@/features/sampling/handlers";
import { db } from "@/lib/db";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** 下载复核结果: a draw's items and re-scored rows as .xlsx (finance reviewers and admins). */
export async function GET(_request: Request, { params }: { params: Promise<{ drawId: string }> }) {
  return drawExportHandler(db(), await getCurrentUser(), (await params).drawId);
}
