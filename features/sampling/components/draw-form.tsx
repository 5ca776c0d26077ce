"use client";

import { placeFieldErrors } from "@/components/ui/form-errors";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import type { z } from "@/lib/zod";
import { ActionMessage, type ActionMessageState } from "@/components/ui/action-message";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { drawAction } from "../actions";
import { DRAW_DEFAULTS, drawSchema, MAX_SAMPLE, type DrawInput } from "../schema";

type Props = { year: number; departments: { id: string; name: string }[] };
type Path = keyof DrawInput;
const PATHS: readonly string[] = ["title", "departmentId", "minBudget", "grades", "warningsOnly", "size", "seed"];

/** 抽取复核样本: criteria, sample size and an optional seed (blank = a new random seed, recorded with the draw). */
export function DrawForm({ year, departments }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [banner, setBanner] = useState<ActionMessageState>(null);
  const { register, handleSubmit, setError, formState } = useForm<z.input<typeof drawSchema>, unknown, DrawInput>({
    resolver: zodResolver(drawSchema),
    defaultValues: DRAW_DEFAULTS,
  });
  const e = formState.errors;

  const onSubmit = handleSubmit((values) => {
    setBanner(null);
    startTransition(async () => {
      const r = await drawAction(year, values);
      if (r.ok) {
        router.push(`/sampling/${r.id}`);
        return;
      }
      const fieldOf = (path: string) => {
        const top = path.split(".")[0]!;
        return PATHS.includes(top) ? (top as Path) : null;
      };
      if (!placeFieldErrors(setError, r.fieldErrors, fieldOf)) setBanner({ ok: false, text: r.message });
    });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="抽取复核样本">
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="draw-department" label="部门" error={e.departmentId?.message}>
          <Select id="draw-department" className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm" {...register("departmentId")} empty="全部部门" choices={departments.map((d) => ({ value: d.id, label: d.name }))} />
        </Field>
        <Field id="draw-min-budget" label="全年预算数不低于（万元）" error={e.minBudget?.message} hint="留空表示不限">
          <Input id="draw-min-budget" inputMode="decimal" aria-invalid={!!e.minBudget} {...register("minBudget")} />
        </Field>
        <Field id="draw-title" label="批次名称" error={e.title?.message} hint="留空则按“第N批抽查”命名">
          <Input id="draw-title" aria-invalid={!!e.title} {...register("title")} />
        </Field>
      </div>
      <div className="flex flex-wrap gap-6">
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">自评等级（不选表示全部）</legend>
          <div className="mt-1 flex gap-4 text-sm">
            {(["优", "良", "中", "差"] as const).map((g) => (
              <label key={g} className="inline-flex items-center gap-1">
                <input type="checkbox" value={g} {...register("grades")} />
                {g}
              </label>
            ))}
          </div>
        </fieldset>
        <label className="inline-flex items-center gap-2 self-end text-sm">
          <input type="checkbox" {...register("warningsOnly")} />
          只抽有预警的项目
        </label>
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="draw-size" label="抽取数量" error={e.size?.message}>
          <Input id="draw-size" inputMode="numeric" aria-invalid={!!e.size} {...register("size")} />
        </Field>
        <Field id="draw-seed" label="随机种子" error={e.seed?.message} hint="留空则自动生成；填写相同的种子和条件可重现抽取结果">
          <Input id="draw-seed" inputMode="numeric" aria-invalid={!!e.seed} {...register("seed")} />
        </Field>
      </div>
      <p className="text-xs text-slate-600">只从已报送财政（已提交、已通过、已公开）且能计算自评得分的项目中抽取；一次最多 {MAX_SAMPLE} 个。</p>
      <Button type="submit" disabled={pending}>
        {pending ? "正在抽取…" : "抽取"}
      </Button>
      <ActionMessage message={banner} className="text-sm" />
    </form>
  );
}
