"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { renameFunctionClassAction } from "../actions";
import { type RenameFunctionClassInput, type RenameFunctionClassValues, renameFunctionClassSchema } from "../schema";

type Props = { code: string; name: string; onDone: (text: string | null) => void };

/** Inline rename of one code (name only); Esc cancels. */
export function RenameFunctionClassForm({ code, name, onDone }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [banner, setBanner] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<RenameFunctionClassInput, unknown, RenameFunctionClassValues>({
    resolver: zodResolver(renameFunctionClassSchema),
    defaultValues: { name },
  });
  const error = formState.errors.name?.message ?? banner;
  const inputId = `rename-${code}`;

  const onSubmit = handleSubmit((values) => {
    setBanner(null);
    startTransition(async () => {
      const result = await renameFunctionClassAction(code, values);
      if (result.ok) {
        onDone(result.changed ? `已将科目 ${code} 重命名为“${values.name}”` : null);
        if (result.changed) router.refresh();
        return;
      }
      const fe = result.fieldErrors?.find((f) => f.path === "name");
      if (fe) setError("name", { message: fe.message }, { shouldFocus: true });
      else setBanner(result.message);
    });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-start gap-2" onKeyDown={(e) => e.key === "Escape" && onDone(null)}>
      <div className="min-w-48 flex-1">
        <label htmlFor={inputId} className="sr-only">
          科目 {code} 的新名称
        </label>
        <input
          id={inputId}
          // The user just asked to rename this row: put the cursor in it.
          autoFocus
          autoComplete="off"
          aria-invalid={!!error}
          aria-describedby={error ? `${inputId}-error` : undefined}
          className="block w-full rounded-md border border-slate-300 px-2 py-1 text-sm aria-[invalid=true]:border-red-600"
          disabled={pending}
          {...register("name")}
        />
        {error ? (
          <p id={`${inputId}-error`} role="alert" className="mt-1 text-sm text-red-700">
            {error}
          </p>
        ) : null}
      </div>
      <Button type="submit" className="px-3 py-1" disabled={pending}>
        保存
      </Button>
      <Button variant="secondary" className="px-3 py-1" onClick={() => onDone(null)} disabled={pending}>
        取消
      </Button>
    </form>
  );
}
