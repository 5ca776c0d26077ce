import { AdminPageHeader } from "@/components/shell/admin-page-header";
import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/features/auth/session";
import { DepartmentAdmin } from "@/features/departments/components/department-admin";
import { listDepartmentsForAdmin } from "@/features/departments/data";

export const metadata: Metadata = { title: "部门与单位" };

export default async function DepartmentsPage() {
  await requirePermission("department.manage");
  const rows = await listDepartmentsForAdmin();
  return (
    <div className="space-y-6">
      <AdminPageHeader
        title="部门与单位"
        links={
          <>
            <Link href="/admin/import" className="text-brand-700 hover:underline">
              从 Excel 批量导入部门和账号
            </Link>
          </>
        }
      >
        一级部门及其下属单位（二级预算单位）。有数据的单位不能删除，只能撤销：撤销后数据和已公开的报告全部保留，公开报告仍可访问。
      </AdminPageHeader>
      <DepartmentAdmin rows={rows} />
    </div>
  );
}
