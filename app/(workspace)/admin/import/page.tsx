import type { Metadata } from "next";
import Link from "next/link";
import { ImportForm } from "@/features/accounts/components/import-form";
import { requirePermission } from "@/features/auth/session";

export const metadata: Metadata = { title: "批量导入部门和账号" };

export default async function ImportPage() {
  await requirePermission("user.manage");
  return (
    <div className="space-y-6">
      <div>
        <Link href="/admin" className="text-sm text-brand-700 hover:underline">
          ← 系统管理
        </Link>
        <h1 className="mt-1 text-2xl font-bold">批量导入部门和账号</h1>
        <p className="mt-1 text-sm text-slate-600">
          下载模板，在“部门”和“账号”两张表中填写后上传。导入是全部或全不：任何一格有误都不导入，并列出每个错误的单元格。成功后，新账号的临时密码以 Excel 文件下载一次。
        </p>
        <p className="mt-2">
          <a href="/admin/import/template" className="text-sm text-brand-700 underline" download>
            下载导入模板（.xlsx）
          </a>
        </p>
      </div>
      <ImportForm />
    </div>
  );
}
