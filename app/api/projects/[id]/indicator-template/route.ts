import { excelFrameworkOf, storedIndicatorRow } from "@/features/indicators/excel/framework";
import { buildIndicatorTemplateOffloaded } from "@/features/indicators/excel/offloaded";
import { projectXlsxResponse } from "@/features/indicators/download";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * 下载导入模板: the indicator import template for the project's framework. With `?filled=1` the
 * template holds the project's current indicators (edit offline, import again).
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const filled = new URL(request.url).searchParams.get("filled") === "1";
  return projectXlsxResponse((await params).id, async (project) => ({
    buffer: await buildIndicatorTemplateOffloaded(excelFrameworkOf(project.framework), { rows: filled ? project.indicators.map(storedIndicatorRow) : undefined }),
    fileName: `${project.name}-绩效指标导入模板.xlsx`,
  }));
}
