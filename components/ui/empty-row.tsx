import type { ReactNode } from "react";

/** The one row of a table body that has no rows: a message across every column. */
export function EmptyRow({ colSpan, children, className = "px-3 py-8", testId }: { colSpan: number; children: ReactNode; className?: string; testId?: string }) {
  return (
    <tr>
      <td colSpan={colSpan} className={`${className} text-center text-slate-500`} data-testid={testId}>
        {children}
      </td>
    </tr>
  );
}
