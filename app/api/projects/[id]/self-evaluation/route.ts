import { getCurrentUser } from "@/features/auth/session";
import { attachmentDisposition, buildSelfEvaluationWorkbook, XLSX_MIME } from "@/features/indicators/excel";
import { getProject } from "@/features/projects/data";
import { toScoreInput } from "@/features/projects/score-input";
import { computeSelfEvaluationScore } from "@/features/scoring/score";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** 下载自评表: the project's 项目支出绩效自评表 as .xlsx (re-importable: it carries the indicator sheet). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ message: "请先登录" }, { status: 401, headers: { "Cache-Control": "no-store" } });
  const { id } = await params;
  const found = await getProject(user, id);
  if (!found) return Response.json({ message: "项目不存在，或您无权访问" }, { status: 404, headers: { "Cache-Control": "no-store" } });
  const { project } = found;
  const score = computeSelfEvaluationScore(toScoreInput(project));
  const buffer = await buildSelfEvaluationWorkbook(project, score);
  return new Response(new Uint8Array(buffer), {
    headers: {
      "Content-Type": XLSX_MIME,
      "Content-Disposition": attachmentDisposition(`${project.name}-自评表-${project.year}.xlsx`),
      "Cache-Control": "no-store",
    },
  });
}
