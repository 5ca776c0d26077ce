"use client";

import { type ChangeEvent, type Ref, useState } from "react";

export const XLSX_ACCEPT = ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export type FileInputProps = {
  id: string;
  name?: string;
  accept?: string;
  required?: boolean;
  disabled?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  onChange?: (event: ChangeEvent<HTMLInputElement>) => void;
};

/**
 * A file chooser that reads the same in every browser: “选择文件” and the chosen file's name (or
 * “未选择文件”), instead of the native control, whose text follows the browser's own language
 * (“Choose File · No file chosen” on an English system).
 *
 * The native input stays the real control (labelled by the caller's <label htmlFor={id}>, reached
 * by Tab, opened with Space/Enter, filled by tests with setInputFiles); it is only visually hidden
 * and the wrapper shows its focus. To clear it after an upload, remount it (give it a new `key`).
 */
export function FileInput({ id, accept = XLSX_ACCEPT, disabled, inputRef, onChange, ...native }: FileInputProps) {
  const [fileName, setFileName] = useState("");
  return (
    <span className="inline-flex items-center gap-3 rounded-md focus-within:outline focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-brand-700">
      <input
        {...native}
        ref={inputRef}
        id={id}
        type="file"
        accept={accept}
        disabled={disabled}
        className="sr-only"
        onChange={(e) => {
          setFileName(e.target.files?.[0]?.name ?? "");
          onChange?.(e);
        }}
      />
      {/* Pointer users click this; keyboard and screen-reader users use the input itself. */}
      <span
        aria-hidden="true"
        onClick={() => {
          if (!disabled) document.getElementById(id)?.click();
        }}
        className={`inline-flex cursor-pointer items-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100 ${disabled ? "cursor-not-allowed text-slate-400" : ""}`}
      >
        选择文件
      </span>
      <span aria-hidden="true" className="max-w-[16rem] truncate text-sm text-slate-700" title={fileName || undefined}>
        {fileName || "未选择文件"}
      </span>
    </span>
  );
}
