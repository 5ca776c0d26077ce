"use client";

import { useForm, type DefaultValues, type FieldValues, type Resolver } from "react-hook-form";
import type { ActionResult } from "@/lib/action-result";
import { boundFields } from "./bound-fields";
import { placeFieldErrors, type FieldOf } from "./form-errors";
import { useUnsavedChangesWarning } from "./use-unsaved-changes-warning";

/** The props every create / edit form of an admin list takes (plus its own choices). */
export type CreateEditFormProps<T> = {
  mode: "create" | "edit";
  initial?: T;
  /** Runs the action; field errors come back into the form, anything else is the caller's banner. */
  onSubmit: (values: T) => Promise<ActionResult<object>>;
  onCancel?: () => void;
};

/**
 * A form that saves through a server action: react-hook-form with the shared zod schema's resolver,
 * a warning before leaving with unsaved changes, the server's field errors placed on their fields,
 * and the form reset to `afterSave(values)` once saved. `f` lays out its bound controls.
 */
export function useActionForm<T extends FieldValues>(opts: {
  prefix: string;
  resolver: Resolver<T>;
  defaultValues: DefaultValues<T>;
  fields: FieldOf<T>;
  save: (values: T) => Promise<ActionResult<object>>;
  afterSave: (values: T) => T | undefined;
}) {
  const form = useForm<T>({ resolver: opts.resolver, defaultValues: opts.defaultValues });
  const { errors, isSubmitting, isDirty } = form.formState;
  useUnsavedChangesWarning(isDirty);
  const submit = form.handleSubmit(async (values) => {
    const result = await opts.save(values);
    if (result.ok) form.reset(opts.afterSave(values));
    else placeFieldErrors(form.setError, result.fieldErrors, opts.fields);
  });
  return { form, submit, isSubmitting, f: boundFields(opts.prefix, form.register, errors) };
}
