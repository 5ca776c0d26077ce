import { buildImportTemplate } from "@/features/accounts/import";
import { authorize } from "@/features/auth/session";
import { attachmentDisposition, XLSX_MIME } from "@/lib/download-headers";

export async function GET() {
  const auth = await authorize("user.manage");
  if ("refusal" in auth) return Response.json({ error: auth.refusal.ok ? "" : auth.refusal.message }, { status: 403 });
  const body = await buildImportTemplate();
  return new Response(new Uint8Array(body), { headers: { "Content-Type": XLSX_MIME, "Content-Disposition": attachmentDisposition("部门和账号导入模板.xlsx"), "Cache-Control": "no-store" } });
}
