"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, Input, SELECT_CLASS as SELECT, choicesOf, Select } from "@/components/ui/field";
import { fieldAria, placeFieldErrors } from "@/components/ui/form-errors";
import { useUnsavedChangesWarning } from "@/components/ui/use-unsaved-changes-warning";
import type { ActionResult } from "@/lib/action-result";
import { UNIT_KIND_LABELS } from "@/lib/labels";
import { type CreateDepartmentInput, createDepartmentSchema, UNIT_KINDS, editDepartmentFormSchema } from "../schema";

const FIELDS = ["code", "name", "shortName", "unitKind", "region", "parentId", "sortOrder"] as const;

type Props = {
  mode: "create" | "edit";
  initial?: CreateDepartmentInput;
  parents: { id: string; label: string }[];
  onSubmit: (values: CreateDepartmentInput) => Promise<ActionResult<object>>;
  onCancel?: () => void;
};

/** 新增 / 修改部门或下属单位. The code is fixed once created (it is in public report addresses). */
export function DepartmentForm({ mode, initial, parents, onSubmit, onCancel }: Props) {
  const p = mode === "create" ? "nd" : "ed";
  const { register, handleSubmit, setError, reset, formState } = useForm<CreateDepartmentInput>({
    resolver: zodResolver(mode === "create" ? createDepartmentSchema : editDepartmentFormSchema),
    defaultValues: initial ?? { code: "", name: "", shortName: "", unitKind: "ADMINISTRATIVE", region: "", parentId: "", isBudgetUnit: true, sortOrder: 0 },
  });
  const { errors, isSubmitting, isDirty } = formState;
  useUnsavedChangesWarning(isDirty);

  const submit = handleSubmit(async (values) => {
    const result = await onSubmit(values);
    if (result.ok) {
      reset(mode === "create" ? undefined : values);
      return;
    }
    placeFieldErrors(setError, result.fieldErrors, FIELDS);
  });
  const { id, aria } = fieldAria(p, errors);

  return (
    <form onSubmit={submit} noValidate aria-label={mode === "create" ? "新增部门或单位" : "修改部门或单位"} className="space-y-4">
      <fieldset disabled={isSubmitting} className="grid gap-4 md:grid-cols-3">
        {mode === "create" ? (
          <Field id={id("code")} label="单位编码" error={errors.code?.message} hint="用于公开报告的网址，创建后不能修改">
            <Input id={id("code")} autoComplete="off" {...aria("code")} {...register("code")} />
          </Field>
        ) : null}
        <Field id={id("name")} label="单位全称" error={errors.name?.message}>
          <Input id={id("name")} autoComplete="off" {...aria("name")} {...register("name")} />
        </Field>
        <Field id={id("shortName")} label="简称" error={errors.shortName?.message}>
          <Input id={id("shortName")} autoComplete="off" {...aria("shortName")} {...register("shortName")} />
        </Field>
        <Field id={id("unitKind")} label="单位类型" error={errors.unitKind?.message}>
          <Select id={id("unitKind")} className={SELECT} {...aria("unitKind")} {...register("unitKind")} choices={choicesOf(UNIT_KINDS, UNIT_KIND_LABELS)} />
        </Field>
        <Field id={id("parentId")} label="上级部门" error={errors.parentId?.message} hint="留空为一级部门；选择后为其下属单位（二级预算单位）">
          <Select id={id("parentId")} className={SELECT} {...aria("parentId")} {...register("parentId")} empty="（无，一级部门）" choices={parents.map((d) => ({ value: d.id, label: d.label }))} />
        </Field>
        <Field id={id("region")} label="地区（可选）" error={errors.region?.message}>
          <Input id={id("region")} autoComplete="off" {...aria("region")} {...register("region")} />
        </Field>
        <Field id={id("sortOrder")} label="排序" error={errors.sortOrder?.message}>
          <Input id={id("sortOrder")} inputMode="numeric" {...aria("sortOrder")} {...register("sortOrder")} />
        </Field>
        <label className="flex items-center gap-2 text-sm md:mt-6">
          <input type="checkbox" {...register("isBudgetUnit")} />
          预算单位（有独立预算）
        </label>
      </fieldset>
      <div className="flex gap-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "正在保存…" : mode === "create" ? "新增" : "保存修改"}
        </Button>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel}>
            取消
          </Button>
        ) : null}
      </div>
    </form>
  );
}
