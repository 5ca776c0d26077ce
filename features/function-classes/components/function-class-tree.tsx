"use client";
import { EmptyRow } from "@/components/ui/empty-row";
import { ScrollRegion } from "@/components/ui/scroll-region";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { deleteFunctionClassAction } from "../actions";
import type { FunctionClassRow } from "../data";
import { LEVEL_LABELS } from "../schema";
import type { Notice } from "./add-function-class-form";
import { RenameFunctionClassForm } from "./rename-function-class-form";
import { filterTree } from "./tree-helpers";
import { ColumnHeads } from "@/components/ui/column-heads";

const INDENT = { 1: "pl-3", 2: "pl-8", 3: "pl-13" } as const;

type Props = {
  rows: FunctionClassRow[];
  onAddChild: (parentCode: string) => void;
  onNotice: (notice: Notice | null) => void;
};

function usage(r: FunctionClassRow) {
  const parts = [];
  if (r.childCount > 0) parts.push(`下级 ${r.childCount} 个`);
  if (r.lineCount > 0) parts.push(`决算数据 ${r.lineCount} 条`);
  return parts.length ? parts.join("，") : "未使用";
}

/**
 * The 类 → 款 → 项 tree as one table in code order, indented by level, searchable by
 * code or name (a match is shown with its ancestors, which are dimmed).
 */
export function FunctionClassTree({ rows, onAddChild, onNotice }: Props) {
  const router = useRouter();
  const [query, setQuery] = useState("");
  const [editing, setEditing] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const shown = filterTree(rows, query);

  const remove = (r: FunctionClassRow) => {
    if (!window.confirm(`确定删除${LEVEL_LABELS[r.level]} ${r.code} ${r.name}吗？此操作会记入审计日志。`)) return;
    onNotice(null);
    startTransition(async () => {
      const result = await deleteFunctionClassAction(r.code);
      onNotice(result.ok ? { kind: "ok", text: `已删除科目 ${r.code} ${r.name}` } : { kind: "error", text: result.message });
      if (result.ok) router.refresh();
    });
  };

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <label className="text-sm">
          <span className="mb-1 block text-slate-700">搜索科目</span>
          <input
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="编码或名称，如 2011 或 行政运行"
            className="w-72 rounded-md border border-slate-300 px-3 py-2 text-sm"
          />
        </label>
        <p className="ml-auto text-sm text-slate-500" aria-live="polite">
          共 {rows.length} 个科目（项 {rows.filter((r) => r.level === 3).length} 个）
          {query.trim() ? `，找到 ${shown.filter((r) => r.matched).length} 个` : ""}
        </p>
      </div>
      <ScrollRegion label="支出功能分类科目" className="rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full text-sm" data-testid="function-class-table">
          <caption className="sr-only">支出功能分类科目，按类、款、项逐级缩进</caption>
          <thead className="bg-slate-50 text-left">
            <tr>
              <ColumnHeads cellClass="border-b border-slate-200 px-3 py-2 font-semibold text-slate-700" columns={[{ label: "科目编码" }, { label: "科目名称" }, { label: "级次" }, { label: "使用情况" }, { label: "操作" }]} />
            </tr>
          </thead>
          <tbody>
            {shown.length === 0 ? (
              <EmptyRow colSpan={5}>没有符合条件的科目</EmptyRow>
            ) : (
              shown.map((r) => (
                <tr key={r.code} data-testid="function-class-row" data-code={r.code} className={`border-b border-slate-100 last:border-0 ${r.matched ? "" : "text-slate-600"} ${r.level === 1 ? "bg-slate-50/60 font-semibold" : ""}`}>
                  <td className={`whitespace-nowrap py-2 pr-3 tabular-nums ${INDENT[r.level]}`}>{r.code}</td>
                  <td className={`py-2 pr-3 ${INDENT[r.level]}`}>
                    {editing === r.code ? (
                      <RenameFunctionClassForm
                        code={r.code}
                        name={r.name}
                        onDone={(text) => {
                          setEditing(null);
                          if (text) onNotice({ kind: "ok", text });
                        }}
                      />
                    ) : (
                      r.name
                    )}
                  </td>
                  <td className="whitespace-nowrap px-3 py-2">{LEVEL_LABELS[r.level]}</td>
                  <td className="whitespace-nowrap px-3 py-2 font-normal text-slate-600">{usage(r)}</td>
                  <td className="whitespace-nowrap px-3 py-2 font-normal">
                    <div className="flex gap-1">
                      <Button variant="ghost" className="px-2 py-1" onClick={() => setEditing(r.code)} disabled={editing === r.code} aria-label={`重命名 ${r.code} ${r.name}`}>
                        重命名
                      </Button>
                      <Button variant="ghost" className="px-2 py-1 text-red-700" onClick={() => remove(r)} disabled={pending} aria-label={`删除 ${r.code} ${r.name}`}>
                        删除
                      </Button>
                      {r.level < 3 ? (
                        <Button variant="ghost" className="px-2 py-1 text-brand-700" onClick={() => onAddChild(r.code)} aria-label={`在 ${r.code} ${r.name} 下添加下级科目`}>
                          添加下级
                        </Button>
                      ) : null}
                    </div>
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}
