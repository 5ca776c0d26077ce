"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { useMemo } from "react";
import { Button } from "@/components/ui/button";
import { AdminList, useAdminPanel } from "@/components/ui/use-admin-panel";
import { UNIT_KIND_LABELS } from "@/lib/labels";
import type { ListControls } from "@/components/ui/list-controls";
import { createDepartmentAction, setDepartmentRetiredAction, updateDepartmentAction } from "../actions";
import type { DepartmentAdminRow } from "../data";
import type { CreateDepartmentInput } from "../schema";
import { DepartmentForm } from "./department-form";

/** The list is searched, filtered, sorted and paged in the database: its controls come from the page. */
type Props = ListControls & {
  rows: DepartmentAdminRow[];
  /** Every department that can take sub-units (not only this page's). */
  parents: { id: string; label: string }[];
};

/** 部门与单位: one page of the two-level list (departments, each followed by its sub-units), a create form and per-row edit / retire / restore. */
export function DepartmentAdmin({ rows, parents, ...controls }: Props) {
  const panel = useAdminPanel<DepartmentAdminRow>();
  const { setNotice, setEditing, formDone, savedEdit, refresh } = panel;

  async function toggle(r: DepartmentAdminRow) {
    const retire = !r.retiredAt;
    if (retire && !window.confirm(`撤销 ${r.name}？其数据和已公开的报告都会保留，但不能再为其新建账号。`)) return;
    const result = await setDepartmentRetiredAction(r.id, retire);
    setNotice(result.ok ? { kind: "ok", text: `${retire ? "已撤销" : "已恢复"} ${r.shortName}` } : { kind: "error", text: result.message });
    if (result.ok) refresh();
  }

  const columns = useMemo<ColumnDef<DepartmentAdminRow>[]>(
    () => [
      { id: "code", accessorKey: "code", header: "编码", cell: ({ row }) => <span className="font-mono">{row.original.code}</span> },
      { id: "name", accessorKey: "name", header: "单位全称", cell: ({ row }) => (row.original.parentId ? <span className="pl-6">└ {row.original.name}</span> : row.original.name) },
      { accessorKey: "shortName", header: "简称", enableSorting: false },
      { id: "unitKind", accessorFn: (r) => UNIT_KIND_LABELS[r.unitKind], header: "单位类型", enableSorting: false },
      { id: "region", accessorFn: (r) => r.region || "—", header: "地区", enableSorting: false },
      { id: "order", accessorKey: "sortOrder", header: "排序" },
      { id: "counts", accessorFn: (r) => `${r._count.users}/${r._count.projects}/${r._count.reports}`, header: "账号/项目/报告", enableSorting: false },
      { id: "status", accessorFn: (r) => (r.retiredAt ? "已撤销" : "使用中"), header: "状态", enableSorting: false },
      {
        id: "actions",
        header: "操作",
        enableSorting: false,
        cell: ({ row }) => {
          const r = row.original;
          return (
            <div className="flex gap-1">
              <Button variant="ghost" className="px-2 py-1" onClick={() => setEditing(r)} aria-label={`修改 ${r.code}`}>
                修改
              </Button>
              <Button variant="ghost" className="px-2 py-1" onClick={() => toggle(r)} aria-label={`${r.retiredAt ? "恢复" : "撤销"} ${r.code}`}>
                {r.retiredAt ? "恢复" : "撤销"}
              </Button>
            </div>
          );
        },
      },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  return (
    <AdminList<DepartmentAdminRow, CreateDepartmentInput> panel={panel} rows={rows} columns={columns} controls={controls} table={{ caption: "部门与下属单位", testId: "department-table", rowTestId: "department-row", empty: "没有符合条件的部门或单位" }}
      create={{
        label: "新增部门或单位",
        heading: "新增部门或下属单位",
        submit: async (values) => formDone(await createDepartmentAction(values), () => setNotice({ kind: "ok", text: `已新增 ${values.shortName}` })),
      }}
      edit={{
        label: (d) => `修改 ${d.shortName}`,
        heading: (d) => `修改 ${d.code} ${d.shortName}`,
        initial: (d) => ({ ...d, parentId: d.parentId ?? "" }),
        submit: async (d, values) => formDone(await updateDepartmentAction(d.id, values), savedEdit(values.shortName)),
      }}
      form={(props, d) => <DepartmentForm {...props} parents={d ? parents.filter((p) => p.id !== d.id) : parents} />}
    />
  );
}
