"use client";

import type { KeyboardEvent } from "react";
import { Field } from "@/components/ui/field";

/** A labelled text box for a review comment, its error announced under it (the comment forms and the transition dialog). */
export function CommentBox({ id, label, value, onChange, rows, error, autoFocus, onKeyDown, className = "" }: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  rows: number;
  error: string | null;
  autoFocus?: boolean;
  onKeyDown?: (e: KeyboardEvent<HTMLTextAreaElement>) => void;
  className?: string;
}) {
  return (
    <Field id={id} label={label} error={error ?? undefined} announce>
      <textarea
        id={id}
        rows={rows}
        value={value}
        autoFocus={autoFocus}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        aria-invalid={!!error}
        className={`block w-full rounded-md border border-slate-300 px-3 py-2 text-sm aria-[invalid=true]:border-red-600 ${className}`}
      />
    </Field>
  );
}
