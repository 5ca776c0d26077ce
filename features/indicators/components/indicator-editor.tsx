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
import { UNSAVED_CHANGES_MESSAGE, useUnsavedChangesWarning } from "@/components/ui/use-unsaved-changes-warning";
import {
  type CSSProperties,
  type KeyboardEvent as ReactKeyboardEvent,
  useCallback,
  useDeferredValue,
  useEffect,
  useEffectEvent,
  useId,
  useMemo,
  useRef,
  useState,
  useTransition,
} from "react";
import { type FieldErrors, useFieldArray, useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/action-result";
import { saveIndicatorsAction } from "../actions";
import { COMMON_UNITS, type IndicatorRowInput, emptyIndicatorRow } from "../schema";
import {
  type LibraryEntry,
  type RowErrors,
  type RowField,
  PAGE_SIZE,
  ROW_FIELD_LABELS,
  cloneRows,
  firstErrorField,
  flattenLibrary,
  focusIndexAfterDelete,
  frameworkNames,
  indicatorResolver,
  isPaginated,
  isRowField,
  moveTarget,
  pageCount,
  pageOfIndex,
  pageRange,
  primeRowViews,
  rowErrorMessages,
  rowFromLibraryItem,
  rowsToTsv,
  rowsWithErrors,
  sameRows,
  scoreTable,
  splitFieldErrors,
  tableLevelMessages,
  toFrameworkShape,
  toIndicatorTableRows,
} from "./editor-helpers";
import type { EditorFormOutput, EditorFormValues, EditorFramework, IndicatorEditorProps } from "./editor-types";
import { type ActionKey, EditorRow, type RowAction, type RowContext, fieldDomId } from "./indicator-editor-row";
import { IndicatorLibraryDialog } from "./indicator-library-dialog";
import { LiveScoreSummary, ScoreSummary, countRowsByGroup } from "./indicator-score-summary";
import { IndicatorTable } from "./indicator-table";

export type { EditorFramework, IndicatorEditorProps, LibraryItem } from "./editor-types";

export const LEAVE_MESSAGE = UNSAVED_CHANGES_MESSAGE;
const RELOAD_MESSAGE = "重新加载将丢弃本页所有未保存的修改，且无法恢复。\n如需保留，请先点击“复制我填写的内容”，粘贴到 Excel 或文本文件中。\n\n确定重新加载吗？";

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

type Problem =
  | { kind: "invalid"; message: string; table: string[]; rowCount: number; first: { index: number; field?: RowField } | null }
  | { kind: "stale"; message: string }
  | { kind: "locked"; message: string }
  | { kind: "error"; message: string };

type FocusTarget = { index: number; key?: RowField | ActionKey } | { add: true };
type LibraryTarget = { insertAt: number | null; level2Id: string | null };
type Failure = Extract<ActionResult<{ version: number }>, { ok: false }>;

/** Rows rendered in the first paint; the rest of the page of rows follows in a background render. */
const FIRST_PAINT_ROWS = 100;

const TH = "border-b border-slate-300 bg-slate-50 px-2 py-2 text-left text-xs font-semibold text-slate-700";
/** Column widths of the editor grid (序号 … 操作). */
const COLUMN_WIDTHS = "3rem 7rem 7rem 13rem 5rem 8rem 6rem 8rem 5rem 6rem 3.5rem 13rem 10rem";

function EditableIndicators({ projectId, version, framework: frameworkProp, initialRows, budget: budgetProp }: IndicatorEditorProps) {
  // A server refresh (e.g. revalidatePath after saving) passes equal but new objects: keep the
  // previous ones so that memoised rows do not all re-render.
  const frameworkJson = JSON.stringify(frameworkProp);
  const framework = useMemo(() => JSON.parse(frameworkJson) as EditorFramework, [frameworkJson]);
  const { initial, annual, executed } = budgetProp;
  const budget = useMemo(() => ({ initial, annual, executed }), [initial, annual, executed]);
  const idPrefix = `ind${useId().replace(/[^\w-]/g, "")}`;
  const unitListId = `${idPrefix}-units`;
  const addButtonId = `${idPrefix}-add`;
  const tbodyRef = useRef<HTMLTableSectionElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);

  const shape = useMemo(() => toFrameworkShape(framework), [framework]);
  const resolver = useMemo(() => indicatorResolver(shape), [shape]);
  const level2ByGroup = useMemo(() => new Map(framework.groups.map((g) => [g.id, g.level2.map((l) => ({ id: l.id, name: l.name }))])), [framework]);
  const level2Names = useMemo(() => frameworkNames(framework).level2, [framework]);
  const libraryEntries = useMemo(() => flattenLibrary(framework), [framework]);
  const hasLibrary = libraryEntries.length > 0;
  // Score every initial row in one call, so mounting a thousand rows does not score them one by one.
  useMemo(() => primeRowViews(initialRows), [initialRows]);

  const {
    control,
    register,
    setValue,
    getValues,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isDirty },
  } = useForm<EditorFormValues, unknown, EditorFormOutput>({
    resolver,
    mode: "onBlur",
    reValidateMode: "onBlur",
    criteriaMode: "all",
    shouldFocusError: false,
    defaultValues: { rows: initialRows },
  });
  const { fields, move, insert, remove, append } = useFieldArray({ control, name: "rows", keyName: "key" });

  // The version the form's rows are based on (the one a save must present).
  const baseVersion = useRef(version);
  const saving = useRef(false);
  const allowLeave = useRef(false);
  const pendingFocus = useRef<FocusTarget | null>(null);
  const libraryOpener = useRef<HTMLElement | null>(null);

  const [isSaving, startTransition] = useTransition();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  /** Input typed while a save was in flight (not covered by the save). */
  const [pendingEdits, setPendingEdits] = useState(false);
  const [page, setPage] = useState(0);
  const [library, setLibrary] = useState<LibraryTarget | null>(null);
  const [lastDeleted, setLastDeleted] = useState<{ index: number; row: IndicatorRowInput } | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [copyFallback, setCopyFallback] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  const dirty = isDirty || pendingEdits;
  const range = pageRange(page, fields.length);
  const pages = pageCount(fields.length);
  // First paint shows FIRST_PAINT_ROWS rows; the rest of the page renders right after, in the background.
  const mountedAll = useDeferredValue(true, false);

  // ── focus management ──
  const focusTarget = useCallback(
    (t: FocusTarget): boolean => {
      if ("add" in t) {
        const el = document.getElementById(addButtonId);
        el?.focus();
        return !!el;
      }
      const keys: (RowField | ActionKey)[] = t.key ? [t.key] : [];
      if (t.key === "action-up") keys.push("action-down");
      if (t.key === "action-down") keys.push("action-up");
      for (const key of keys) {
        const el = document.getElementById(fieldDomId(idPrefix, t.index, key));
        if (el && !(el as HTMLButtonElement).disabled) {
          el.focus();
          return true;
        }
      }
      const row = tbodyRef.current?.querySelector(`tr[data-row-index="${t.index}"]`);
      const first = row?.querySelector<HTMLElement>("select, input, textarea, button:not(:disabled)");
      first?.focus();
      return !!first;
    },
    [addButtonId, idPrefix],
  );

  /** Focus after the next render (the target may be on another page or not rendered yet). */
  const requestFocus = useCallback((t: FocusTarget, rowCountAfter: number) => {
    pendingFocus.current = t;
    if ("index" in t) setPage(pageOfIndex(t.index, rowCountAfter));
  }, []);


  useEffect(() => {
    const t = pendingFocus.current;
    if (!t) return;
    // Keep the request while the first rows are still mounting: the target may not exist yet.
    if (focusTarget(t) || mountedAll) pendingFocus.current = null;
  });

  /** Go to a row now (issue list, error box). */
  const locate = useCallback(
    (index: number, field?: RowField) => {
      const count = getValues("rows").length;
      if (index < 0 || index >= count) return;
      const p = pageOfIndex(index, count);
      if (p === pageRange(page, count).page && focusTarget({ index, key: field })) return;
      requestFocus({ index, key: field }, count);
    },
    [focusTarget, getValues, page, requestFocus],
  );

  // A link from the report's pre-submission check (…/indicators#indicator-<id>) opens the row to fix.
  const openLinkedRow = useEffectEvent(() => {
    const m = /^#indicator-(.+)$/.exec(window.location.hash);
    if (!m) return;
    const rows = getValues("rows");
    const index = rows.findIndex((r) => r.id === decodeURIComponent(m[1]!));
    if (index >= 0) locate(index, rows[index]!.nature === "QUALITATIVE" ? "actualText" : "actualValue");
  });
  useEffect(() => {
    // The address is outside React: read it once the rows are mounted, and again when it changes.
    const timer = window.setTimeout(() => openLinkedRow(), 0);
    const onHash = () => openLinkedRow();
    window.addEventListener("hashchange", onHash);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener("hashchange", onHash);
    };
  }, []);

  // ── row actions ──
  const onAction = useCallback(
    (action: RowAction, index: number, focusKey?: string) => {
      const rows = getValues("rows");
      const count = rows.length;
      const key = focusKey && (isRowField(focusKey) || focusKey.startsWith("action-")) ? (focusKey as RowField | ActionKey) : undefined;
      const row = rows[index];
      switch (action) {
        case "up":
        case "down": {
          const to = moveTarget(index, action === "up" ? -1 : 1, count);
          if (to === null) return;
          move(index, to);
          requestFocus({ index: to, key }, count);
          setAnnouncement(`第${index + 1}行已移到第${to + 1}行`);
          return;
        }
        case "insert": {
          const level1Id = row?.level1Id ?? "";
          const level2Id = row?.level2Id ?? "";
          insert(index + 1, emptyIndicatorRow(level1Id, level2Id), { shouldFocus: false });
          requestFocus({ index: index + 1, key: !level1Id ? "level1Id" : !level2Id ? "level2Id" : "name" }, count + 1);
          setAnnouncement(`已在第${index + 1}行下方插入第${index + 2}行`);
          return;
        }
        case "delete": {
          if (!row) return;
          const removed = { ...row };
          remove(index);
          setLastDeleted({ index, row: removed });
          const next = focusIndexAfterDelete(index, count);
          requestFocus(next === null ? { add: true } : { index: next, key }, count - 1);
          setAnnouncement(`已删除第${index + 1}行${removed.name ? `“${removed.name}”` : ""}，可撤销`);
          return;
        }
        case "library": {
          libraryOpener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
          setLibrary({ insertAt: index + 1, level2Id: row?.level2Id || null });
          return;
        }
      }
    },
    [getValues, insert, move, remove, requestFocus],
  );

  const addRow = () => {
    const rows = getValues("rows");
    const last = rows[rows.length - 1];
    const level1Id = last?.level1Id ?? "";
    const level2Id = last?.level2Id ?? "";
    append(emptyIndicatorRow(level1Id, level2Id), { shouldFocus: false });
    requestFocus({ index: rows.length, key: !level1Id ? "level1Id" : !level2Id ? "level2Id" : "name" }, rows.length + 1);
    setAnnouncement(`已添加第${rows.length + 1}行`);
  };

  const undoDelete = () => {
    if (!lastDeleted) return;
    const count = getValues("rows").length;
    const at = Math.min(lastDeleted.index, count);
    insert(at, lastDeleted.row, { shouldFocus: false });
    requestFocus({ index: at, key: "name" }, count + 1);
    setLastDeleted(null);
    setAnnouncement(`已恢复第${at + 1}行`);
  };

  const openToolbarLibrary = () => {
    libraryOpener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setLibrary({ insertAt: null, level2Id: null });
  };

  const pickFromLibrary = (entry: LibraryEntry) => {
    const count = getValues("rows").length;
    const at = Math.min(library?.insertAt ?? count, count);
    insert(at, rowFromLibraryItem(entry.level1Id, entry.level2Id, entry.item), { shouldFocus: false });
    libraryOpener.current = null;
    setLibrary(null);
    requestFocus({ index: at, key: entry.item.nature === "QUALITATIVE" ? "targetText" : "targetValue" }, count + 1);
    setAnnouncement(`已从指标库插入第${at + 1}行“${entry.item.name}”`);
  };

  const closeLibrary = () => {
    setLibrary(null);
    const opener = libraryOpener.current;
    libraryOpener.current = null;
    if (opener?.isConnected) opener.focus();
  };

  // ── saving ──
  const handleFailure = (result: Failure) => {
    switch (result.reason) {
      case "stale":
        setProblem({ kind: "stale", message: result.message });
        return;
      case "locked":
        setProblem({ kind: "locked", message: result.message });
        return;
      case "invalid": {
        const split = splitFieldErrors(result.fieldErrors, getValues("rows").length);
        for (const f of split.fields) setError(f.path, { type: "server", message: f.message });
        const first = split.fields[0];
        setProblem({
          kind: "invalid",
          message: result.message,
          table: split.table,
          rowCount: new Set(split.fields.map((f) => f.index)).size,
          first: first ? { index: first.index, field: first.field } : null,
        });
        if (first) locate(first.index, first.field);
        return;
      }
      default:
        setProblem({ kind: "error", message: result.message });
    }
  };

  const onValid = (output: EditorFormOutput) => {
    if (saving.current) return;
    const submitted = cloneRows(getValues("rows"));
    saving.current = true;
    startTransition(async () => {
      try {
        let result: ActionResult<{ version: number }>;
        try {
          result = await saveIndicatorsAction(projectId, baseVersion.current, { rows: output.rows });
        } catch {
          setProblem({ kind: "error", message: "保存失败：无法连接服务器，请检查网络后重试。您填写的内容仍保留在本页。" });
          return;
        }
        if (!result.ok) {
          handleFailure(result);
          return;
        }
        baseVersion.current = result.version;
        // The saved values become the new baseline without re-creating the rows (focus stays put);
        // anything typed while the save was in flight stays marked as unsaved.
        const changedMeanwhile = !sameRows(getValues("rows"), submitted);
        reset({ rows: submitted }, { keepValues: true });
        setPendingEdits(changedMeanwhile);
        setProblem(null);
        setLastDeleted(null);
        setSavedAt(new Date());
        setAnnouncement("已保存");
      } finally {
        saving.current = false;
      }
    });
  };

  const onInvalid = (errs: FieldErrors<EditorFormValues>) => {
    const rowIndexes = rowsWithErrors(errs);
    const firstIndex = rowIndexes[0];
    const rowsErrors = errs.rows as unknown as Record<string, unknown> | undefined;
    const field = firstIndex === undefined ? undefined : firstErrorField(rowErrorMessages(rowsErrors?.[firstIndex]));
    setProblem({
      kind: "invalid",
      message: "填写的内容有误，请按提示修改后再保存",
      table: tableLevelMessages(errs),
      rowCount: rowIndexes.length,
      first: firstIndex === undefined ? null : { index: firstIndex, field },
    });
    if (firstIndex !== undefined) locate(firstIndex, field);
  };

  const save = () => {
    if (saving.current) return;
    setCopied(false);
    void handleSubmit(onValid, onInvalid)();
  };

  // Ctrl+S / ⌘S anywhere on the page.
  const onWindowKeyDown = useEffectEvent((e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === "s") {
      e.preventDefault();
      save();
    }
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => onWindowKeyDown(e);
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  // ── unsaved changes are never silently lost ──
  useUnsavedChangesWarning(dirty, allowLeave);

  // ── new props from the server (e.g. revalidatePath after our save, or a refresh) ──
  useEffect(() => {
    if (dirty || version < baseVersion.current) return;
    const current = getValues("rows");
    if (version === baseVersion.current) {
      // Our own save reflected back: take over the ids the server gave to new rows.
      if (initialRows.length !== current.length) return;
      let changed = false;
      initialRows.forEach((r, i) => {
        if (!current[i]?.id && r.id) {
          setValue(`rows.${i}.id`, r.id);
          changed = true;
        }
      });
      if (changed) reset(getValues(), { keepValues: true });
      return;
    }
    // A newer version while nothing is being edited here: show it.
    baseVersion.current = version;
    reset({ rows: initialRows });
  }, [version, initialRows, dirty, getValues, reset, setValue]);

  const reload = () => {
    if (dirty && !window.confirm(RELOAD_MESSAGE)) return;
    allowLeave.current = true;
    window.location.reload();
  };

  const copyMine = async () => {
    const text = rowsToTsv(framework, getValues("rows"));
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      setCopyFallback(null);
    } catch {
      setCopyFallback(text);
    }
  };

  // ── keyboard within the table ──
  const onRowsKeyDown = (e: ReactKeyboardEvent<HTMLTableSectionElement>) => {
    if (e.nativeEvent.isComposing) return;
    const target = e.target as HTMLElement;
    const tr = target.closest<HTMLElement>("tr[data-row-index]");
    if (!tr) return;
    const index = Number(tr.dataset.rowIndex);
    const key = target.dataset.field;
    if (e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && (e.key === "ArrowUp" || e.key === "ArrowDown")) {
      e.preventDefault();
      onAction(e.key === "ArrowUp" ? "up" : "down", index, key);
    } else if ((e.altKey && e.key === "Insert") || ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key === "Enter")) {
      e.preventDefault();
      onAction("insert", index, key);
    }
  };

  const ctx = useMemo<RowContext>(
    () => ({ control, register, setValue, getValues, idPrefix, groups: framework.groups, level2ByGroup, unitListId, hasLibrary, onAction }),
    [control, register, setValue, getValues, idPrefix, framework.groups, level2ByGroup, unitListId, hasLibrary, onAction],
  );

  const rowsErrors = errors.rows as unknown as Record<string, unknown> | undefined;
  const visible = fields.slice(range.start, mountedAll ? range.end : Math.min(range.end, range.start + FIRST_PAINT_ROWS));

  const status = isSaving
    ? "正在保存…"
    : dirty
      ? `有未保存的修改${savedAt ? `（上次保存于 ${formatTime(savedAt)}）` : ""}`
      : savedAt
        ? `已保存（${formatTime(savedAt)}）`
        : "";

  const changePage = (p: number) => {
    setPage(p);
    scrollRef.current?.scrollTo({ top: 0 });
  };
  const pager = (label: string) =>
    isPaginated(fields.length) ? <Pager label={label} page={range.page} pages={pages} start={range.start} end={range.end} total={fields.length} onChange={changePage} /> : null;

  return (
    <div className="space-y-4">
      {problem ? (
        <ProblemBox problem={problem} onLocate={locate} onReload={reload} onCopy={copyMine} copied={copied} onDismiss={() => setProblem(null)} />
      ) : null}
      {copyFallback !== null ? (
        <div className="rounded-md border border-slate-300 bg-white p-3">
          <label htmlFor={`${idPrefix}-copy`} className="block text-sm font-medium text-slate-800">
            无法自动复制，请在下框中全选（Ctrl+A）后复制（Ctrl+C）
          </label>
          <textarea id={`${idPrefix}-copy`} readOnly value={copyFallback} rows={6} className="mt-2 block w-full rounded-md border border-slate-300 p-2 font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
          <Button variant="ghost" className="mt-2" onClick={() => setCopyFallback(null)}>
            关闭
          </Button>
        </div>
      ) : null}

      <section aria-labelledby={`${idPrefix}-title`} className="rounded-lg border border-slate-200 bg-white shadow-sm">
        <div className="sticky top-0 z-30 flex flex-wrap items-center gap-2 rounded-t-lg border-b border-slate-200 bg-white/95 px-4 py-2 backdrop-blur">
          <h2 id={`${idPrefix}-title`} className="mr-2 text-base font-semibold">
            绩效指标
          </h2>
          <Button onClick={save} disabled={isSaving} aria-keyshortcuts="Control+S" title="保存（Ctrl+S）">
            {isSaving ? "正在保存…" : "保存"}
          </Button>
          <Button variant="secondary" id={addButtonId} onClick={addRow}>
            添加指标
          </Button>
          {hasLibrary ? (
            <Button variant="secondary" onClick={openToolbarLibrary}>
              从指标库选择
            </Button>
          ) : null}
          <span role="status" aria-live="polite" className={`text-sm ${dirty ? "text-amber-800" : "text-green-800"}`} data-testid="save-status">
            {status}
          </span>
          {lastDeleted ? (
            <Button variant="ghost" onClick={undoDelete} className="px-2 py-1">
              撤销删除
            </Button>
          ) : null}
          <span className="ml-auto text-xs text-slate-500">共 {fields.length} 项</span>
        </div>
        <p className="px-4 pt-2 text-xs text-slate-500">
          快捷键：Ctrl+S 保存；Alt+↑ / Alt+↓ 上移 / 下移当前行；Alt+Insert 或 Ctrl+Enter 在当前行下方插入一行。得分按指标值、实际完成值和分值自动计算，定性指标请手工评分。
        </p>
        <div className="sr-only" aria-live="polite">
          {announcement}
        </div>
        {pager("指标分页")}
        <div ref={scrollRef} className="m-4 max-h-[75vh] overflow-auto rounded-md border border-slate-200">
          <table role="table" className="grid min-w-max text-sm" style={{ "--indicator-cols": COLUMN_WIDTHS } as CSSProperties}>
            <caption className="sr-only">绩效指标（可编辑）</caption>
            <thead role="rowgroup" className="sticky top-0 z-10 grid">
              <tr role="row" className="grid [grid-template-columns:var(--indicator-cols)]">
                <th role="columnheader" scope="col" className={`${TH} text-right`}>
                  序号
                </th>
                <th role="columnheader" scope="col" className={TH}>
                  一级指标
                </th>
                <th role="columnheader" scope="col" className={TH}>
                  二级指标
                </th>
                <th role="columnheader" scope="col" className={TH}>
                  三级指标
                </th>
                <th role="columnheader" scope="col" className={TH}>
                  指标性质
                </th>
                <th role="columnheader" scope="col" className={TH}>
                  指标值
                </th>
                <th role="columnheader" scope="col" className={TH}>
                  计量单位
                </th>
                <th role="columnheader" scope="col" className={TH}>
                  实际完成值
                </th>
                <th role="columnheader" scope="col" className={TH}>
                  分值
                </th>
                <th role="columnheader" scope="col" className={`${TH} text-right`}>
                  得分
                </th>
                <th role="columnheader" scope="col" className={`${TH} text-center`}>
                  适用
                </th>
                <th role="columnheader" scope="col" className={TH}>
                  偏差原因分析及改进措施
                </th>
                <th role="columnheader" scope="col" className={TH}>
                  操作
                </th>
              </tr>
            </thead>
            <tbody role="rowgroup" ref={tbodyRef} onKeyDown={onRowsKeyDown} className="grid">
              {visible.map((field, i) => {
                const index = range.start + i;
                const rowErrors: RowErrors | undefined = rowErrorMessages(rowsErrors?.[index]);
                return <EditorRow key={field.key} index={index} isLast={index === fields.length - 1} errors={rowErrors} ctx={ctx} />;
              })}
              {fields.length === 0 ? (
                <tr role="row" className="grid">
                  <td role="cell" className="px-3 py-8 text-center text-slate-500">
                    还没有指标。点击“添加指标”{hasLibrary ? "或“从指标库选择”" : ""}开始填写。
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
      <LiveScoreSummary control={control} framework={shape} budget={budget} onLocate={locate} />

      <datalist id={unitListId}>
        {COMMON_UNITS.map((u) => (
          <option key={u} value={u} />
        ))}
      </datalist>
      <IndicatorLibraryDialog
        open={library !== null}
        entries={libraryEntries}
        level2Id={library?.level2Id ?? null}
        level2Name={library?.level2Id ? level2Names.get(library.level2Id) : undefined}
        onPick={pickFromLibrary}
        onClose={closeLibrary}
      />
    </div>
  );
}

function formatTime(d: Date): string {
  return d.toLocaleTimeString("zh-CN", { hour12: false });
}

function Pager({
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

function ProblemBox({
  problem,
  onLocate,
  onReload,
  onCopy,
  copied,
  onDismiss,
}: {
  problem: Problem;
  onLocate: (index: number, field?: RowField) => void;
  onReload: () => void;
  onCopy: () => void;
  copied: boolean;
  onDismiss: () => void;
}) {
  if (problem.kind === "stale") {
    return (
      <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950" data-testid="conflict-banner">
        <p className="font-semibold">该项目已被其他人修改，您的修改尚未保存。</p>
        <p className="mt-1">
          为避免覆盖他人的修改，系统不会自动合并。请先点击“复制我填写的内容”，把本页内容复制到剪贴板（可粘贴到 Excel）后，再点击“重新加载”获取最新数据并重新录入您的修改。
        </p>
        {problem.message ? <p className="mt-1 text-amber-900">（{problem.message}）</p> : null}
        <div className="mt-3 flex flex-wrap items-center gap-2">
          <Button variant="secondary" onClick={onCopy}>
            复制我填写的内容
          </Button>
          <Button onClick={onReload}>重新加载</Button>
          {copied ? <span className="text-green-800">已复制到剪贴板</span> : null}
        </div>
      </div>
    );
  }
  if (problem.kind === "locked") {
    return (
      <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
        <p className="font-semibold">{problem.message}</p>
        <p className="mt-1">本页的修改无法保存。如需保留，请先复制。</p>
        <div className="mt-3 flex flex-wrap items-center gap-2">
          <Button variant="secondary" onClick={onCopy}>
            复制我填写的内容
          </Button>
          {copied ? <span className="text-green-800">已复制到剪贴板</span> : null}
        </div>
      </div>
    );
  }
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800" data-testid="save-error">
      <div className="flex items-start justify-between gap-3">
        <p className="font-semibold">{problem.message}</p>
        <button type="button" onClick={onDismiss} className="text-xs text-red-800 underline">
          关闭提示
        </button>
      </div>
      {problem.kind === "invalid" ? (
        <>
          {problem.table.length > 0 ? (
            <ul className="mt-2 list-disc space-y-0.5 pl-5">
              {problem.table.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          ) : null}
          {problem.first ? (
            <p className="mt-2">
              共 {problem.rowCount} 行有错误。
              <button type="button" className="ml-1 underline" onClick={() => onLocate(problem.first!.index, problem.first!.field)}>
                定位到第一处错误（第 {problem.first.index + 1} 行{problem.first.field ? ` ${ROW_FIELD_LABELS[problem.first.field]}` : ""}）
              </button>
            </p>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
