import { AdminPage } from "@/components/shell/admin-page-header";
import type { Metadata } from "next";
import { requirePermission } from "@/features/auth/session";
import { FunctionClassAdmin } from "@/features/function-classes/components/function-class-admin";
import { listFunctionClasses } from "@/features/function-classes/data";

export const metadata: Metadata = { title: "支出功能分类科目" };

export default async function FunctionClassesPage() {
  await requirePermission("functionClass.manage");
  const rows = await listFunctionClasses();
  return (
    <AdminPage title="支出功能分类科目" intro="决算按功能分类填报支出时从这里的“项”中选择。类为3位编码，款为5位（前3位为所属类），项为7位（前5位为所属款）。已被决算数据使用或还有下级的科目不能删除；改名不影响已公开的报告。">
      <FunctionClassAdmin rows={rows} />
    </AdminPage>
  );
}
