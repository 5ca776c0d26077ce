"use client";

import {
  type ColumnDef,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  type SortingState,
  useReactTable,
} from "@tanstack/react-table";
import Link from "next/link";
import { SortableTable } from "@/components/ui/sortable-table";
import { useMemo, useState } from "react";
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

const byIso = (a: string | null, b: string | null) => (a ?? "").localeCompare(b ?? "");

/** The reviewer inbox / the owner's reports: sortable, with status, department and year filters. */
export function ReportTable({ rows, showDepartment, defaultStatus }: { rows: ReportTableRow[]; showDepartment: boolean; defaultStatus: ReportStatus | "" }) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState<string>(defaultStatus);
  const [department, setDepartment] = useState("");
  const [year, setYear] = useState("");

  const departments = useMemo(() => [...new Map(rows.map((r) => [r.departmentId, r.department])).entries()].sort((a, b) => a[1].localeCompare(b[1], "zh-CN")), [rows]);
  const years = useMemo(() => [...new Set(rows.map((r) => r.year))].sort((a, b) => b - a), [rows]);

  const columns = useMemo<ColumnDef<ReportTableRow>[]>(
    () => [
      {
        id: "year",
        accessorKey: "year",
        header: "年度",
        cell: (c) => `${c.getValue<number>()}年`,
        filterFn: (row, _id, value: string) => !value || String(row.original.year) === value,
      },
      ...(showDepartment
        ? [
            {
              id: "department",
              accessorKey: "department",
              header: "部门",
              filterFn: (row, _id, value: string) => !value || row.original.departmentId === value,
            } satisfies ColumnDef<ReportTableRow>,
          ]
        : []),
      {
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
        filterFn: (row, _id, value: string) => !value || row.original.status === value,
      },
      {
        accessorKey: "openComments",
        header: "未解决意见",
        meta: { numeric: true },
        cell: (c) => (c.getValue<number>() > 0 ? <span className="font-semibold text-amber-800">{c.getValue<number>()}</span> : "—"),
      },
      { accessorKey: "submittedAtText", header: "提交时间", sortingFn: (a, b) => byIso(a.original.submittedAt, b.original.submittedAt) },
      { accessorKey: "updatedAtText", header: "最近更新", sortingFn: (a, b) => byIso(a.original.updatedAt, b.original.updatedAt) },
    ],
    [showDepartment],
  );

  // Memoised: a new array on every render would recompute the filtered rows each time,
  // and TanStack then resets the page index (a state update) on every render: an endless
  // render loop that starves navigations. No pagination here, so auto-reset is off too.
  const columnFilters = useMemo(
    () => [
      ...(status ? [{ id: "status", value: status }] : []),
      ...(showDepartment && department ? [{ id: "department", value: department }] : []),
      ...(year ? [{ id: "year", value: year }] : []),
    ],
    [status, department, year, showDepartment],
  );

  // TanStack Table v8 returns fresh functions each render; the React Compiler skips this
  // component, which is what we want.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting, globalFilter: search, columnFilters },
    onSortingChange: setSorting,
    autoResetPageIndex: false,
    globalFilterFn: (row, _id, value: string) => {
      const q = value.trim().toLowerCase();
      if (!q) return true;
      const r = row.original;
      return [r.title, r.department, r.projectName ?? "", String(r.year)].some((s) => s.toLowerCase().includes(q));
    },
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
  });

  const shown = table.getRowModel().rows;
  const selectClass = "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <label className="text-sm">
          <span className="mb-1 block text-slate-700">搜索</span>
          <input
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder="报告、项目名称或部门"
            className="w-64 rounded-md border border-slate-300 px-3 py-2 text-sm"
          />
        </label>
        <label className="text-sm">
          <span className="mb-1 block text-slate-700">状态</span>
          <select value={status} onChange={(e) => setStatus(e.target.value)} className={selectClass}>
            <option value="">全部</option>
            {Object.entries(REPORT_STATUS_LABELS).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </label>
        {showDepartment ? (
          <label className="text-sm">
            <span className="mb-1 block text-slate-700">部门</span>
            <select value={department} onChange={(e) => setDepartment(e.target.value)} className={selectClass}>
              <option value="">全部</option>
              {departments.map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label className="text-sm">
          <span className="mb-1 block text-slate-700">年度</span>
          <select value={year} onChange={(e) => setYear(e.target.value)} className={selectClass}>
            <option value="">全部</option>
            {years.map((y) => (
              <option key={y} value={String(y)}>
                {y}年
              </option>
            ))}
          </select>
        </label>
        <p className="ml-auto text-sm text-slate-500" aria-live="polite">
          共 {rows.length} 份报告{shown.length !== rows.length ? `，显示 ${shown.length} 份` : ""}
        </p>
      </div>
      <SortableTable
        table={table}
        caption="报告列表，点击列标题排序"
        testId="reports-table"
        rowTestId="report-row"
        emptyTestId="reports-empty"
        empty={rows.length === 0 ? "暂无报告。" : "没有符合条件的报告"}
        cellClassName="align-top"
      />
    </div>
  );
}
