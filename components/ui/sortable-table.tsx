"use client";
import { EmptyRow } from "./empty-row";
import { ScrollRegion } from "./scroll-region";

import { flexRender, type Table } from "@tanstack/react-table";
import Link from "next/link";
import type { ReactNode } from "react";
import { listHref, type SortDir } from "@/lib/list-query";

const isNumeric = (meta: unknown) => (meta as { numeric?: boolean } | undefined)?.numeric === true;

type Props<T> = {
  table: Table<T>;
  caption: string;
  testId: string;
  rowTestId: string;
  empty: ReactNode;
  emptyTestId?: string;
  cellClassName?: string;
  /**
   * Sorted in the database: the current sort and the list's URL parameters. Each sortable
   * header is then a link to the same list sorted by it (first page), instead of sorting in the browser.
   */
  serverSort?: { sort: string; dir: SortDir; params: Record<string, string | undefined> };
};

/**
 * A TanStack table rendered as a real <table>: <th scope="col"> headers whose sort
 * buttons (or, sorted in the database, links) announce aria-sort, numeric columns
 * (columnDef.meta.numeric) right-aligned.
 */
export function SortableTable<T>({ table, caption, testId, rowTestId, empty, emptyTestId, cellClassName = "", serverSort }: Props<T>) {
  const rows = table.getRowModel().rows;
  const columnCount = table.getVisibleLeafColumns().length;
  return (
    <ScrollRegion label={caption} className="rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50">
          {table.getHeaderGroups().map((hg) => (
            <tr key={hg.id}>
              {hg.headers.map((h) => {
                const sorted = serverSort ? (serverSort.sort === h.column.id ? serverSort.dir : false) : h.column.getIsSorted();
                const canSort = h.column.getCanSort();
                return (
                  <th
                    key={h.id}
                    scope="col"
                    aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none"}
                    className={`whitespace-nowrap border-b border-slate-200 px-3 py-2 font-semibold text-slate-700 ${isNumeric(h.column.columnDef.meta) ? "text-right" : "text-left"}`}
                  >
                    {!canSort ? (
                      flexRender(h.column.columnDef.header, h.getContext())
                    ) : serverSort ? (
                      <Link
                        href={listHref(serverSort.params, { sort: h.column.id, dir: sorted === "asc" ? "desc" : "asc", page: undefined })}
                        className="inline-flex items-center gap-1 hover:text-brand-700"
                      >
                        {flexRender(h.column.columnDef.header, h.getContext())}
                        <SortMark sorted={sorted} />
                      </Link>
                    ) : (
                      <button type="button" onClick={h.column.getToggleSortingHandler()} className="inline-flex items-center gap-1 hover:text-brand-700">
                        {flexRender(h.column.columnDef.header, h.getContext())}
                        <SortMark sorted={sorted} />
                      </button>
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <EmptyRow colSpan={columnCount} testId={emptyTestId}>
              {empty}
            </EmptyRow>
          ) : (
            rows.map((row) => (
              <tr key={row.id} className="border-b border-slate-100 last:border-0 hover:bg-slate-50" data-testid={rowTestId}>
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={`px-3 py-2 ${cellClassName} ${isNumeric(cell.column.columnDef.meta) ? "text-right tabular-nums" : ""}`}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function SortMark({ sorted }: { sorted: false | SortDir }) {
  return (
    <span aria-hidden="true" className="text-xs text-slate-400">
      {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
    </span>
  );
}
