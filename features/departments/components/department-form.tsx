"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { FormButtons } from "@/components/ui/bound-fields";
import { choicesOf } from "@/components/ui/field";
import { useActionForm, type CreateEditFormProps } from "@/components/ui/use-action-form";
import { UNIT_KIND_LABELS } from "@/lib/labels";
import { type CreateDepartmentInput, createDepartmentSchema, UNIT_KINDS, editDepartmentFormSchema } from "../schema";

const FIELDS = ["code", "name", "shortName", "unitKind", "region", "parentId", "sortOrder"] as const;

type Props = CreateEditFormProps<CreateDepartmentInput> & { parents: { id: string; label: string }[] };

/** 新增 / 修改部门或下属单位. The code is fixed once created (it is in public report addresses). */
export function DepartmentForm({ mode, initial, parents, onSubmit, onCancel }: Props) {
  const { form, submit, isSubmitting, f } = useActionForm<CreateDepartmentInput>({
    prefix: mode === "create" ? "nd" : "ed",
    resolver: zodResolver(mode === "create" ? createDepartmentSchema : editDepartmentFormSchema),
    defaultValues: initial ?? { code: "", name: "", shortName: "", unitKind: "ADMINISTRATIVE", region: "", parentId: "", isBudgetUnit: true, sortOrder: 0 },
    fields: FIELDS,
    save: onSubmit,
    afterSave: (values) => (mode === "create" ? undefined : values),
  });

  return (
    <form onSubmit={submit} noValidate aria-label={mode === "create" ? "新增部门或单位" : "修改部门或单位"} className="space-y-4">
      <fieldset disabled={isSubmitting} className="grid gap-4 md:grid-cols-3">
        {mode === "create" ? f.text("code", "单位编码", { hint: "用于公开报告的网址，创建后不能修改" }) : null}
        {f.text("name", "单位全称")}
        {f.text("shortName", "简称")}
        {f.select("unitKind", "单位类型", choicesOf(UNIT_KINDS, UNIT_KIND_LABELS))}
        {f.select("parentId", "上级部门", parents.map((d) => ({ value: d.id, label: d.label })), { empty: "（无，一级部门）", hint: "留空为一级部门；选择后为其下属单位（二级预算单位）" })}
        {f.text("region", "地区（可选）")}
        {f.text("sortOrder", "排序", { inputMode: "numeric" })}
        <label className="flex items-center gap-2 text-sm md:mt-6">
          <input type="checkbox" {...form.register("isBudgetUnit")} />
          预算单位（有独立预算）
        </label>
      </fieldset>
      <FormButtons submitting={isSubmitting} label={mode === "create" ? "新增" : "保存修改"} onCancel={onCancel} />
    </form>
  );
}
