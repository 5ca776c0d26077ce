import { SkipLink } from "@/components/shell/skip-link";
import Link from "next/link";

export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="min-h-screen">
      <SkipLink />
      <header className="no-print border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between px-4 py-4">
          <Link href="/" className="text-lg font-bold text-brand-900">
            预算绩效管理与决算公开
          </Link>
          <Link href="/login" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100">
            工作人员登录
          </Link>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-8">{children}</main>
      <footer className="no-print border-t border-slate-200 py-6 text-center text-xs text-slate-500">
        部门决算及绩效信息依法公开 · 数据以各部门正式公开版本为准
      </footer>
    </div>
  );
}
