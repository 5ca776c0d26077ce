import { getCurrentUser } from "@/features/auth/session";
import { overviewCsvHandler } from "@/features/oversight/handlers";
import { db } from "@/lib/db";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** 下载部门总览: one row per department as CSV (财政审核人 and admins). */
export async function GET(_request: Request, { params }: { params: Promise<{ year: string }> }) {
  return overviewCsvHandler(db(), await getCurrentUser(), (await params).year);
}
