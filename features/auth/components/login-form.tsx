"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { boundFields, FormAlert, SubmitButton } from "@/components/ui/bound-fields";
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
  const f = boundFields("login", register, errors);

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
        <FormAlert id="login-error" testId="login-error">
          {formError}
        </FormAlert>
      ) : null}
      {f.text("username", "用户名", { autoComplete: "username", autoFocus: true })}
      {f.text("password", "密码", { type: "password", autoComplete: "current-password" })}
      <SubmitButton submitting={isSubmitting} label="登录" pending="正在登录…" />
    </form>
  );
}
