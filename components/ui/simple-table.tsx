import { EmptyRow } from "./empty-row";
import { ScrollRegion } from "./scroll-region";
import type { ReactNode } from "react";

/** A plain, accessible read-only table (real header cells, caption for screen readers). */
export function SimpleTable({ caption, headers, rows, empty }: { caption: string; headers: string[]; rows: ReactNode[][]; empty?: string }) {
  return (
    <ScrollRegion label={caption}>
      <table className="min-w-full border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300 bg-slate-50 text-left">
            {headers.map((h) => (
              <th key={h} scope="col" className="whitespace-nowrap px-3 py-2 font-semibold text-slate-700">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <EmptyRow colSpan={headers.length} className="px-3 py-6">
              {empty ?? "暂无数据"}
            </EmptyRow>
          ) : (
            rows.map((cells, i) => (
              <tr key={i} className="border-b border-slate-100 last:border-0">
                {cells.map((c, j) => (
                  <td key={j} className="px-3 py-2 align-top">
                    {c}
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
