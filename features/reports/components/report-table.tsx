"use client";

import { type ColumnDef, getCoreRowModel, useReactTable } from "@tanstack/react-table";
import Link from "next/link";
import { SortableTable } from "@/components/ui/sortable-table";
import { useMemo } from "react";
import type { SortDir } from "@/lib/list-query";
import type { ReportKind, ReportStatus } from "@/lib/generated/prisma/enums";
import { REPORT_STATUS_LABELS } from "@/lib/labels";
import { REPORT_KIND_LABELS } from "./labels";
import { StatusBadge } from "./status-badge";

export type ReportTableRow = {
  id: string;
  title: string;
  kind: ReportKind;
  status: ReportStatus;
  year: number;
  departmentId: string;
  department: string;
  projectName: string | null;
  openComments: number;
  submittedAt: string | null;
  submittedAtText: string;
  updatedAt: string;
  updatedAtText: string;
};

/** One page of the reviewer inbox / the owner's reports, searched, filtered, sorted and paged in the database. */
export function ReportTable({ rows, showDepartment, sort }: { rows: ReportTableRow[]; showDepartment: boolean; sort: { sort: string; dir: SortDir; params: Record<string, string | undefined> } }) {
  const columns = useMemo<ColumnDef<ReportTableRow>[]>(
    () => [
      {
        id: "year",
        accessorKey: "year",
        header: "年度",
        cell: (c) => `${c.getValue<number>()}年`,
      },
      ...(showDepartment
        ? [
            {
              id: "department",
              accessorKey: "department",
              header: "部门",
              enableSorting: false,
            } satisfies ColumnDef<ReportTableRow>,
          ]
        : []),
      {
        id: "title",
        accessorKey: "title",
        header: "报告",
        cell: (c) => (
          <div>
            <Link href={`/reports/${c.row.original.id}`} className="font-medium text-brand-700 hover:underline">
              {c.row.original.title}
            </Link>
            <p className="text-xs text-slate-500">{REPORT_KIND_LABELS[c.row.original.kind]}</p>
          </div>
        ),
      },
      {
        id: "status",
        accessorFn: (r) => REPORT_STATUS_LABELS[r.status],
        header: "状态",
        cell: (c) => <StatusBadge status={c.row.original.status} />,
        enableSorting: false,
      },
      {
        accessorKey: "openComments",
        header: "未解决意见",
        enableSorting: false,
        meta: { numeric: true },
        cell: (c) => (c.getValue<number>() > 0 ? <span className="font-semibold text-amber-800">{c.getValue<number>()}</span> : "—"),
      },
      { id: "submitted", accessorKey: "submittedAtText", header: "提交时间" },
      { id: "updated", accessorKey: "updatedAtText", header: "最近更新" },
    ],
    [showDepartment],
  );

  // TanStack Table v8 returns fresh functions each render; the React Compiler skips this
  // component, which is what we want.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({ data: rows, columns, manualSorting: true, manualPagination: true, getCoreRowModel: getCoreRowModel() });

  return (
    <div className="space-y-3">
      <SortableTable
        table={table}
        caption="报告列表"
        testId="reports-table"
        rowTestId="report-row"
        emptyTestId="reports-empty"
        empty="没有符合条件的报告"
        cellClassName="align-top"
        serverSort={sort}
      />
    </div>
  );
}
