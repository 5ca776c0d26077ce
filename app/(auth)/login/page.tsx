import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { LoginForm } from "@/features/auth/components/login-form";
import { getCurrentUser } from "@/features/auth/session";
import { safeCallbackPath } from "@/lib/safe-redirect";

export const metadata: Metadata = { title: "登录" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  if (await getCurrentUser()) redirect("/dashboard");
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <Link href="/" className="text-sm text-brand-700 underline">
            返回公开首页
          </Link>
          <h1 className="mt-4 text-2xl font-bold">登录绩效管理平台</h1>
          <p className="mt-2 text-sm text-slate-600">项目填报人、财政审核人与系统管理员使用</p>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <LoginForm callbackUrl={safeCallbackPath(callbackUrl)} />
        </div>
      </div>
    </main>
  );
}
