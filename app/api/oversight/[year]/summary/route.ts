import { summaryResponse } from "@/features/oversight/handlers";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** 下载汇总表: every project of the year as .xlsx (财政审核人 and admins). */
export async function GET(_request: Request, { params }: { params: Promise<{ year: string }> }) {
  return summaryResponse((await params).year);
}
