"use client";

import { ScoreValue } from "@/components/ui/score-value";
import { type ColumnDef, getCoreRowModel, useReactTable } from "@tanstack/react-table";
import Link from "next/link";
import { type ReactNode, useMemo } from "react";
import { SortableTable } from "@/components/ui/sortable-table";
import type { ListControls } from "@/components/ui/list-controls";
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
  /** The unrounded total where rounding changed it (shown on hover). */
  totalExact?: string | null;
  grade: string | null;
  /** Problems that keep the score from being final (missing weights, actuals …). */
  pending: number;
  /** Approved or published without any 分值: the printed table gave no score. */
  unscored: boolean;
  indicatorCount: number;
  status: ReportStatus | null;
  editable: boolean;
};

const statusLabel = (s: ReportStatus | null) => (s ? REPORT_STATUS_LABELS[s] : "未创建自评");

/** The list is searched, filtered, sorted and paged in the database: its controls come from the page. */
type Props = ListControls & {
  rows: ProjectTableRow[];
  /** Whether the actor has any project at all (else the first-steps hint instead of the list). */
  anyProject: boolean;
  showDepartment: boolean;
  emptyHint: ReactNode;
};

/**
 * One page of projects. Year, department and name sort in the database; the figures (execution
 * rate, score, grade) are computed per project for the page shown and are not sortable here —
 * the year overview (年度总览) ranks them across departments.
 */
export function ProjectTable({ rows, anyProject, sort, search, pager, showDepartment, emptyHint }: Props) {
  const columns = useMemo<ColumnDef<ProjectTableRow>[]>(
    () => [
      { id: "year", accessorKey: "year", header: "年度", cell: (c) => `${c.getValue<number>()}年` },
      ...(showDepartment ? [{ id: "department", accessorKey: "department", header: "部门" } satisfies ColumnDef<ProjectTableRow>] : []),
      {
        id: "name",
        accessorKey: "name",
        header: "项目名称",
        cell: (c) => (
          <Link href={`/projects/${c.row.original.id}`} className="font-medium text-brand-700 hover:underline">
            {c.row.original.name}
          </Link>
        ),
      },
      { accessorKey: "annualBudget", header: "全年预算数(万元)", enableSorting: false, cell: (c) => formatWanText(c.getValue<string>()), meta: { numeric: true } },
      { accessorKey: "executed", header: "全年执行数(万元)", enableSorting: false, cell: (c) => formatWanText(c.getValue<string>()), meta: { numeric: true } },
      { accessorKey: "executionRate", header: "执行率", enableSorting: false, cell: (c) => formatPercentText(c.getValue<string | null>()), meta: { numeric: true } },
      { accessorKey: "total", header: "自评得分", enableSorting: false, cell: (c) => (c.getValue<string | null>() ? <ScoreValue value={c.getValue<string | null>()} exact={c.row.original.totalExact} /> : null) ?? (c.row.original.unscored ? <span className="text-slate-700" title="公开的自评表未列各指标分值">原表未列分值</span> : c.row.original.pending ? <span className="text-amber-700" title={`${c.row.original.pending} 项待完善`}>待完善</span> : "—"), meta: { numeric: true } },
      { accessorKey: "grade", header: "等级", enableSorting: false, cell: (c) => c.getValue<string | null>() ?? "—" },
      { accessorKey: "indicatorCount", header: "指标数", enableSorting: false, meta: { numeric: true } },
      { id: "status", accessorFn: (r) => statusLabel(r.status), header: "状态", enableSorting: false },
    ],
    [showDepartment],
  );

  // TanStack Table v8 returns fresh functions each render; the React Compiler skips this
  // component, which is what we want.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({ data: rows, columns, manualSorting: true, manualPagination: true, getCoreRowModel: getCoreRowModel() });

  if (!anyProject) {
    return <div className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center text-slate-600" data-testid="projects-empty">{emptyHint}</div>;
  }

  return (
    <div className="space-y-3">
      {search}
      <SortableTable table={table} caption="项目列表" testId="projects-table" rowTestId="project-row" empty="没有符合条件的项目" serverSort={sort} />
      {pager}
    </div>
  );
}
