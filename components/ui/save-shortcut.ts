import type { BaseSyntheticEvent } from "react";

type Keys = { ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean; key: string; preventDefault(): void };

/**
 * Ctrl+S / ⌘S saves the form instead of opening the browser's 另存为 (not with Alt or Shift,
 * which other shortcuts use). Returns the key handler for a form's `onKeyDown` or the window.
 */
export function onSaveShortcut(save: () => void) {
  return (e: Keys) => {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === "s") {
      e.preventDefault();
      save();
    }
  };
}

/**
 * The props of an editor's <form>: `submit` (react-hook-form's handleSubmit(...)) on submit and on
 * Ctrl+S (not when read-only), and no browser validation (the schema's Chinese messages instead).
 */
export function saveFormProps(submit: (e?: BaseSyntheticEvent) => Promise<unknown>, readOnly: boolean) {
  return {
    onSubmit: submit,
    noValidate: true,
    onKeyDown: onSaveShortcut(() => {
      if (!readOnly) void submit();
    }),
  };
}
