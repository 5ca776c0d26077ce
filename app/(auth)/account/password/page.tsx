import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ChangePasswordForm } from "@/features/accounts/components/change-password-form";
import { getSessionAccount } from "@/features/auth/session";

export const metadata: Metadata = { title: "修改密码" };
export const dynamic = "force-dynamic";

export default async function PasswordPage() {
  const account = await getSessionAccount();
  if (!account) redirect("/login");
  const firstTime = account.mustChangePassword;
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <h1 className="text-2xl font-bold">{firstTime ? "请设置新密码" : "修改密码"}</h1>
          <p className="mt-2 text-sm text-slate-600">
            {firstTime ? `${account.name}，您正在使用管理员发放的临时密码。设置自己的密码后才能继续使用。` : `${account.name}（${account.username}）`}
          </p>
          <p className="mt-1 text-xs text-slate-500">保存后，您在其他设备上的登录将全部失效。</p>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <ChangePasswordForm username={account.username} firstTime={firstTime} />
        </div>
        {firstTime ? null : (
          <p className="mt-4 text-center text-sm">
            <Link href="/dashboard" className="text-brand-700 underline">
              返回工作台
            </Link>
          </p>
        )}
      </div>
    </main>
  );
}
