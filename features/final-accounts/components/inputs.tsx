"use client";

import type { ReactNode } from "react";
import { get, useFormContext, type FieldPath } from "react-hook-form";
import { FieldNote } from "@/components/ui/field";
import type { FinalAccountsInput } from "../schema";

type Path = FieldPath<FinalAccountsInput>;

/** The error message of a field, if any. */
export function useFieldError(path: Path): string | undefined {
  const {
    formState: { errors },
  } = useFormContext<FinalAccountsInput>();
  return (get(errors, path) as { message?: string } | undefined)?.message;
}

const base = "block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm shadow-sm aria-[invalid=true]:border-red-600 disabled:bg-slate-50";

type InputProps = { path: Path; label: string; kind?: "amount" | "count" | "text" };

/** The input (or, with `rows`, the text area) itself, wired to the form, with its error (and hint) ids. */
function FormInput({ path, label, kind = "amount", visibleLabel, hint, rows }: InputProps & { visibleLabel: boolean; hint?: ReactNode; rows?: number }) {
  const { register } = useFormContext<FinalAccountsInput>();
  const error = useFieldError(path);
  const id = `fa-${path.replace(/\./g, "-")}`;
  const wired = { id, "aria-invalid": !!error, "aria-describedby": error ? `${id}-error` : hint ? `${id}-hint` : undefined, "data-path": path, ...register(path) };
  return (
    <>
      {visibleLabel ? (
        <label htmlFor={id} className="block text-sm font-medium text-slate-800">
          {label}
        </label>
      ) : null}
      {rows ? (
        <textarea rows={rows} className={`${base} resize-y leading-6`} {...wired} />
      ) : (
        <input
          aria-label={visibleLabel ? undefined : label}
          inputMode={kind === "amount" ? "decimal" : kind === "count" ? "numeric" : undefined}
          autoComplete="off"
          className={`${base} ${kind === "text" ? "" : "text-right tabular-nums"}`}
          {...wired}
        />
      )}
      <FieldNote id={id} hint={hint} error={error} compact />
    </>
  );
}

/** An amount (万元) or count cell of a table: right-aligned, labelled for screen readers, error under it. */
export function CellInput({ className = "", ...props }: InputProps & { className?: string }) {
  return (
    <div className={className}>
      <FormInput {...props} visibleLabel={false} />
    </div>
  );
}

/** A labelled input with its label above (forms outside tables). */
export function LabelledInput({ hint, ...props }: InputProps & { hint?: ReactNode }) {
  return (
    <div className="space-y-1">
      <FormInput {...props} hint={hint} visibleLabel />
    </div>
  );
}

/** A labelled text area with its label above. */
export function LabelledTextarea({ rows = 2, ...props }: { path: Path; label: string; rows?: number; hint?: ReactNode }) {
  return (
    <div className="space-y-1">
      <FormInput {...props} kind="text" rows={rows} visibleLabel />
    </div>
  );
}

/** A computed figure: never an input. `printed` is what a published document printed, shown when it differs. */
export function Computed({ label, value, unit = "万元", printed, testId }: { label: string; value: string | null; unit?: string; printed?: string | null; testId?: string }) {
  const differs = printed != null && value != null && printed !== value;
  return (
    <div className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2">
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className="text-base font-semibold tabular-nums" data-testid={testId}>
        {value ?? "—"}
        {value != null ? <span className="ml-1 text-xs font-normal text-slate-500">{unit}</span> : null}
        {differs ? <span className="ml-2 text-xs font-normal text-amber-800">原公开数 {printed}</span> : null}
      </dd>
    </div>
  );
}

export function FormSection({ id, title, children, note }: { id: string; title: string; children: ReactNode; note?: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="scroll-mt-24 space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {title}
      </h2>
      {note ? <p className="text-sm text-slate-600">{note}</p> : null}
      {children}
    </section>
  );
}
