"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useState } from "react";
import { Button } from "./button";

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

/**
 * The create / edit area above an admin list: the form of the row being edited, else the open
 * create form, else the button that opens it. Each form sits in a labelled section with its heading.
 */
export function CreateEditPanel<Row>({ editing, creating, onCreate, createLabel, createHeading = createLabel, editLabel, editHeading = editLabel, editForm, createForm }: {
  editing: Row | null;
  creating: boolean;
  onCreate: () => void;
  createLabel: string;
  createHeading?: ReactNode;
  editLabel: (row: Row) => string;
  editHeading?: (row: Row) => ReactNode;
  editForm: (row: Row) => ReactNode;
  createForm: ReactNode;
}) {
  if (editing)
    return (
      <section className={PANEL} aria-label={editLabel(editing)}>
        <h2 className="mb-3 font-semibold">{editHeading(editing)}</h2>
        {editForm(editing)}
      </section>
    );
  if (creating)
    return (
      <section className={PANEL} aria-label={createLabel}>
        <h2 className="mb-3 font-semibold">{createHeading}</h2>
        {createForm}
      </section>
    );
  return <Button onClick={onCreate}>{createLabel}</Button>;
}
