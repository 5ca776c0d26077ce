"use client";

import { useRouter } from "next/navigation";
import { type ColumnDef, getCoreRowModel, useReactTable } from "@tanstack/react-table";
import { Fragment, type ReactNode, useState } from "react";
import type { ActionResult } from "@/lib/action-result";
import { Button } from "./button";
import type { ListControls } from "./list-controls";
import type { CreateEditFormProps } from "./use-action-form";
import { SortableTable } from "./sortable-table";

/** The outcome of the last action above an admin list: announced politely when it worked, at once when not. */
export type Notice = { kind: "ok" | "error"; text: string };

export function NoticeBanner({ notice }: { notice: Notice | null }) {
  if (!notice) return null;
  const error = notice.kind === "error";
  return (
    <p role={error ? "alert" : "status"} className={`rounded-md border px-4 py-3 text-sm ${error ? "border-red-200 bg-red-50 text-red-800" : "border-green-200 bg-green-50 text-green-800"}`}>
      {notice.text}
    </p>
  );
}

type FormResult = { ok: boolean; message?: string; fieldErrors?: unknown[] };

/**
 * The state of an admin list with its create and edit forms (accounts, departments): which row is
 * being edited, whether the create form is open, the notice, and what a form's result does —
 * on success `onOk` (a notice, closing the form) and the list reloaded from the server; on a
 * refusal its message, unless the form shows it beside its fields.
 */
export function useAdminPanel<Row>() {
  const router = useRouter();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Row | null>(null);
  function formDone<R extends FormResult>(result: R, onOk: (ok: R & { ok: true }) => void): R {
    if (result.ok) {
      onOk(result as R & { ok: true });
      router.refresh();
    } else if (!result.fieldErrors?.length) setNotice({ kind: "error", text: result.message ?? "操作失败" });
    return result;
  }
  /** What a saved edit does: says what was saved (or that nothing changed) and closes the form. */
  const savedEdit = (name: string) => (r: { changed: boolean }) => {
    setNotice({ kind: "ok", text: r.changed ? `已保存 ${name}` : "没有修改" });
    setEditing(null);
  };
  return { notice, setNotice, creating, setCreating, editing, setEditing, formDone, savedEdit, refresh: () => router.refresh() };
}

const PANEL = "rounded-lg border border-slate-200 bg-white p-4";

type AdminPanel<Row> = ReturnType<typeof useAdminPanel<Row>>;

/**
 * An admin list (accounts, departments): the notice of the last action, what the page shows above
 * the list (`banner`), the create / edit area, the search form, one page of the table (searched,
 * sorted and paged on the server) and the pager.
 *
 * The create / edit area holds the form of the row being edited, else the open create form, else
 * the button that opens it, each in a labelled section with its heading. `form` draws the list's
 * form with the props the area gives it (mode, initial values, submit, cancel); `row` is the row
 * being edited, null when creating.
 */
export function AdminList<Row extends { id: string }, Values>({ panel, rows, columns, controls, table: t, banner, create, edit, form }: {
  panel: AdminPanel<Row>;
  rows: Row[];
  columns: ColumnDef<Row>[];
  controls: ListControls;
  table: { caption: string; testId: string; rowTestId: string; empty: string };
  banner?: ReactNode;
  create: { label: string; heading?: string; submit: (values: Values) => Promise<ActionResult<object>> };
  edit: { label: (row: Row) => string; heading?: (row: Row) => string; initial: (row: Row) => Values; submit: (row: Row, values: Values) => Promise<ActionResult<object>> };
  form: (props: CreateEditFormProps<Values>, row: Row | null) => ReactNode;
}) {
  const table = useReactTable({ data: rows, columns, manualSorting: true, manualPagination: true, getCoreRowModel: getCoreRowModel() });
  const { editing, creating, setEditing, setCreating } = panel;
  const section = (label: string, heading: string, body: ReactNode) => (
    <section className={PANEL} aria-label={label}>
      <h2 className="mb-3 font-semibold">{heading}</h2>
      {body}
    </section>
  );
  let area: ReactNode;
  if (editing) {
    const body = form({ mode: "edit", initial: edit.initial(editing), onSubmit: (values) => edit.submit(editing, values), onCancel: () => setEditing(null) }, editing);
    area = section(edit.label(editing), (edit.heading ?? edit.label)(editing), <Fragment key={editing.id}>{body}</Fragment>);
  } else if (creating) {
    area = section(create.label, create.heading ?? create.label, form({ mode: "create", onSubmit: create.submit, onCancel: () => setCreating(false) }, null));
  } else area = <Button onClick={() => setCreating(true)}>{create.label}</Button>;
  return (
    <div className="space-y-4">
      <NoticeBanner notice={panel.notice} />
      {banner}
      {area}
      {controls.search}
      <SortableTable table={table} caption={t.caption} testId={t.testId} rowTestId={t.rowTestId} empty={t.empty} serverSort={controls.sort} />
      {controls.pager}
    </div>
  );
}
