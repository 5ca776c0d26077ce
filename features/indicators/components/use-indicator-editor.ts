"use client";

/**
 * State and behaviour of the editable indicator table (the view is `IndicatorEditor`): the form and
 * its field array, the rows shown (pagination, first paint), row actions and the 指标库 dialog's
 * target; focus management (./use-row-focus) and saving (./use-indicator-save) are hooks of their own.
 */
import { type KeyboardEvent as ReactKeyboardEvent, useCallback, useDeferredValue, useId, useMemo, useRef, useState } from "react";
import { useFieldArray, useForm } from "react-hook-form";
import { type IndicatorRowInput, emptyIndicatorRow } from "../schema";
import { type RowField, indicatorResolver, isRowField, rowErrorMessages } from "./editor-errors";
import { type LibraryEntry, flattenLibrary, focusIndexAfterDelete, frameworkNames, moveTarget, pageCount, pageRange, rowFromLibraryItem, toFrameworkShape } from "./editor-helpers";
import { primeRowViews } from "./editor-scoring";
import type { EditorFormOutput, EditorFormValues, EditorFramework, IndicatorEditorProps } from "./editor-types";
import { type ActionKey, type RowAction, type RowContext } from "./indicator-editor-row";
import { useIndicatorSave } from "./use-indicator-save";
import { useRowFocus } from "./use-row-focus";

type LibraryTarget = { insertAt: number | null; level2Id: string | null };

/** Rows rendered in the first paint; the rest of the page of rows follows in a background render. */
const FIRST_PAINT_ROWS = 100;

export function useIndicatorEditor({ projectId, version, framework: frameworkProp, initialRows, budget: budgetProp }: IndicatorEditorProps) {
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

  const libraryOpener = useRef<HTMLElement | null>(null);

  const [page, setPage] = useState(0);
  const [library, setLibrary] = useState<LibraryTarget | null>(null);
  const [lastDeleted, setLastDeleted] = useState<{ index: number; row: IndicatorRowInput } | null>(null);
  const [announcement, setAnnouncement] = useState("");

  const range = pageRange(page, fields.length);
  const pages = pageCount(fields.length);
  // First paint shows FIRST_PAINT_ROWS rows; the rest of the page renders right after, in the background.
  const mountedAll = useDeferredValue(true, false);

  // ── focus management ──
  const { requestFocus, locate } = useRowFocus({ idPrefix, addButtonId, tbodyRef, mountedAll, page, setPage, getValues });


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
  const saveState = useIndicatorSave({
    projectId,
    version,
    initialRows,
    framework,
    form: { getValues, setValue, reset, setError, handleSubmit },
    isDirty,
    locate,
    onSaved: () => {
      setLastDeleted(null);
      setAnnouncement("已保存");
    },
  });

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

  const visible = fields.slice(range.start, mountedAll ? range.end : Math.min(range.end, range.start + FIRST_PAINT_ROWS));

  const changePage = (p: number) => {
    setPage(p);
    scrollRef.current?.scrollTo({ top: 0 });
  };

  return {
    shape,
    budget,
    control,
    idPrefix,
    unitListId,
    addButtonId,
    tbodyRef,
    scrollRef,
    hasLibrary,
    libraryEntries,
    level2Names,
    rowCount: fields.length,
    visible,
    range,
    pages,
    changePage,
    rowErrors: (index: number) => rowErrorMessages(errors.rows?.[index]),
    ctx,
    onRowsKeyDown,
    locate,
    ...saveState,
    announcement,
    addRow,
    lastDeleted,
    undoDelete,
    library,
    openToolbarLibrary,
    pickFromLibrary,
    closeLibrary,
  };
}
