import type { ReactNode } from "react";

/** One column heading: its text (read only by screen readers when `hidden`, e.g. 操作) and its own classes (width, alignment). */
export type ColumnHead = { label: ReactNode; className?: string; hidden?: boolean };

/**
 * The `<th scope="col">` cells of a table's header row, each with the table's common classes and its
 * own. `grid`: the table is laid out as a CSS grid (the indicator editor), so each cell states its
 * ARIA role, which `display: grid` would otherwise drop.
 */
export function ColumnHeads({ columns, cellClass, grid = false }: { columns: readonly ColumnHead[]; cellClass: string; grid?: boolean }) {
  return (
    <>
      {columns.map((c, i) => (
        <th key={i} role={grid ? "columnheader" : undefined} scope="col" className={`${cellClass} ${c.className ?? ""}`.trim()}>
          {c.hidden ? <span className="sr-only">{c.label}</span> : c.label}
        </th>
      ))}
    </>
  );
}
