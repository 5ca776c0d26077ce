import { cloneElement, isValidElement, type ComponentProps, type InputHTMLAttributes, type ReactNode } from "react";

type FieldProps = {
  id: string;
  label: string;
  error?: string;
  hint?: ReactNode;
  /** Announce the error at once when it appears (role="alert"): for a box whose error follows an action, not typing. */
  announce?: boolean;
  children: ReactNode;
};

/**
 * A labelled form control with its error message announced next to it: the control is
 * described by the error (or the hint), so a screen reader says why it is invalid.
 */
export function Field({ id, label, error, hint, announce, children }: FieldProps) {
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  const control =
    describedBy && isValidElement<{ "aria-describedby"?: string }>(children) && !children.props["aria-describedby"]
      ? cloneElement(children, { "aria-describedby": describedBy })
      : children;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {control}
      <FieldNote id={id} hint={hint} error={error} announce={announce} />
    </div>
  );
}

/**
 * Under a control: its error, or else its hint, with the ids (`id-error`, `id-hint`) the control is
 * described by. `compact`: the smaller error of a table cell or a dense form.
 */
export function FieldNote({ id, hint, error, compact = false, announce = false }: { id: string; hint?: ReactNode; error?: string; compact?: boolean; announce?: boolean }) {
  if (error) {
    return (
      <p id={`${id}-error`} role={announce ? "alert" : undefined} className={compact ? "mt-0.5 text-xs text-red-700" : "text-sm text-red-700"}>
        {error}
      </p>
    );
  }
  return hint ? (
    <p id={`${id}-hint`} className="text-xs text-slate-600">
      {hint}
    </p>
  ) : null;
}

export function Input({ className = "", ...props }: InputHTMLAttributes<HTMLInputElement>) {
  return (
    <input
      className={`block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm aria-[invalid=true]:border-red-600 ${className}`}
      {...props}
    />
  );
}

/** The classes of a <select> that sits in a Field beside Inputs (same box, same invalid border). */
export const SELECT_CLASS = "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm aria-[invalid=true]:border-red-600";

/** One choice of a Select: the value sent and the text shown. */
export type Choice = { value: string | number; label: ReactNode };

/** The choices for a list of keys and their labels (a status, a role, a grade…). */
export function choicesOf<K extends string>(keys: readonly K[], labels: Readonly<Record<K, ReactNode>>): Choice[] {
  return keys.map((k) => ({ value: k, label: labels[k] }));
}

/**
 * A <select> of choices, with an optional first empty choice (“全部”, “请选择部门”) whose value is "".
 * Every other attribute (name, value / defaultValue, onChange, react-hook-form's register, and its
 * ref — a plain prop in React 19) goes to the <select>.
 */
export function Select({ choices, empty, ...props }: ComponentProps<"select"> & { choices: readonly Choice[]; empty?: string }) {
  return (
    <select {...props}>
      {empty !== undefined ? <option value="">{empty}</option> : null}
      {choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </select>
  );
}
