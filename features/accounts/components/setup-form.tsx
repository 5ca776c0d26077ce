"use client";

import { placeFieldErrors } from "@/components/ui/form-errors";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { boundFields, FormAlert, SubmitButton } from "@/components/ui/bound-fields";
import { createFirstAdminAction } from "../actions";
import { type FirstAdminInput, firstAdminSchema } from "../bootstrap-schema";
import { PASSWORD_HINT } from "../password-policy";

const FIELDS = ["username", "name", "password", "confirmPassword"] as const;

/** 初始设置: the first admin chooses a username and a password. */
export function SetupForm() {
  const router = useRouter();
  const [banner, setBanner] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<FirstAdminInput>({
    resolver: zodResolver(firstAdminSchema.refine((v) => !!v.password, { path: ["password"], message: "请设置密码" })),
    defaultValues: { username: "", name: "", password: "", confirmPassword: "" },
  });
  const { errors, isSubmitting } = formState;
  const f = boundFields("setup", register, errors);
  const onSubmit = handleSubmit(async (values) => {
    setBanner(null);
    const result = await createFirstAdminAction(values);
    if (result.ok) {
      router.replace(`/login?setup=${encodeURIComponent(result.username)}`);
      return;
    }
    if (!placeFieldErrors(setError, result.fieldErrors, FIELDS)) setBanner(result.message);
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="创建管理员" className="space-y-5">
      {banner ? <FormAlert>{banner}</FormAlert> : null}
      {f.text("username", "管理员用户名", { autoComplete: "username", autoFocus: true })}
      {f.text("name", "姓名", { autoComplete: "name" })}
      {f.newPassword(["password", "confirmPassword"], ["密码", "再次输入密码"], PASSWORD_HINT)}
      <SubmitButton submitting={isSubmitting} label="创建管理员" pending="正在创建…" />
    </form>
  );
}
