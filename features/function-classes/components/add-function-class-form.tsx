"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { createFunctionClassAction } from "../actions";
import { type CreateFunctionClassInput, type CreateFunctionClassValues, createFunctionClassSchema } from "../schema";
import { codeHint } from "./tree-helpers";
import { FormAlert } from "@/components/ui/bound-fields";

export type Notice = { kind: "ok" | "error"; text: string };

type Props = {
  names: ReadonlyMap<string, string>;
  /** A parent code chosen with “添加下级” in the tree; `nonce` changes on every click. */
  prefill: { code: string; nonce: number } | null;
  onNotice: (notice: Notice | null) => void;
};

/** 添加科目: code and name; level and parent follow from the code (checked again on the server). */
export function AddFunctionClassForm({ names, prefill, onNotice }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setBanner] = useState<string | null>(null);
  const { register, control, handleSubmit, setError, setValue, setFocus, reset, formState } = useForm<CreateFunctionClassInput, unknown, CreateFunctionClassValues>({
    resolver: zodResolver(createFunctionClassSchema),
    defaultValues: { code: "", name: "" },
  });
  const { errors } = formState;
  const code = useWatch({ control, name: "code" });

  useEffect(() => {
    if (!prefill) return;
    setValue("code", prefill.code);
    setFocus("code");
  }, [prefill, setValue, setFocus]);

  const onSubmit = handleSubmit((values) => {
    setBanner(null);
    startTransition(async () => {
      const result = await createFunctionClassAction(values);
      if (result.ok) {
        reset({ code: "", name: "" });
        onNotice({ kind: "ok", text: `已添加科目 ${values.code} ${values.name}` });
        router.refresh();
        return;
      }
      const fieldErrors = result.fieldErrors ?? [];
      for (const fe of fieldErrors) {
        if (fe.path === "code" || fe.path === "name") setError(fe.path, { message: fe.message }, { shouldFocus: true });
      }
      if (fieldErrors.length === 0) setBanner(result.message);
    });
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="添加科目" className="space-y-4">
      {error ? (
        <FormAlert>{error}</FormAlert>
      ) : null}
      <fieldset disabled={pending} className="grid gap-4 md:grid-cols-[20rem_1fr_auto] md:items-start">
        <Field id="fc-code" label="科目编码" error={errors.code?.message} hint={<span data-testid="code-hint">{codeHint(code ?? "", names)}</span>}>
          <Input
            id="fc-code"
            inputMode="numeric"
            autoComplete="off"
            placeholder="如 2011099"
            aria-invalid={!!errors.code}
            aria-describedby={errors.code ? "fc-code-error" : undefined}
            {...register("code")}
          />
        </Field>
        <Field id="fc-name" label="科目名称" error={errors.name?.message}>
          <Input id="fc-name" autoComplete="off" placeholder="如 其他人力资源事务支出" aria-invalid={!!errors.name} aria-describedby={errors.name ? "fc-name-error" : undefined} {...register("name")} />
        </Field>
        <Button type="submit" className="md:mt-6">
          {pending ? "正在添加…" : "添加"}
        </Button>
      </fieldset>
    </form>
  );
}
