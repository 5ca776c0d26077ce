"use client";

/**
 * 从指标库选择: a modal <dialog> listing the framework's library items, grouped by 一级 / 二级,
 * with a search box. Opened from a row it first shows that row's 二级指标 only.
 */
import { SearchField } from "@/components/ui/search-field";
import { type RefObject, useEffect, useId, useMemo, useRef, useState } from "react";
import { NATURE_LABELS } from "../schema";
import { type LibraryEntry, filterLibrary } from "./editor-helpers";

const MAX_SHOWN = 300;

export type LibraryDialogProps = {
  open: boolean;
  entries: readonly LibraryEntry[];
  /** Restrict to this 二级指标 at first (the user can widen the search). */
  level2Id: string | null;
  level2Name?: string;
  onPick: (entry: LibraryEntry) => void;
  onClose: () => void;
};

export function IndicatorLibraryDialog({ open, entries, level2Id, level2Name, onPick, onClose }: LibraryDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      searchRef.current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      className="m-auto w-[min(56rem,calc(100vw-2rem))] rounded-lg border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      {open ? <LibraryContent key={level2Id ?? ""} {...{ entries, level2Id, level2Name, onPick, onClose, titleId, searchRef }} /> : null}
    </dialog>
  );
}

function LibraryContent({
  entries,
  level2Id,
  level2Name,
  onPick,
  onClose,
  titleId,
  searchRef,
}: Omit<LibraryDialogProps, "open"> & { titleId: string; searchRef: RefObject<HTMLInputElement | null> }) {
  const searchId = useId();
  const [query, setQuery] = useState("");
  const [onlyLevel2, setOnlyLevel2] = useState(level2Id !== null);
  const matches = useMemo(() => filterLibrary(entries, query, onlyLevel2 ? level2Id : null), [entries, query, onlyLevel2, level2Id]);
  const shown = matches.slice(0, MAX_SHOWN);

  // Group consecutive entries (flattenLibrary keeps framework order) under 一级 › 二级 headings.
  const groups: { key: string; title: string; items: LibraryEntry[] }[] = [];
  for (const e of shown) {
    const key = `${e.level1Id}/${e.level2Id}`;
    const last = groups[groups.length - 1];
    if (last && last.key === key) last.items.push(e);
    else groups.push({ key, title: `${e.level1Name} › ${e.level2Name}`, items: [e] });
  }

  return (
    <div className="flex max-h-[80vh] flex-col">
      <header className="flex items-center justify-between border-b border-slate-200 px-5 py-3">
        <h2 id={titleId} className="text-base font-semibold">
          从指标库选择
        </h2>
        <button type="button" onClick={onClose} className="rounded px-2 py-1 text-sm text-slate-700 hover:bg-slate-100" aria-label="关闭指标库">
          关闭
        </button>
      </header>
      <div className="space-y-2 border-b border-slate-200 px-5 py-3">
        <SearchField id={searchId} label="搜索指标库" value={query} onChange={setQuery} placeholder="输入指标名称或说明中的关键词" inputRef={searchRef} layout="block" />
        {level2Id ? (
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" checked={onlyLevel2} onChange={(e) => setOnlyLevel2(e.target.checked)} className="h-4 w-4 accent-brand-700" />
            只显示“{level2Name ?? "当前二级指标"}”下的指标
          </label>
        ) : null}
        <p className="text-xs text-slate-500" role="status" aria-live="polite">
          {matches.length === 0
            ? "没有符合条件的指标"
            : matches.length > MAX_SHOWN
              ? `找到 ${matches.length} 项，显示前 ${MAX_SHOWN} 项，请输入关键词缩小范围`
              : `找到 ${matches.length} 项，选择后插入一行`}
        </p>
      </div>
      <div className="overflow-y-auto px-5 py-3">
        {groups.map((g) => (
          <section key={g.key} className="mb-4" aria-label={g.title}>
            <h3 className="mb-1 text-sm font-semibold text-slate-700">{g.title}</h3>
            <ul className="space-y-1">
              {g.items.map((e) => (
                <li key={e.item.id}>
                  <button
                    type="button"
                    onClick={() => onPick(e)}
                    className="w-full rounded-md border border-slate-200 px-3 py-2 text-left text-sm hover:border-brand-600 hover:bg-brand-50"
                  >
                    <span className="font-medium text-slate-900">{e.item.name}</span>
                    <span className="ml-2 text-xs text-slate-600">
                      {[
                        `性质 ${NATURE_LABELS[e.item.nature]}`,
                        e.item.targetText ? `参考值 ${e.item.targetText}` : "",
                        e.item.unit && e.item.nature !== "QUALITATIVE" ? `单位 ${e.item.unit}` : "",
                      ]
                        .filter(Boolean)
                        .join("；")}
                    </span>
                    {e.item.description ? <span className="mt-0.5 block text-xs text-slate-500">{e.item.description}</span> : null}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
