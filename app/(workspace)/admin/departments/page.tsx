import { AdminPage, BulkImportLink } from "@/components/shell/admin-page-header";
import type { Metadata } from "next";
import { requirePermission } from "@/features/auth/session";
import { DepartmentAdmin } from "@/features/departments/components/department-admin";
import { DEPARTMENT_LIST, listDepartmentsForAdmin, listParentChoices } from "@/features/departments/data";
import { listControls, type ListFilter } from "@/components/ui/list-controls";
import { UNIT_KIND_LABELS } from "@/lib/labels";
import { listParams, parseListQuery } from "@/lib/list-query";

export const metadata: Metadata = { title: "部门与单位" };

export default async function DepartmentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("department.manage");
  const query = parseListQuery(await searchParams, DEPARTMENT_LIST);
  const [{ rows, info }, parents] = await Promise.all([listDepartmentsForAdmin(query), listParentChoices()]);
  const params = listParams(query, DEPARTMENT_LIST);
  const filters: ListFilter[] = [
    { name: "status", label: "状态", value: query.filters.status, options: [{ value: "active", label: "使用中" }, { value: "retired", label: "已撤销" }] },
    { name: "kind", label: "单位类型", value: query.filters.kind, options: DEPARTMENT_LIST.filters.kind.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k] })) },
  ];
  return (
    <AdminPage title="部门与单位" links={<BulkImportLink />} intro="一级部门及其下属单位（二级预算单位）。有数据的单位不能删除，只能撤销：撤销后数据和已公开的报告全部保留，公开报告仍可访问。">
      <DepartmentAdmin
        rows={rows}
        parents={parents}
        {...listControls({ query, params, info, action: "/admin/departments", placeholder: "编码、名称、地区…", filters, noun: "个部门", testId: "department-pager" })}
      />
    </AdminPage>
  );
}
