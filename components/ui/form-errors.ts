import type { FieldErrors, FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { FieldError } from "@/lib/action-result";

/** Which field of a form a server error's path names: one of a list of fields, or a mapping (null: none of this form's). */
export type FieldOf<T extends FieldValues> = readonly Path<T>[] | ((path: string) => Path<T> | null);

/**
 * Puts a server action's field errors on the form's fields and focuses the first of them. True when
 * any was placed; otherwise the caller shows the action's message (a refusal that is not about a field).
 */
export function placeFieldErrors<T extends FieldValues>(setError: UseFormSetError<T>, fieldErrors: FieldError[] | undefined, fieldOf: FieldOf<T>): boolean {
  const toField = typeof fieldOf === "function" ? fieldOf : (path: string) => ((fieldOf as readonly string[]).includes(path) ? (path as Path<T>) : null);
  let placed = false;
  for (const fe of fieldErrors ?? []) {
    const field = toField(fe.path);
    if (!field) continue;
    setError(field, { message: fe.message }, { shouldFocus: !placed });
    placed = true;
  }
  return placed;
}

/** A form's field ids (`prefix-name`) and each control's aria attributes: invalid, and described by its error. */
export function fieldAria<T extends FieldValues>(prefix: string, errors: FieldErrors<T>) {
  const id = (f: keyof T & string) => `${prefix}-${f}`;
  const aria = (f: keyof T & string) => ({ "aria-invalid": !!errors[f], "aria-describedby": errors[f] ? `${id(f)}-error` : undefined });
  return { id, aria };
}
