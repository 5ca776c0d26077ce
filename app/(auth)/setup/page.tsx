import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { hasActiveAdmin } from "@/features/accounts/bootstrap";
import { SetupForm } from "@/features/accounts/components/setup-form";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "初始设置" };
export const dynamic = "force-dynamic";

/** One-time: only while the install has no active admin (afterwards: 404). */
export default async function SetupPage() {
  if (await hasActiveAdmin(db())) notFound();
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <h1 className="text-2xl font-bold">初始设置：创建管理员</h1>
          <p className="mt-2 text-sm text-slate-600">系统还没有管理员。创建第一个管理员账号后，此页面自动关闭；其他账号和部门请登录后在“系统管理”中添加。</p>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <SetupForm />
        </div>
      </div>
    </main>
  );
}
