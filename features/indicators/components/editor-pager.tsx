"use client";

/** Page navigation of the indicator editor (above PAGINATE_ABOVE rows). */
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { PAGE_SIZE } from "./editor-helpers";

export function Pager({
  label,
  page,
  pages,
  start,
  end,
  total,
  onChange,
}: {
  label: string;
  page: number;
  pages: number;
  start: number;
  end: number;
  total: number;
  onChange: (page: number) => void;
}) {
  const selectId = useId();
  return (
    <nav aria-label={label} className="flex flex-wrap items-center gap-2 px-4 pt-3 text-sm">
      <Button variant="secondary" className="px-3 py-1" disabled={page === 0} onClick={() => onChange(page - 1)}>
        上一页
      </Button>
      <label htmlFor={selectId} className="sr-only">
        跳转到页
      </label>
      <select id={selectId} value={page} onChange={(e) => onChange(Number(e.target.value))} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm">
        {Array.from({ length: pages }, (_, p) => (
          <option key={p} value={p}>
            第 {p + 1} 页（第 {p * PAGE_SIZE + 1}–{Math.min(total, (p + 1) * PAGE_SIZE)} 行）
          </option>
        ))}
      </select>
      <Button variant="secondary" className="px-3 py-1" disabled={page >= pages - 1} onClick={() => onChange(page + 1)}>
        下一页
      </Button>
      <span className="text-slate-600">
        第 {page + 1} / {pages} 页，显示第 {start + 1}–{end} 行，共 {total} 行（每页 {PAGE_SIZE} 行）
      </span>
    </nav>
  );
}
