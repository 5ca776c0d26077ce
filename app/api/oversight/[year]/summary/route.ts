import { getCurrentUser } from "@/features/auth/session";
import { summaryHandler } from "@/features/oversight/handlers";
import { db } from "@/lib/db";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** 下载汇总表: every project of the year as .xlsx (财政审核人 and admins). */
export async function GET(_request: Request, { params }: { params: Promise<{ year: string }> }) {
  return summaryHandler(db(), await getCurrentUser(), (await params).year);
}
