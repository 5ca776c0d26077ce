import { handleDownload } from "@/features/publication/exports/handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** 下载: the published year document as PDF, Word, Excel, JSON or CSV (public, no sign-in). */
export async function GET(request: Request, { params }: { params: Promise<{ departmentCode: string; year: string }> }) {
  return handleDownload(request, await params);
}
