import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-xl px-6 py-24 text-center">
      <p className="text-sm font-semibold text-red-700">403</p>
      <h1 className="mt-2 text-2xl font-bold">无权访问此页面</h1>
      <p className="mt-3 text-slate-600">您的账号没有执行此操作的权限。如需开通，请联系系统管理员。</p>
      <Link href="/dashboard" className="mt-6 inline-block text-brand-700 underline">
        返回工作台
      </Link>
    </main>
  );
}
