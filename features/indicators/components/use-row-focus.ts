"use client";

/**
 * Focus management of the indicator editor: focus a row's input (or the 添加指标 button) now or
 * after the next render (the row may be on another page or not mounted yet), go to a row from an
 * issue list, and open the row a link (…/indicators#indicator-<id>) points at.
 */
import { type Dispatch, type RefObject, type SetStateAction, useCallback, useEffect, useEffectEvent, useRef } from "react";
import type { UseFormGetValues } from "react-hook-form";
import type { RowField } from "./editor-errors";
import { pageOfIndex, pageRange } from "./editor-helpers";
import type { EditorFormValues } from "./editor-types";
import { type ActionKey, fieldDomId } from "./indicator-editor-row";

export type FocusTarget = { index: number; key?: RowField | ActionKey } | { add: true };

type RowFocusOptions = {
  idPrefix: string;
  addButtonId: string;
  tbodyRef: RefObject<HTMLTableSectionElement | null>;
  /** False while the first rows are still mounting. */
  mountedAll: boolean;
  page: number;
  setPage: Dispatch<SetStateAction<number>>;
  getValues: UseFormGetValues<EditorFormValues>;
};

export function useRowFocus({ idPrefix, addButtonId, tbodyRef, mountedAll, page, setPage, getValues }: RowFocusOptions) {
  const pendingFocus = useRef<FocusTarget | null>(null);

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
    [addButtonId, idPrefix, tbodyRef],
  );

  /** Focus after the next render (the target may be on another page or not rendered yet). */
  const requestFocus = useCallback((t: FocusTarget, rowCountAfter: number) => {
    pendingFocus.current = t;
    if ("index" in t) setPage(pageOfIndex(t.index, rowCountAfter));
  }, [setPage]);

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

  return { requestFocus, locate };
}
