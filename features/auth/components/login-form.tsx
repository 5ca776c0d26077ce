"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { type LoginInput, loginSchema } from "../schema";
import { safeCallbackPath } from "@/lib/safe-redirect";

/** Only same-site paths are followed after sign-in (no open redirect; lib/safe-redirect.ts). */
export const safeCallback = (url: string | undefined) => safeCallbackPath(url);

export function LoginForm({ callbackUrl }: { callbackUrl?: string }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<LoginInput>({ resolver: zodResolver(loginSchema), defaultValues: { username: "", password: "" } });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await signIn("credentials", { ...values, redirect: false });
    if (!result || result.error) {
      setFormError(result?.error && result.error !== "CredentialsSignin" ? result.error : "用户名或密码错误");
      return;
    }
    router.replace(safeCallback(callbackUrl));
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" aria-describedby={formError ? "login-error" : undefined}>
      {formError ? (
        <div id="login-error" role="alert" data-testid="login-error" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {formError}
        </div>
      ) : null}
      <Field id="username" label="用户名" error={errors.username?.message}>
        <Input id="username" autoComplete="username" autoFocus aria-invalid={!!errors.username} {...register("username")} />
      </Field>
      <Field id="password" label="密码" error={errors.password?.message}>
        <Input id="password" type="password" autoComplete="current-password" aria-invalid={!!errors.password} {...register("password")} />
      </Field>
      <Button type="submit" className="w-full" disabled={isSubmitting}>
        {isSubmitting ? "正在登录…" : "登录"}
      </Button>
    </form>
  );
}
