import { AdminPage } from "@/components/shell/admin-page-header";
import type { Metadata } from "next";
import { ImportForm } from "@/features/accounts/components/import-form";
import { requirePermission } from "@/features/auth/session";

export const metadata: Metadata = { title: "批量导入部门和账号" };

export default async function ImportPage() {
  await requirePermission("user.manage");
  return (
    <AdminPage
      title="批量导入部门和账号"
      links={
        <a href="/admin/import/template" className="text-sm text-brand-700 underline" download>
          下载导入模板（.xlsx）
        </a>
      }
      intro="下载模板，在“部门”和“账号”两张表中填写后上传。导入是全部或全不：任何一格有误都不导入，并列出每个错误的单元格。成功后，新账号的临时密码以 Excel 文件下载一次。">
      <ImportForm />
    </AdminPage>
  );
}
