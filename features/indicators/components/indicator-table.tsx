"use client";

/**
 * Read-only, sortable and searchable view of a project's indicators (绩效指标).
 * TanStack Table does the sorting and filtering; only the rows in view are rendered
 * (row virtualisation with spacer rows, so the markup stays a real <table>).
 * Sort keys are precomputed (numbers, collation ranks) so a sort of 5,000 rows only
 * compares integers.
 */
import {
  type ColumnDef,
  type FilterFn,
  type SortingFn,
  type SortingState,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
} from "@tanstack/react-table";
import { SearchField } from "@/components/ui/search-field";
import { EmptyRow } from "@/components/ui/empty-row";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useDeferredValue, useEffect, useId, useMemo, useRef, useState } from "react";
import type { IndicatorTableRow } from "./editor-types";
import { type NumberColumn, type PreparedRow, type TextColumn, TEXT_COLUMNS, makeRanker, matchesSearch, prepareTableRows, textOf } from "./table-helpers";

export type { IndicatorTableRow } from "./editor-types";

export type IndicatorTableProps = {
  rows: IndicatorTableRow[];
  /** Caption read by screen readers (visually hidden). */
  caption?: string;
};

type ColumnSpec = { id: string; header: string; width: number; align?: "right" | "center" };

const COLUMNS: ColumnSpec[] = [
  { id: "seq", header: "序号", width: 64, align: "right" },
  { id: "level1", header: "一级指标", width: 110 },
  { id: "level2", header: "二级指标", width: 110 },
  { id: "name", header: "三级指标", width: 220 },
  { id: "nature", header: "性质", width: 64, align: "center" },
  { id: "target", header: "指标值", width: 130, align: "right" },
  { id: "unit", header: "单位", width: 72 },
  { id: "actual", header: "实际完成值", width: 130, align: "right" },
  { id: "weight", header: "分值", width: 72, align: "right" },
  { id: "score", header: "得分", width: 80, align: "right" },
  { id: "deviationReason", header: "偏差原因", width: 260 },
];

const ROW_ESTIMATE = 41;

const globalFilter: FilterFn<PreparedRow> = (row, _columnId, query: string) => matchesSearch(row.original, query);

function cellText(row: PreparedRow, id: string): string {
  switch (id) {
    case "seq":
      return String(row.seq);
    case "nature":
      return row.natureText;
    case "target":
    case "actual":
    case "weight":
    case "score":
    case "level1":
    case "level2":
    case "name":
    case "unit":
    case "deviationReason":
      return row[id];
    default:
      return "";
  }
}

export function IndicatorTable({ rows, caption = "绩效指标（只读，可点击表头排序）" }: IndicatorTableProps) {
  const searchId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [sorting, setSorting] = useState<SortingState>([]);
  const [query, setQuery] = useState("");
  const deferredQuery = useDeferredValue(query.trim());

  const prepared = useMemo(() => prepareTableRows(rows), [rows]);
  const ranker = useMemo(() => makeRanker(prepared), [prepared]);

  // Collate the text columns while the browser is idle, so the first click on a header is as fast as the next.
  useEffect(() => {
    const w = window as Window & { requestIdleCallback?: (cb: () => void) => number; cancelIdleCallback?: (id: number) => void };
    let i = 0;
    let handle: number | undefined;
    const step = () => {
      const column = TEXT_COLUMNS[i++];
      if (!column) return;
      ranker.ranksOf(column);
      schedule();
    };
    const schedule = () => {
      handle = w.requestIdleCallback ? w.requestIdleCallback(step) : window.setTimeout(step, 50);
    };
    schedule();
    return () => {
      if (handle === undefined) return;
      if (w.cancelIdleCallback) w.cancelIdleCallback(handle);
      else window.clearTimeout(handle);
    };
  }, [ranker]);

  // Every sort value is a number (text columns: the collation rank), cached by TanStack per row,
  // so comparisons never touch strings; blanks are undefined and always sort last.
  const columns = useMemo<ColumnDef<PreparedRow>[]>(() => {
    const byNumber: SortingFn<PreparedRow> = (a, b, id) => a.getValue<number>(id) - b.getValue<number>(id);
    return COLUMNS.map((c): ColumnDef<PreparedRow> => {
      if (c.id === "seq") return { id: c.id, header: c.header, accessorFn: (r) => r.seq, sortingFn: byNumber };
      if ((TEXT_COLUMNS as readonly string[]).includes(c.id)) {
        const col = c.id as TextColumn;
        return { id: c.id, header: c.header, accessorFn: (r) => ranker.rank(col, textOf(r, col)), sortingFn: byNumber, sortUndefined: "last" };
      }
      const col = c.id as NumberColumn;
      return { id: c.id, header: c.header, accessorFn: (r) => r.numbers[col], sortingFn: byNumber, sortUndefined: "last" };
    });
  }, [ranker]);

  // TanStack Table and TanStack Virtual return mutable instances; this component does not rely on memoising them.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: prepared,
    columns,
    state: { sorting, globalFilter: deferredQuery },
    onSortingChange: setSorting,
    globalFilterFn: globalFilter,
    // The search matches the row's whole text once, through a single column.
    getColumnCanGlobalFilter: (column) => column.id === "seq",
    enableMultiSort: false,
    sortDescFirst: false,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
  });
  const tableRows = table.getRowModel().rows;

  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 12,
    // Server render and first paint: enough rows to fill the viewport before measuring.
    initialRect: { width: 1280, height: 720 },
  });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items.length ? items[0]!.start : 0;
  const paddingBottom = items.length ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;
  const headers = table.getHeaderGroups()[0]?.headers ?? [];

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <SearchField id={searchId} label="搜索指标" value={query} onChange={setQuery} placeholder="输入指标名称、单位、偏差原因等关键词" />
        <span className="text-sm text-slate-600" role="status" aria-live="polite">
          {deferredQuery ? `找到 ${tableRows.length} 项（共 ${rows.length} 项）` : `共 ${rows.length} 项`}
        </span>
      </div>
      <div
        ref={scrollRef}
        data-testid="indicator-table"
        role="region"
        aria-label="绩效指标表"
        tabIndex={0}
        className="max-h-[70vh] overflow-auto rounded-md border border-slate-200 bg-white"
      >
        <table className="w-full min-w-[1300px] table-fixed border-collapse text-sm" aria-rowcount={tableRows.length + 1}>
          <caption className="sr-only">{caption}</caption>
          <colgroup>
            {COLUMNS.map((c) => (
              <col key={c.id} style={{ width: c.width }} />
            ))}
          </colgroup>
          <thead>
            <tr aria-rowindex={1}>
              {headers.map((h) => {
                const sorted = h.column.getIsSorted();
                const spec = COLUMNS.find((c) => c.id === h.column.id)!;
                return (
                  <th
                    key={h.id}
                    scope="col"
                    aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none"}
                    className="sticky top-0 z-10 border-b border-slate-300 bg-slate-50 p-0 text-left font-semibold text-slate-700"
                  >
                    <button
                      type="button"
                      onClick={h.column.getToggleSortingHandler()}
                      className={`flex w-full items-center gap-1 px-2 py-2 hover:bg-slate-100 ${spec.align === "right" ? "justify-end" : spec.align === "center" ? "justify-center" : "justify-start"}`}
                      title={sorted === "asc" ? "已升序，点击改为降序" : sorted === "desc" ? "已降序，点击取消排序" : "点击升序排列"}
                    >
                      <span>{spec.header}</span>
                      <span aria-hidden="true" className="w-3 text-xs text-brand-700">
                        {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : ""}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {paddingTop > 0 ? (
              <tr aria-hidden="true">
                <td colSpan={COLUMNS.length} style={{ height: paddingTop, padding: 0, border: 0 }} />
              </tr>
            ) : null}
            {items.map((item) => {
              const row = tableRows[item.index]!;
              const r = row.original;
              return (
                <tr
                  key={row.id}
                  ref={virtualizer.measureElement}
                  data-index={item.index}
                  data-testid="indicator-row"
                  aria-rowindex={item.index + 2}
                  className="border-b border-slate-100 odd:bg-white even:bg-slate-50/50 hover:bg-brand-50"
                >
                  {COLUMNS.map((c) => {
                    const text = cellText(r, c.id);
                    const clamp = c.id === "deviationReason" || c.id === "name" || c.id === "target" || c.id === "actual";
                    return (
                      <td key={c.id} className={`px-2 py-2 align-top ${c.align === "right" ? "text-right tabular-nums" : c.align === "center" ? "text-center" : ""}`}>
                        {clamp ? (
                          <span className="line-clamp-3 break-words" title={text.length > 30 ? text : undefined}>
                            {text}
                          </span>
                        ) : (
                          text
                        )}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
            {paddingBottom > 0 ? (
              <tr aria-hidden="true">
                <td colSpan={COLUMNS.length} style={{ height: paddingBottom, padding: 0, border: 0 }} />
              </tr>
            ) : null}
            {tableRows.length === 0 ? (
              <EmptyRow colSpan={COLUMNS.length}>{deferredQuery ? "没有符合搜索条件的指标" : "暂无指标"}</EmptyRow>
            ) : null}
          </tbody>
        </table>
      </div>
    </div>
  );
}
