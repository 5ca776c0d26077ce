import { overviewCsvResponse } from "@/features/oversight/handlers";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** 下载部门总览: one row per department as CSV (财政审核人 and admins). */
export async function GET(_request: Request, { params }: { params: Promise<{ year: string }> }) {
  return overviewCsvResponse((await params).year);
}
