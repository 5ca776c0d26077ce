import { getCurrentUser } from "@/features/auth/session";
import { attachmentDisposition, buildIndicatorTemplate, excelFrameworkOf, storedIndicatorRow, XLSX_MIME } from "@/features/indicators/excel";
import { getProject } from "@/features/projects/data";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * 下载导入模板: the indicator import template for the project's framework. With `?filled=1` the
 * template holds the project's current indicators (edit offline, import again).
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ message: "请先登录" }, { status: 401, headers: { "Cache-Control": "no-store" } });
  const { id } = await params;
  const found = await getProject(user, id);
  if (!found) return Response.json({ message: "项目不存在，或您无权访问" }, { status: 404, headers: { "Cache-Control": "no-store" } });
  const { project } = found;
  const filled = new URL(request.url).searchParams.get("filled") === "1";
  const rows = filled ? project.indicators.map(storedIndicatorRow) : undefined;
  const buffer = await buildIndicatorTemplate(excelFrameworkOf(project.framework), { rows });
  return new Response(new Uint8Array(buffer), {
    headers: {
      "Content-Type": XLSX_MIME,
      "Content-Disposition": attachmentDisposition(`${project.name}-绩效指标导入模板.xlsx`),
      "Cache-Control": "no-store",
    },
  });
}
