"use client";

import { placeFieldErrors } from "@/components/ui/form-errors";
import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { boundFields, FormAlert, SubmitButton } from "@/components/ui/bound-fields";
import { changeOwnPasswordAction } from "../actions";
import { PASSWORD_HINT } from "../password-policy";
import { type ChangePasswordInput, changePasswordSchema } from "../schema";

const FIELDS = ["currentPassword", "newPassword", "confirmPassword"] as const;

/**
 * Changing one's own password. The server ends every session of the account, this one
 * included, so on success the form signs in again with the new password.
 */
export function ChangePasswordForm({ username, firstTime }: { username: string; firstTime: boolean }) {
  const router = useRouter();
  const [banner, setBanner] = useState<string | null>(null);
  const schema = useMemo(() => changePasswordSchema(username), [username]);
  const { register, handleSubmit, setError, formState } = useForm<ChangePasswordInput>({
    resolver: zodResolver(schema),
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
  });
  const { errors, isSubmitting } = formState;
  const f = boundFields("pw", register, errors);

  const onSubmit = handleSubmit(async (values) => {
    setBanner(null);
    const result = await changeOwnPasswordAction(values);
    if (!result.ok) {
      if (!placeFieldErrors(setError, result.fieldErrors, FIELDS)) setBanner(result.message);
      return;
    }
    const again = await signIn("credentials", { username, password: values.newPassword, redirect: false });
    if (!again || again.error) {
      router.replace("/login");
      return;
    }
    router.replace("/dashboard?password=changed");
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="修改密码" className="space-y-5">
      {banner ? <FormAlert>{banner}</FormAlert> : null}
      {f.text("currentPassword", firstTime ? "临时密码" : "当前密码", { type: "password", autoComplete: "current-password", autoFocus: true })}
      {f.newPassword(["newPassword", "confirmPassword"], ["新密码", "再次输入新密码"], PASSWORD_HINT)}
      <SubmitButton submitting={isSubmitting} label="保存新密码" pending="正在保存…" />
    </form>
  );
}
