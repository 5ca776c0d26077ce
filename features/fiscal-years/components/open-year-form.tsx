"use client";

import { placeFieldErrors } from "@/components/ui/form-errors";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { openYearAction } from "../actions";
import { type OpenYearInput, type OpenYearValues, openYearSchema } from "../schema";
import { ActionMessage, type ActionMessageState } from "@/components/ui/action-message";

type Option = { id: string; name: string };
type Props = { frameworks: Option[]; departments: Option[]; suggestedYear: number };

/** 开放新的财政年度: year, its framework (and alternatives), all or some departments. */
export function OpenYearForm({ frameworks, departments, suggestedYear }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [banner, setBanner] = useState<ActionMessageState>(null);
  const { register, handleSubmit, setError, control, formState, reset } = useForm<OpenYearInput, unknown, OpenYearValues>({
    resolver: zodResolver(openYearSchema),
    defaultValues: { year: suggestedYear, frameworkId: frameworks[0]?.id ?? "", alternativeFrameworkIds: [], allDepartments: true, departmentIds: [] },
  });
  const all = useWatch({ control, name: "allDepartments" });
  const main = useWatch({ control, name: "frameworkId" });
  const e = formState.errors;

  const onSubmit = handleSubmit((values) => {
    setBanner(null);
    startTransition(async () => {
      const r = await openYearAction(values);
      if (r.ok) {
        setBanner({ ok: true, text: `已开放${r.year}年度` });
        reset({ ...values, year: r.year + 1 });
        router.refresh();
        return;
      }
      if (!placeFieldErrors(setError, r.fieldErrors, ["year", "frameworkId", "departmentIds", "alternativeFrameworkIds"])) setBanner({ ok: false, text: r.message });
    });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="开放新的财政年度">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="open-year" label="年度" error={e.year?.message}>
          <Input id="open-year" inputMode="numeric" aria-invalid={!!e.year} aria-describedby={e.year ? "open-year-error" : undefined} {...register("year")} />
        </Field>
        <Field id="open-framework" label="指标体系" error={e.frameworkId?.message}>
          <Select id="open-framework" className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm" aria-invalid={!!e.frameworkId} {...register("frameworkId")} choices={frameworks.map((f) => ({ value: f.id, label: f.name }))} />
        </Field>
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">项目还可选用的指标体系（项目可在“绩效指标”页更换）</legend>
        <div className="mt-1 flex flex-col gap-1 text-sm">
          {frameworks
            .filter((f) => f.id !== main)
            .map((f) => (
              <label key={f.id} className="inline-flex items-center gap-2">
                <input type="checkbox" value={f.id} {...register("alternativeFrameworkIds")} />
                {f.name}
              </label>
            ))}
        </div>
      </fieldset>
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">填报范围</legend>
        <label className="mt-1 inline-flex items-center gap-2 text-sm">
          <input type="checkbox" {...register("allDepartments")} />
          全部部门
        </label>
        {!all ? (
          <div className="mt-2 grid gap-1 text-sm sm:grid-cols-3" aria-describedby={e.departmentIds ? "open-departments-error" : undefined}>
            {departments.map((d) => (
              <label key={d.id} className="inline-flex items-center gap-2">
                <input type="checkbox" value={d.id} {...register("departmentIds")} />
                {d.name}
              </label>
            ))}
          </div>
        ) : null}
        {e.departmentIds ? (
          <p id="open-departments-error" className="mt-1 text-sm text-red-700">
            {e.departmentIds.message}
          </p>
        ) : null}
      </fieldset>
      <Button type="submit" disabled={pending}>
        开放年度
      </Button>
      <ActionMessage message={banner} className="text-sm" />
    </form>
  );
}
