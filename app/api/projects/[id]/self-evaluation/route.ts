import { buildSelfEvaluationWorkbookOffloaded } from "@/features/indicators/excel/offloaded";
import { projectXlsxResponse } from "@/features/indicators/download";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** 下载自评表: the project's 项目支出绩效自评表 as .xlsx (re-importable: it carries the indicator sheet). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return projectXlsxResponse((await params).id, async (project) => ({
    buffer: await buildSelfEvaluationWorkbookOffloaded(project),
    fileName: `${project.name}-自评表-${project.year}.xlsx`,
  }));
}
