"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useWatch } from "react-hook-form";
import { FormButtons } from "@/components/ui/bound-fields";
import { choicesOf } from "@/components/ui/field";
import { useActionForm, type CreateEditFormProps } from "@/components/ui/use-action-form";
import { ROLE_LABELS } from "@/lib/permissions";
import type { DepartmentChoice } from "../data";
import { type CreateAccountInput, createAccountSchema, DEPARTMENT_ROLES, ROLES, editAccountFormSchema } from "../schema";

const FIELDS = ["username", "name", "role", "departmentId", "phone", "email"] as const;

type Props = CreateEditFormProps<CreateAccountInput> & { departments: DepartmentChoice[] };

/** 新建账号 / 编辑账号: the same fields; the username is fixed once created. */
export function AccountForm({ mode, initial, departments, onSubmit, onCancel }: Props) {
  const { form, submit, isSubmitting, f } = useActionForm<CreateAccountInput>({
    prefix: mode === "create" ? "new" : "edit",
    resolver: zodResolver(mode === "create" ? createAccountSchema : editAccountFormSchema),
    defaultValues: initial ?? { username: "", name: "", role: "OWNER", departmentId: "", phone: "", email: "" },
    fields: FIELDS,
    save: onSubmit,
    afterSave: (values) => (mode === "create" ? { username: "", name: "", role: values.role, departmentId: values.departmentId, phone: "", email: "" } : values),
  });
  const role = useWatch({ control: form.control, name: "role" });

  return (
    <form onSubmit={submit} noValidate aria-label={mode === "create" ? "新建账号" : "编辑账号"} className="space-y-4">
      <fieldset disabled={isSubmitting} className="grid gap-4 md:grid-cols-3">
        {mode === "create" ? f.text("username", "用户名", { hint: "小写字母、数字、下划线、点或连字符，创建后不能修改" }) : null}
        {f.text("name", "姓名")}
        {f.select("role", "角色", choicesOf(ROLES, ROLE_LABELS))}
        {DEPARTMENT_ROLES.includes(role) ? f.select("departmentId", "所属部门", departments.map((d) => ({ value: d.id, label: `${d.code} ${d.label}` })), { empty: "请选择部门" }) : null}
        {f.text("phone", "电话（可选）", { inputMode: "tel" })}
        {f.text("email", "邮箱（可选）", { inputMode: "email" })}
      </fieldset>
      <FormButtons submitting={isSubmitting} label={mode === "create" ? "创建账号" : "保存修改"} onCancel={onCancel} />
    </form>
  );
}
