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
      <div>
        <Link href="/admin" className="text-sm text-brand-700 hover:underline">
          ← 系统管理
        </Link>
        <h1 className="mt-1 text-2xl font-bold">部门与单位</h1>
        <p className="mt-1 text-sm text-slate-600">
          一级部门及其下属单位（二级预算单位）。有数据的单位不能删除，只能撤销：撤销后数据和已公开的报告全部保留，公开报告仍可访问。
        </p>
        <p className="mt-1 text-sm">
          <Link href="/admin/import" className="text-brand-700 hover:underline">
            从 Excel 批量导入部门和账号
          </Link>
        </p>
      </div>
      <DepartmentAdmin rows={rows} />
    </div>
  );
}
