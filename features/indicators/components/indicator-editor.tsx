"use client";

/**
 * 绩效指标 editor: the paper table (一级 / 二级 / 三级指标, 性质, 指标值, 单位, 实际完成值, 分值, 得分,
 * 适用, 偏差原因分析及改进措施) as a keyboard-friendly form, with a live score summary.
 *
 * - react-hook-form + the table's zod schema (a blur checks only the blurred row, saving checks the table).
 * - Saving goes through `saveIndicatorsAction` with the version the rows were read at: a concurrent
 *   save by someone else is reported ("stale") and never overwritten.
 * - Unsaved input is protected: beforeunload while dirty, and a confirmation before following an in-app link.
 * - Performance: memoised rows subscribed to their own values only; the summary is computed
 *   debounced and deferred; above PAGINATE_ABOVE rows the editor shows PAGE_SIZE rows per page.
 */
import { type CSSProperties, useMemo } from "react";
import { Button } from "@/components/ui/button";
import { COMMON_UNITS } from "../schema";
import { isPaginated, toFrameworkShape, toIndicatorTableRows } from "./editor-helpers";
import { Pager } from "./editor-pager";
import { ProblemBox } from "./editor-problem-box";
import { scoreTable } from "./editor-scoring";
import type { IndicatorEditorProps } from "./editor-types";
import { EditorRow } from "./indicator-editor-row";
import { IndicatorLibraryDialog } from "./indicator-library-dialog";
import { LiveScoreSummary, ScoreSummary, countRowsByGroup } from "./indicator-score-summary";
import { IndicatorTable } from "./indicator-table";
import { useIndicatorEditor } from "./use-indicator-editor";
import { ColumnHeads, type ColumnHead } from "@/components/ui/column-heads";

export type { EditorFramework, IndicatorEditorProps, LibraryItem } from "./editor-types";

const EDITOR_COLUMNS: ColumnHead[] = [
  { label: "序号", className: "text-right" },
  { label: "一级指标" },
  { label: "二级指标" },
  { label: "三级指标" },
  { label: "指标性质" },
  { label: "指标值" },
  { label: "计量单位" },
  { label: "实际完成值" },
  { label: "分值" },
  { label: "得分", className: "text-right" },
  { label: "适用", className: "text-center" },
  { label: "偏差原因分析及改进措施" },
  { label: "操作" },
];

export function IndicatorEditor(props: IndicatorEditorProps) {
  return props.readOnly ? <ReadOnlyIndicators {...props} /> : <EditableIndicators {...props} />;
}

// ───────────────────────────── read-only ─────────────────────────────

function ReadOnlyIndicators({ framework, initialRows, budget, readOnlyReason }: IndicatorEditorProps) {
  const shape = useMemo(() => toFrameworkShape(framework), [framework]);
  const result = useMemo(() => scoreTable(shape, budget, initialRows), [shape, budget, initialRows]);
  const counts = useMemo(() => countRowsByGroup(initialRows), [initialRows]);
  const rows = useMemo(() => toIndicatorTableRows(framework, initialRows, result), [framework, initialRows, result]);
  return (
    <div className="space-y-4">
      <div role="status" className="rounded-md border border-slate-300 bg-slate-50 px-4 py-3 text-sm text-slate-800">
        {readOnlyReason ?? "当前不可编辑，仅供查看。"}
      </div>
      <ScoreSummary result={result} rowCounts={counts} />
      <IndicatorTable rows={rows} />
    </div>
  );
}

// ───────────────────────────── editable ─────────────────────────────

const TH = "border-b border-slate-300 bg-slate-50 px-2 py-2 text-left text-xs font-semibold text-slate-700";
/** Column widths of the editor grid (序号 … 操作). */
const COLUMN_WIDTHS = "3rem 7rem 7rem 13rem 5rem 8rem 6rem 8rem 5rem 6rem 3.5rem 13rem 10rem";

function EditableIndicators(props: IndicatorEditorProps) {
  // Refs stay apart: the React compiler lint treats any object holding a ref as a ref itself.
  const { tbodyRef, scrollRef, ...editor } = useIndicatorEditor(props);

  const pager = (label: string) =>
    isPaginated(editor.rowCount) ? <Pager label={label} page={editor.range.page} pages={editor.pages} start={editor.range.start} end={editor.range.end} total={editor.rowCount} onChange={editor.changePage} /> : null;

  return (
    <div className="space-y-4">
      {editor.problem ? (
        <ProblemBox problem={editor.problem} onLocate={editor.locate} onReload={editor.reload} onCopy={editor.copyMine} copied={editor.copied} onDismiss={editor.dismissProblem} />
      ) : null}
      {editor.copyFallback !== null ? (
        <div className="rounded-md border border-slate-300 bg-white p-3">
          <label htmlFor={`${editor.idPrefix}-copy`} className="block text-sm font-medium text-slate-800">
            无法自动复制，请在下框中全选（Ctrl+A）后复制（Ctrl+C）
          </label>
          <textarea id={`${editor.idPrefix}-copy`} readOnly value={editor.copyFallback} rows={6} className="mt-2 block w-full rounded-md border border-slate-300 p-2 font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
          <Button variant="ghost" className="mt-2" onClick={editor.closeCopyFallback}>
            关闭
          </Button>
        </div>
      ) : null}

      <section aria-labelledby={`${editor.idPrefix}-title`} className="rounded-lg border border-slate-200 bg-white shadow-sm">
        <div className="sticky top-0 z-30 flex flex-wrap items-center gap-2 rounded-t-lg border-b border-slate-200 bg-white/95 px-4 py-2 backdrop-blur">
          <h2 id={`${editor.idPrefix}-title`} className="mr-2 text-base font-semibold">
            绩效指标
          </h2>
          <Button onClick={editor.save} disabled={editor.isSaving} aria-keyshortcuts="Control+S" title="保存（Ctrl+S）">
            {editor.isSaving ? "正在保存…" : "保存"}
          </Button>
          <Button variant="secondary" id={editor.addButtonId} onClick={editor.addRow}>
            添加指标
          </Button>
          {editor.hasLibrary ? (
            <Button variant="secondary" onClick={editor.openToolbarLibrary}>
              从指标库选择
            </Button>
          ) : null}
          <span role="status" aria-live="polite" className={`text-sm ${editor.dirty ? "text-amber-800" : "text-green-800"}`} data-testid="save-status">
            {editor.status}
          </span>
          {editor.lastDeleted ? (
            <Button variant="ghost" onClick={editor.undoDelete} className="px-2 py-1">
              撤销删除
            </Button>
          ) : null}
          <span className="ml-auto text-xs text-slate-500">共 {editor.rowCount} 项</span>
        </div>
        <p className="px-4 pt-2 text-xs text-slate-500">
          快捷键：Ctrl+S 保存；Alt+↑ / Alt+↓ 上移 / 下移当前行；Alt+Insert 或 Ctrl+Enter 在当前行下方插入一行。得分按指标值、实际完成值和分值自动计算，定性指标请手工评分。
        </p>
        <div className="sr-only" aria-live="polite">
          {editor.announcement}
        </div>
        {pager("指标分页")}
        {/* scroll-padding: a field reached with Tab / Shift+Tab is never hidden under the sticky header (WCAG 2.4.11). */}
        <div ref={scrollRef} className="m-4 max-h-[75vh] overflow-auto rounded-md border border-slate-200 [scroll-padding-top:3rem] max-md:m-2 max-md:border-0 max-md:[scroll-padding-top:0]">
          <table role="table" className="grid min-w-max text-sm max-md:min-w-0" style={{ "--indicator-cols": COLUMN_WIDTHS } as CSSProperties}>
            <caption className="sr-only">绩效指标（可编辑）</caption>
            <thead role="rowgroup" className="sticky top-0 z-10 grid max-md:hidden">
              <tr role="row" className="grid [grid-template-columns:var(--indicator-cols)]">
                <ColumnHeads grid cellClass={TH} columns={EDITOR_COLUMNS} />
              </tr>
            </thead>
            <tbody role="rowgroup" ref={tbodyRef} onKeyDown={editor.onRowsKeyDown} className="grid">
              {editor.visible.map((field, i) => {
                const index = editor.range.start + i;
                return <EditorRow key={field.key} index={index} isLast={index === editor.rowCount - 1} errors={editor.rowErrors(index)} ctx={editor.ctx} />;
              })}
              {editor.rowCount === 0 ? (
                <tr role="row" className="grid">
                  <td role="cell" className="px-3 py-8 text-center text-slate-500">
                    还没有指标。点击“添加指标”{editor.hasLibrary ? "或“从指标库选择”" : ""}开始填写。
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </div>
        {pager("指标分页（表格下方）")}
      </section>

      {/* Below the table, never above it: the summary grows and shrinks a moment after each keystroke
          (issues appear and go), and anything above the toolbar would move 保存 / 添加指标 under the
          pointer — a click between mouse-down and mouse-up was lost. */}
      <LiveScoreSummary control={editor.control} framework={editor.shape} budget={editor.budget} onLocate={editor.locate} />

      <datalist id={editor.unitListId}>
        {COMMON_UNITS.map((u) => (
          <option key={u} value={u} />
        ))}
      </datalist>
      <IndicatorLibraryDialog
        open={editor.library !== null}
        entries={editor.libraryEntries}
        level2Id={editor.library?.level2Id ?? null}
        level2Name={editor.library?.level2Id ? editor.level2Names.get(editor.library.level2Id) : undefined}
        onPick={editor.pickFromLibrary}
        onClose={editor.closeLibrary}
      />
    </div>
  );
}
