"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, Input, SELECT_CLASS as SELECT, choicesOf, Select } from "@/components/ui/field";
import { fieldAria, placeFieldErrors } from "@/components/ui/form-errors";
import { useUnsavedChangesWarning } from "@/components/ui/use-unsaved-changes-warning";
import type { ActionResult } from "@/lib/action-result";
import { ROLE_LABELS } from "@/lib/permissions";
import type { DepartmentChoice } from "../data";
import { type CreateAccountInput, createAccountSchema, DEPARTMENT_ROLES, ROLES, editAccountFormSchema } from "../schema";

const FIELDS = ["username", "name", "role", "departmentId", "phone", "email"] as const;

type Props = {
  mode: "create" | "edit";
  initial?: CreateAccountInput;
  departments: DepartmentChoice[];
  /** Runs the action; field errors come back into the form, anything else is the caller's banner. */
  onSubmit: (values: CreateAccountInput) => Promise<ActionResult<object>>;
  onCancel?: () => void;
};

/** 新建账号 / 编辑账号: the same fields; the username is fixed once created. */
export function AccountForm({ mode, initial, departments, onSubmit, onCancel }: Props) {
  const prefix = mode === "create" ? "new" : "edit";
  const { register, control, handleSubmit, setError, reset, formState } = useForm<CreateAccountInput>({
    resolver: zodResolver(mode === "create" ? createAccountSchema : editAccountFormSchema),
    defaultValues: initial ?? { username: "", name: "", role: "OWNER", departmentId: "", phone: "", email: "" },
  });
  const { errors, isSubmitting, isDirty } = formState;
  useUnsavedChangesWarning(isDirty);
  const role = useWatch({ control, name: "role" });

  const submit = handleSubmit(async (values) => {
    const result = await onSubmit(values);
    if (result.ok) {
      reset(mode === "create" ? { username: "", name: "", role: values.role, departmentId: values.departmentId, phone: "", email: "" } : values);
      return;
    }
    placeFieldErrors(setError, result.fieldErrors, FIELDS);
  });

  const { id, aria } = fieldAria(prefix, errors);

  return (
    <form onSubmit={submit} noValidate aria-label={mode === "create" ? "新建账号" : "编辑账号"} className="space-y-4">
      <fieldset disabled={isSubmitting} className="grid gap-4 md:grid-cols-3">
        {mode === "create" ? (
          <Field id={id("username")} label="用户名" error={errors.username?.message} hint="小写字母、数字、下划线、点或连字符，创建后不能修改">
            <Input id={id("username")} autoComplete="off" {...aria("username")} {...register("username")} />
          </Field>
        ) : null}
        <Field id={id("name")} label="姓名" error={errors.name?.message}>
          <Input id={id("name")} autoComplete="off" {...aria("name")} {...register("name")} />
        </Field>
        <Field id={id("role")} label="角色" error={errors.role?.message}>
          <Select id={id("role")} className={SELECT} {...aria("role")} {...register("role")} choices={choicesOf(ROLES, ROLE_LABELS)} />
        </Field>
        {DEPARTMENT_ROLES.includes(role) ? (
          <Field id={id("departmentId")} label="所属部门" error={errors.departmentId?.message}>
            <Select id={id("departmentId")} className={SELECT} {...aria("departmentId")} {...register("departmentId")} empty="请选择部门" choices={departments.map((d) => ({ value: d.id, label: `${d.code} ${d.label}` }))} />
          </Field>
        ) : null}
        <Field id={id("phone")} label="电话（可选）" error={errors.phone?.message}>
          <Input id={id("phone")} autoComplete="off" inputMode="tel" {...aria("phone")} {...register("phone")} />
        </Field>
        <Field id={id("email")} label="邮箱（可选）" error={errors.email?.message}>
          <Input id={id("email")} autoComplete="off" inputMode="email" {...aria("email")} {...register("email")} />
        </Field>
      </fieldset>
      <div className="flex gap-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "正在保存…" : mode === "create" ? "创建账号" : "保存修改"}
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
