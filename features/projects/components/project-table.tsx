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
import { useMemo, useState } from "react";
import { SortableTable } from "@/components/ui/sortable-table";
import { formatPercentText, formatWanText } from "@/lib/money";
import type { ReportStatus } from "@/lib/generated/prisma/enums";
import { REPORT_STATUS_LABELS } from "@/lib/labels";

export type ProjectTableRow = {
  id: string;
  year: number;
  name: string;
  category: string;
  department: string;
  annualBudget: string;
  executed: string;
  executionRate: string | null;
  total: string | null;
  grade: string | null;
  /** Problems that keep the score from being final (missing weights, actuals …). */
  pending: number;
  /** Approved or published without any 分值: the printed table gave no score. */
  unscored: boolean;
  indicatorCount: number;
  status: ReportStatus | null;
  editable: boolean;
};

const numeric = (a: string | null, b: string | null) => (a === null ? -Infinity : Number(a)) - (b === null ? -Infinity : Number(b));
const statusLabel = (s: ReportStatus | null) => (s ? REPORT_STATUS_LABELS[s] : "未创建自评");

export function ProjectTable({ rows, showDepartment, emptyHint }: { rows: ProjectTableRow[]; showDepartment: boolean; emptyHint: React.ReactNode }) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState("");

  const columns = useMemo<ColumnDef<ProjectTableRow>[]>(
    () => [
      { accessorKey: "year", header: "年度", cell: (c) => `${c.getValue<number>()}年` },
      ...(showDepartment ? [{ accessorKey: "department", header: "部门" } satisfies ColumnDef<ProjectTableRow>] : []),
      {
        accessorKey: "name",
        header: "项目名称",
        cell: (c) => (
          <Link href={`/projects/${c.row.original.id}`} className="font-medium text-brand-700 hover:underline">
            {c.row.original.name}
          </Link>
        ),
      },
      { accessorKey: "annualBudget", header: "全年预算数(万元)", sortingFn: (a, b) => numeric(a.original.annualBudget, b.original.annualBudget), cell: (c) => formatWanText(c.getValue<string>()), meta: { numeric: true } },
      { accessorKey: "executed", header: "全年执行数(万元)", sortingFn: (a, b) => numeric(a.original.executed, b.original.executed), cell: (c) => formatWanText(c.getValue<string>()), meta: { numeric: true } },
      { accessorKey: "executionRate", header: "执行率", sortingFn: (a, b) => numeric(a.original.executionRate, b.original.executionRate), cell: (c) => formatPercentText(c.getValue<string | null>()), meta: { numeric: true } },
      { accessorKey: "total", header: "自评得分", sortingFn: (a, b) => numeric(a.original.total, b.original.total), cell: (c) => c.getValue<string | null>() ?? (c.row.original.unscored ? <span className="text-slate-700" title="公开的自评表未列各指标分值">原表未列分值</span> : c.row.original.pending ? <span className="text-amber-700" title={`${c.row.original.pending} 项待完善`}>待完善</span> : "—"), meta: { numeric: true } },
      { accessorKey: "grade", header: "等级", cell: (c) => c.getValue<string | null>() ?? "—" },
      { accessorKey: "indicatorCount", header: "指标数", meta: { numeric: true } },
      {
        id: "status",
        accessorFn: (r) => statusLabel(r.status),
        header: "状态",
        filterFn: (row, _id, value: string) => !value || row.original.status === (value === "NONE" ? null : value),
      },
    ],
    [showDepartment],
  );

  // A new filter array on every render would make TanStack reset its state on every render (a loop).
  const columnFilters = useMemo(() => (status ? [{ id: "status", value: status }] : []), [status]);
  // TanStack Table v8 returns fresh functions each render; the React Compiler skips this
  // component, which is what we want.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns,
    autoResetPageIndex: false,
    state: { sorting, globalFilter: search, columnFilters },
    onSortingChange: setSorting,
    globalFilterFn: (row, _id, value: string) => {
      const q = value.trim().toLowerCase();
      if (!q) return true;
      const r = row.original;
      return [r.name, r.department, r.category, String(r.year)].some((s) => s.toLowerCase().includes(q));
    },
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
  });

  if (rows.length === 0) {
    return <div className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center text-slate-600" data-testid="projects-empty">{emptyHint}</div>;
  }

  const shown = table.getRowModel().rows;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <label className="text-sm">
          <span className="mb-1 block text-slate-700">搜索</span>
          <input
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder="项目名称、部门或类别"
            className="w-64 rounded-md border border-slate-300 px-3 py-2 text-sm"
          />
        </label>
        <label className="text-sm">
          <span className="mb-1 block text-slate-700">状态</span>
          <select value={status} onChange={(e) => setStatus(e.target.value)} className="rounded-md border border-slate-300 px-3 py-2 text-sm">
            <option value="">全部</option>
            <option value="NONE">未创建自评</option>
            {Object.entries(REPORT_STATUS_LABELS).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </label>
        <p className="ml-auto text-sm text-slate-500" aria-live="polite">
          共 {rows.length} 个项目{shown.length !== rows.length ? `，显示 ${shown.length} 个` : ""}
        </p>
      </div>
      <SortableTable table={table} caption="项目列表，点击列标题排序" testId="projects-table" rowTestId="project-row" empty="没有符合条件的项目" />
    </div>
  );
}
