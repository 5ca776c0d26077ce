"use client";
import { ScrollRegion } from "@/components/ui/scroll-region";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { type FieldPath, useFieldArray, useForm, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { SaveBanner } from "@/components/ui/save-banner";
import { Field, Input } from "@/components/ui/field";
import { useUnsavedChangesWarning } from "@/components/ui/use-unsaved-changes-warning";
import type { ActionResult } from "@/lib/action-result";
import { fmt2, sum } from "@/lib/money";
import { amountOrNull } from "@/lib/money-input";
import { createProjectAction, updateProjectAction } from "../actions";
import { FUND_SOURCE_LABELS, FUND_SOURCES, type ProjectInput, type ProjectValues, projectSchema } from "../schema";
import { saveFormProps } from "@/components/ui/save-shortcut";
import { ColumnHeads } from "@/components/ui/column-heads";

type Props =
  | { mode: "create"; year: number; initial: ProjectInput }
  | { mode: "edit"; projectId: string; version: number; initial: ProjectInput; readOnly: boolean; readOnlyReason?: string };

const FUND_COLUMNS = [
  { key: "initialBudget", label: "年初预算数" },
  { key: "annualBudget", label: "全年预算数" },
  { key: "executed", label: "全年执行数" },
] as const;

/** Live total of what is typed so far; cells that are not amounts yet count as 0 (their field shows why). */
function sumWan(values: (string | undefined)[]) {
  return sum(values.map((v) => amountOrNull(v)));
}

export function ProjectForm(props: Props) {
  const router = useRouter();
  const readOnly = props.mode === "edit" && props.readOnly;
  const [version, setVersion] = useState(props.mode === "edit" ? props.version : 0);
  const [pending, startTransition] = useTransition();
  const [banner, setBanner] = useState<{ kind: "error" | "conflict" | "saved"; text: string } | null>(null);
  const form = useForm<ProjectInput, unknown, ProjectValues>({ resolver: zodResolver(projectSchema), defaultValues: props.initial, mode: "onSubmit", reValidateMode: "onChange" });
  // Validated on submit, then live: validating on blur put a message under the cell as the pointer
  // went down on 创建项目, the button moved, and the click landed nowhere (nothing happened).
  const { register, control, handleSubmit, setError, reset, formState } = form;
  const { errors, isDirty } = formState;
  const allocations = useFieldArray({ control, name: "allocations" });
  const funding = useWatch({ control, name: "funding" });
  const allocationValues = useWatch({ control, name: "allocations" });
  useUnsavedChangesWarning(isDirty && !readOnly);

  const annualTotal = sumWan(FUND_SOURCES.map((s) => funding?.[s]?.annualBudget));
  const allocatedTotal = sumWan((allocationValues ?? []).map((a) => a?.amount));

  /** Shows a refusal next to its fields and in the banner; true when the save succeeded. */
  const applyResult = (result: ActionResult<object>) => {
    if (result.ok) return true;
    for (const fe of result.fieldErrors ?? []) setError((fe.path || "root") as FieldPath<ProjectInput>, { message: fe.message });
    setBanner({ kind: result.reason === "stale" ? "conflict" : "error", text: result.message });
    return false;
  };

  const onSubmit = handleSubmit((values) => {
    setBanner(null);
    startTransition(async () => {
      if (props.mode === "create") {
        const result = await createProjectAction(props.year, values);
        if (applyResult(result) && result.ok) {
          reset(values);
          router.push(`/projects/${result.id}`);
        }
      } else {
        const result = await updateProjectAction(props.projectId, version, values);
        if (applyResult(result) && result.ok) {
          setVersion(result.version);
          reset(values);
          setBanner({ kind: "saved", text: `已保存（${new Date().toLocaleTimeString("zh-CN", { hour12: false })}）` });
          router.refresh();
        }
      }
    });
  }, () => setBanner({ kind: "error", text: "有填写不正确的项，请按标红处的提示修改后再保存" }));

  return (
    <form
      {...saveFormProps(onSubmit, readOnly)}
      className="space-y-6"
    >
      {readOnly ? (
        <p className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid="readonly-banner">
          {props.mode === "edit" && props.readOnlyReason ? props.readOnlyReason : "只读"}
        </p>
      ) : null}
      {banner ? <SaveBanner banner={banner} testIdPrefix="form" hasUnsavedEdits /> : null}

      <fieldset disabled={readOnly || pending} className="space-y-6">
        <section className="grid gap-4 md:grid-cols-2">
          <Field id="name" label="项目名称" error={errors.name?.message}>
            <Input id="name" aria-invalid={!!errors.name} {...register("name")} />
          </Field>
          <Field id="category" label="项目类别" error={errors.category?.message} hint="如：专项业务费、运转类项目">
            <Input id="category" {...register("category")} />
          </Field>
          <Field id="competentDepartment" label="主管部门" error={errors.competentDepartment?.message}>
            <Input id="competentDepartment" aria-invalid={!!errors.competentDepartment} {...register("competentDepartment")} />
          </Field>
          <Field id="implementingUnit" label="实施单位" error={errors.implementingUnit?.message}>
            <Input id="implementingUnit" aria-invalid={!!errors.implementingUnit} {...register("implementingUnit")} />
          </Field>
          <Field id="code" label="项目编码（可选）" error={errors.code?.message}>
            <Input id="code" {...register("code")} />
          </Field>
        </section>

        <section>
          <h2 className="mb-2 text-base font-semibold">预算执行情况（万元）</h2>
          <ScrollRegion label="按资金来源填写的预算数与执行数">
            <table className="min-w-full border-collapse text-sm">
              <caption className="sr-only">按资金来源填写的预算数与执行数，单位万元</caption>
              <thead>
                <tr className="bg-slate-50">
                  <ColumnHeads cellClass="border border-slate-200 px-3 py-2 text-left" columns={[{ label: "资金来源" }, ...FUND_COLUMNS]} />
                </tr>
              </thead>
              <tbody>
                {FUND_SOURCES.map((source) => (
                  <tr key={source}>
                    <th scope="row" className="border border-slate-200 px-3 py-2 text-left font-normal">
                      {FUND_SOURCE_LABELS[source]}
                    </th>
                    {FUND_COLUMNS.map((c) => {
                      const id = `funding.${source}.${c.key}` as const;
                      const error = errors.funding?.[source]?.[c.key]?.message;
                      return (
                        <td key={c.key} className="border border-slate-200 px-2 py-1 align-top">
                          <label htmlFor={id} className="sr-only">
                            {FUND_SOURCE_LABELS[source]} {c.label}（万元）
                          </label>
                          <input
                            id={id}
                            inputMode="decimal"
                            aria-invalid={!!error}
                            aria-describedby={error ? `${id}-error` : undefined}
                            className="w-32 rounded border border-slate-300 px-2 py-1 text-right tabular-nums aria-[invalid=true]:border-red-600"
                            {...register(id)}
                          />
                          {error ? (
                            <p id={`${id}-error`} className="mt-1 max-w-40 text-xs text-red-700" data-testid="field-error">
                              {error}
                            </p>
                          ) : null}
                        </td>
                      );
                    })}
                  </tr>
                ))}
                <tr className="bg-slate-50 font-semibold">
                  <th scope="row" className="border border-slate-200 px-3 py-2 text-left">
                    年度资金总额
                  </th>
                  {FUND_COLUMNS.map((c) => (
                    <td key={c.key} className="border border-slate-200 px-3 py-2 text-right tabular-nums" data-testid={`funding-total-${c.key}`}>
                      {fmt2(sumWan(FUND_SOURCES.map((s) => funding?.[s]?.[c.key])))}
                    </td>
                  ))}
                </tr>
              </tbody>
            </table>
          </ScrollRegion>
        </section>

        <section>
          <div className="mb-2 flex items-center justify-between">
            <h2 className="text-base font-semibold">资金分配（万元）</h2>
            <Button variant="secondary" onClick={() => allocations.append({ item: "", amount: "" })}>
              添加分配项
            </Button>
          </div>
          <p className="mb-2 text-sm text-slate-600">
            按支出内容列出资金分配，合计须等于全年预算数。当前合计{" "}
            <strong className={allocatedTotal.equals(annualTotal) || allocations.fields.length === 0 ? "" : "text-red-700"} data-testid="allocation-total">
              {fmt2(allocatedTotal)}
            </strong>{" "}
            / 全年预算数 {fmt2(annualTotal)}
          </p>
          {errors.allocations?.message || errors.allocations?.root?.message ? (
            <p role="alert" className="mb-2 text-sm text-red-700">
              {errors.allocations?.message ?? errors.allocations?.root?.message}
            </p>
          ) : null}
          <ul className="space-y-2">
            {allocations.fields.map((f, i) => (
              <li key={f.id} className="flex flex-wrap items-start gap-2">
                <div>
                  <label htmlFor={`allocations.${i}.item`} className="sr-only">
                    第{i + 1}项 支出内容
                  </label>
                  <input
                    id={`allocations.${i}.item`}
                    placeholder="支出内容，如：会务费"
                    className="w-64 rounded border border-slate-300 px-2 py-1"
                    {...register(`allocations.${i}.item`)}
                  />
                  {errors.allocations?.[i]?.item ? <p className="text-xs text-red-700">{errors.allocations[i]?.item?.message}</p> : null}
                </div>
                <div>
                  <label htmlFor={`allocations.${i}.amount`} className="sr-only">
                    第{i + 1}项 金额（万元）
                  </label>
                  <input
                    id={`allocations.${i}.amount`}
                    inputMode="decimal"
                    placeholder="金额（万元）"
                    aria-invalid={!!errors.allocations?.[i]?.amount}
                    aria-describedby={errors.allocations?.[i]?.amount ? `allocations.${i}.amount-error` : undefined}
                    className="w-32 rounded border border-slate-300 px-2 py-1 text-right tabular-nums aria-[invalid=true]:border-red-600"
                    {...register(`allocations.${i}.amount`)}
                  />
                  {errors.allocations?.[i]?.amount ? (
                    <p id={`allocations.${i}.amount-error`} className="text-xs text-red-700" data-testid="field-error">
                      {errors.allocations[i]?.amount?.message}
                    </p>
                  ) : null}
                </div>
                <Button variant="ghost" aria-label={`删除第${i + 1}项分配`} onClick={() => allocations.remove(i)}>
                  删除
                </Button>
              </li>
            ))}
          </ul>
        </section>

        <section className="grid gap-4 md:grid-cols-2">
          <Field id="goalExpected" label="年度目标：预期目标" error={errors.goalExpected?.message}>
            <textarea id="goalExpected" rows={6} className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm" {...register("goalExpected")} />
          </Field>
          <Field id="goalActual" label="年度目标：实际完成情况" error={errors.goalActual?.message}>
            <textarea id="goalActual" rows={6} className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm" {...register("goalActual")} />
          </Field>
        </section>
      </fieldset>

      {!readOnly ? (
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={pending}>
            {pending ? "正在保存…" : props.mode === "create" ? "创建项目" : "保存"}
          </Button>
          <span className="text-xs text-slate-500">快捷键 Ctrl+S 保存{isDirty ? " · 有未保存的修改" : ""}</span>
        </div>
      ) : null}
    </form>
  );
}
