import "server-only";
import { checkDownloadPermission } from "@/features/auth/guard";
import { getCurrentUser } from "@/features/auth/session";
import { getProject, type ProjectDetail } from "@/features/projects/data";
import { attachmentDisposition, XLSX_MIME } from "@/lib/download-headers";
import { IsolatedTaskError } from "@/lib/isolated";

const noStore = { "Cache-Control": "no-store" };

/**
 * An .xlsx download about one project, for a signed-in user who may read it:
 * 401 when anonymous, 403 without "project.read", 404 when absent or out of scope (never telling which).
 */
export async function projectXlsxResponse(id: string, build: (project: ProjectDetail) => Promise<{ buffer: Buffer; fileName: string }>) {
  const auth = checkDownloadPermission(await getCurrentUser(), "project.read");
  if ("response" in auth) return auth.response;
  const found = await getProject(auth.actor, id);
  if (!found) return Response.json({ message: "项目不存在，或您无权访问" }, { status: 404, headers: noStore });
  let built: { buffer: Buffer; fileName: string };
  try {
    built = await build(found.project);
  } catch (e) {
    // A worker process out of memory or time (lib/isolated.ts): this download fails, the server goes on.
    if (e instanceof IsolatedTaskError) return Response.json({ message: e.message }, { status: 503, headers: noStore });
    throw e;
  }
  const { buffer, fileName } = built;
  return new Response(new Uint8Array(buffer), {
    headers: { "Content-Type": XLSX_MIME, "Content-Disposition": attachmentDisposition(fileName), ...noStore },
  });
}
