import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-6 py-24 text-center">
      <p className="text-sm font-semibold text-slate-500">404</p>
      <h1 className="mt-2 text-2xl font-bold">页面不存在</h1>
      <p className="mt-3 text-slate-600">您访问的地址不存在或已被移除。</p>
      <Link href="/" className="mt-6 inline-block text-brand-700 underline">
        返回首页
      </Link>
    </main>
  );
}
