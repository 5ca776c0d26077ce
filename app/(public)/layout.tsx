import { SiteFrame } from "@/components/shell/site-frame";
import Link from "next/link";

export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <SiteFrame
      home="/"
      title="预算绩效管理与决算公开"
      bar="max-w-6xl justify-between py-4"
      main="max-w-6xl py-8"
      header={
        <Link href="/login" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100">
          工作人员登录
        </Link>
      }
      footer={<footer className="no-print border-t border-slate-200 py-6 text-center text-xs text-slate-500">部门决算及绩效信息依法公开 · 数据以各部门正式公开版本为准</footer>}
    >
      {children}
    </SiteFrame>
  );
}
