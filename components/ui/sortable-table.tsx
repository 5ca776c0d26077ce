"use client";
import { ScrollRegion } from "./scroll-region";

import { flexRender, type Table } from "@tanstack/react-table";
import type { ReactNode } from "react";

const isNumeric = (meta: unknown) => (meta as { numeric?: boolean } | undefined)?.numeric === true;

type Props<T> = {
  table: Table<T>;
  caption: string;
  testId: string;
  rowTestId: string;
  empty: ReactNode;
  emptyTestId?: string;
  cellClassName?: string;
};

/**
 * A TanStack table rendered as a real <table>: <th scope="col"> headers whose sort
 * buttons announce aria-sort, numeric columns (columnDef.meta.numeric) right-aligned.
 */
export function SortableTable<T>({ table, caption, testId, rowTestId, empty, emptyTestId, cellClassName = "" }: Props<T>) {
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
                const sorted = h.column.getIsSorted();
                return (
                  <th
                    key={h.id}
                    scope="col"
                    aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none"}
                    className={`whitespace-nowrap border-b border-slate-200 px-3 py-2 font-semibold text-slate-700 ${isNumeric(h.column.columnDef.meta) ? "text-right" : "text-left"}`}
                  >
                    <button type="button" onClick={h.column.getToggleSortingHandler()} className="inline-flex items-center gap-1 hover:text-brand-700">
                      {flexRender(h.column.columnDef.header, h.getContext())}
                      <span aria-hidden="true" className="text-xs text-slate-400">
                        {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columnCount} className="px-3 py-8 text-center text-slate-500" data-testid={emptyTestId}>
                {empty}
              </td>
            </tr>
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
