import type { InputHTMLAttributes, ReactNode } from "react";
import type { FieldErrors, FieldValues, Path, UseFormRegister } from "react-hook-form";
import { Button } from "./button";
import { Field, Input, SELECT_CLASS, Select, type Choice } from "./field";
import { fieldAria } from "./form-errors";

type TextOptions = { hint?: ReactNode } & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name">;

/**
 * The labelled controls of one react-hook-form form, each bound to its field: id `prefix-name`,
 * registered, marked invalid and described by its error (or hint). `text("name", "姓名")` is the
 * Field + Input + register + aria that every admin form otherwise writes out by hand.
 */
export function boundFields<T extends FieldValues>(prefix: string, register: UseFormRegister<T>, errors: FieldErrors<T>) {
  const { id, aria } = fieldAria(prefix, errors);
  type Name = Path<T> & keyof T & string;
  const message = (name: Name) => errors[name]?.message as string | undefined;
  const text = (name: Name, label: string, { hint, ...props }: TextOptions = {}) => (
    <Field id={id(name)} label={label} error={message(name)} hint={hint}>
      <Input id={id(name)} autoComplete="off" {...props} {...aria(name)} {...register(name)} />
    </Field>
  );
  return {
    text,
    /** A new password and its confirmation (the browser may offer to generate and save it). */
    newPassword: (names: [Name, Name], labels: [string, string], hint: ReactNode) => (
      <>
        {text(names[0], labels[0], { type: "password", autoComplete: "new-password", hint })}
        {text(names[1], labels[1], { type: "password", autoComplete: "new-password" })}
      </>
    ),
    select: (name: Name, label: string, choices: readonly Choice[], { hint, empty }: { hint?: ReactNode; empty?: string } = {}) => (
      <Field id={id(name)} label={label} error={message(name)} hint={hint}>
        <Select id={id(name)} className={SELECT_CLASS} {...aria(name)} {...register(name)} empty={empty} choices={choices} />
      </Field>
    ),
  };
}

/** A form's submit button (with its in-progress text) and, when the form can be closed, 取消. */
export function FormButtons({ submitting, label, onCancel }: { submitting: boolean; label: string; onCancel?: () => void }) {
  return (
    <div className="flex gap-2">
      <Button type="submit" disabled={submitting}>
        {submitting ? "正在保存…" : label}
      </Button>
      {onCancel ? (
        <Button variant="secondary" onClick={onCancel}>
          取消
        </Button>
      ) : null}
    </div>
  );
}

/** The one full-width submit button of a small form (sign in, set a password). */
export function SubmitButton({ submitting, label, pending }: { submitting: boolean; label: string; pending: string }) {
  return (
    <Button type="submit" className="w-full" disabled={submitting}>
      {submitting ? pending : label}
    </Button>
  );
}

/**
 * The red box of a message that is about no one field (the server's refusal, the errors that block
 * an action, with a list or buttons inside), announced when it appears. One look everywhere.
 */
export function FormAlert({ children, id, testId }: { children: ReactNode; id?: string; testId?: string }) {
  return (
    <div id={id} role="alert" data-testid={testId} className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
      {children}
    </div>
  );
}
