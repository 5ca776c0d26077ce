"use client";

import { placeFieldErrors } from "@/components/ui/form-errors";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { createFirstAdminAction } from "../actions";
import { type FirstAdminInput, firstAdminSchema } from "../bootstrap-schema";
import { PASSWORD_MIN } from "../password-policy";

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
      {banner ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {banner}
        </p>
      ) : null}
      <Field id="setup-username" label="管理员用户名" error={errors.username?.message}>
        <Input id="setup-username" autoComplete="username" autoFocus aria-invalid={!!errors.username} {...register("username")} />
      </Field>
      <Field id="setup-name" label="姓名" error={errors.name?.message}>
        <Input id="setup-name" autoComplete="name" aria-invalid={!!errors.name} {...register("name")} />
      </Field>
      <Field id="setup-password" label="密码" error={errors.password?.message} hint={`至少 ${PASSWORD_MIN} 个字符，不能包含用户名，不能是常见密码`}>
        <Input id="setup-password" type="password" autoComplete="new-password" aria-invalid={!!errors.password} {...register("password")} />
      </Field>
      <Field id="setup-confirmPassword" label="再次输入密码" error={errors.confirmPassword?.message}>
        <Input id="setup-confirmPassword" type="password" autoComplete="new-password" aria-invalid={!!errors.confirmPassword} {...register("confirmPassword")} />
      </Field>
      <Button type="submit" className="w-full" disabled={isSubmitting}>
        {isSubmitting ? "正在创建…" : "创建管理员"}
      </Button>
    </form>
  );
}
