import type { Ref } from "react";

/**
 * A labelled search box that filters as one types (the list filters in the browser): "inline" sits
 * in a row with what follows it (a count), "block" fills its column.
 */
export function SearchField({ id, label, value, onChange, placeholder, inputRef, layout = "inline" }: { id: string; label: string; value: string; onChange: (value: string) => void; placeholder: string; inputRef?: Ref<HTMLInputElement>; layout?: "inline" | "block" }) {
  const block = layout === "block";
  return (
    <>
      <label htmlFor={id} className={`${block ? "block " : ""}text-sm font-medium text-slate-800`}>
        {label}
      </label>
      <input
        ref={inputRef}
        id={id}
        type="search"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={placeholder}
        className={`${block ? "block w-full py-2" : "w-72 max-w-full py-1.5"} rounded-md border border-slate-300 bg-white px-3 text-sm shadow-sm`}
      />
    </>
  );
}
