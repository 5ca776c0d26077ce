"use server";

import { revalidatePath } from "next/cache";
import { formFile } from "@/lib/form-file";
import { checkPermission } from "@/features/auth/guard";
import { getCurrentUser } from "@/features/auth/session";
import { MAX_UPLOAD_BYTES } from "@/features/indicators/excel/cells";
import { db } from "@/lib/db";
import { buildPasswordWorkbook, type ImportCellError, importDepartmentsAndAccounts } from "./import";

export type ImportActionResult =
  | { ok: true; departments: number; accounts: number; passwordFile: string | null }
  | { ok: false; message: string; errors: ImportCellError[] };

/** 批量导入部门和账号 from an uploaded .xlsx (`formData.get("file")`); all or nothing. */
export async function importDepartmentsAndAccountsAction(formData: FormData): Promise<ImportActionResult> {
  const actor = await getCurrentUser();
  for (const permission of ["user.manage", "department.manage"] as const) {
    const auth = checkPermission(actor, permission);
    if ("refusal" in auth) return { ok: false, message: "refusal" in auth && !auth.refusal.ok ? auth.refusal.message : "您无权执行此操作", errors: [] };
  }
  const file = formFile(formData);
  if (!(file instanceof File)) return { ok: false, message: "请选择要导入的 Excel（.xlsx）文件", errors: [] };
  if (file.size > MAX_UPLOAD_BYTES) return { ok: false, message: "文件超过5 MB，请分批导入", errors: [] };
  const result = await importDepartmentsAndAccounts(db(), actor!, Buffer.from(await file.arrayBuffer()));
  if (!result.ok) return result;
  revalidatePath("/admin/accounts");
  revalidatePath("/admin/departments");
  const passwordFile = result.passwords.length ? (await buildPasswordWorkbook(result.passwords)).toString("base64") : null;
  return { ok: true, departments: result.departments, accounts: result.accounts, passwordFile };
}
