"use client";

import Link from "next/link";

/**
 * A page that failed to render: a Chinese message, never Next's English one or the error's
 * text. The digest is the reference logged on the server with the details (instrumentation.ts).
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-xl px-6 py-24 text-center">
      <p className="text-sm font-semibold text-slate-500">出错了</p>
      <h1 className="mt-2 text-2xl font-bold">页面暂时无法显示</h1>
      <p className="mt-3 text-slate-600">服务器处理请求时出错，请稍后重试。如果问题持续存在，请把下面的参考编号告诉系统管理员。</p>
      {error.digest ? (
        <p className="mt-3 text-sm text-slate-500" data-testid="error-reference">
          参考编号：<code className="font-mono">{error.digest}</code>
        </p>
      ) : null}
      <div className="mt-6 flex justify-center gap-4">
        <button type="button" onClick={reset} className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white">
          重试
        </button>
        <Link href="/" className="inline-block px-4 py-2 text-sm text-brand-700 underline">
          返回首页
        </Link>
      </div>
    </main>
  );
}
