"use client";

/**
 * Saving the indicator table: the whole-table check, the save with the version the rows were read
 * at (a concurrent save is reported, never overwritten), the problem banner's state, Ctrl+S, the
 * unsaved-changes warning, the server's new props, reload and "copy what I typed".
 */
import { useUnsavedChangesWarning } from "@/components/ui/use-unsaved-changes-warning";
import { useEffect, useEffectEvent, useRef, useState, useTransition } from "react";
import type { FieldErrors, UseFormReturn } from "react-hook-form";
import type { ActionResult } from "@/lib/action-result";
import { saveIndicatorsAction } from "../actions";
import { type RowField, firstErrorField, rowErrorMessages, rowsWithErrors, splitFieldErrors, tableLevelMessages } from "./editor-errors";
import { cloneRows, rowsToTsv, sameRows } from "./editor-helpers";
import type { Problem } from "./editor-problem-box";
import type { EditorFormOutput, EditorFormValues, EditorFramework, IndicatorEditorProps } from "./editor-types";
import { onSaveShortcut } from "@/components/ui/save-shortcut";

const RELOAD_MESSAGE = "重新加载将丢弃本页所有未保存的修改，且无法恢复。\n如需保留，请先点击“复制我填写的内容”，粘贴到 Excel 或文本文件中。\n\n确定重新加载吗？";

type Failure = Extract<ActionResult<{ version: number }>, { ok: false }>;

type SaveOptions = Pick<IndicatorEditorProps, "projectId" | "version" | "initialRows"> & {
  framework: EditorFramework;
  form: Pick<UseFormReturn<EditorFormValues, unknown, EditorFormOutput>, "getValues" | "setValue" | "reset" | "setError" | "handleSubmit">;
  isDirty: boolean;
  locate: (index: number, field?: RowField) => void;
  /** After a successful save (the row actions forget their undo, the screen reader hears it). */
  onSaved: () => void;
};

export function useIndicatorSave({ projectId, version, initialRows, framework, form, isDirty, locate, onSaved }: SaveOptions) {
  const { getValues, setValue, reset, setError, handleSubmit } = form;
  // The version the form's rows are based on (the one a save must present).
  const baseVersion = useRef(version);
  const saving = useRef(false);
  const allowLeave = useRef(false);
  const [isSaving, startTransition] = useTransition();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  /** Input typed while a save was in flight (not covered by the save). */
  const [pendingEdits, setPendingEdits] = useState(false);
  const [copyFallback, setCopyFallback] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const dirty = isDirty || pendingEdits;

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
        setSavedAt(new Date());
        onSaved();
      } finally {
        saving.current = false;
      }
    });
  };

  const onInvalid = (errs: FieldErrors<EditorFormValues>) => {
    const rowIndexes = rowsWithErrors(errs);
    const firstIndex = rowIndexes[0];
    const field = firstIndex === undefined ? undefined : firstErrorField(rowErrorMessages(errs.rows?.[firstIndex]));
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
  const onWindowKeyDown = useEffectEvent((e: KeyboardEvent) => onSaveShortcut(save)(e));
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

  const status = isSaving
    ? "正在保存…"
    : dirty
      ? `有未保存的修改${savedAt ? `（上次保存于 ${formatTime(savedAt)}）` : ""}`
      : savedAt
        ? `已保存（${formatTime(savedAt)}）`
        : "";

  return {
    problem,
    dismissProblem: () => setProblem(null),
    copyFallback,
    closeCopyFallback: () => setCopyFallback(null),
    copied,
    copyMine,
    reload,
    isSaving,
    dirty,
    status,
    save,
  };
}

function formatTime(d: Date): string {
  return d.toLocaleTimeString("zh-CN", { hour12: false });
}
