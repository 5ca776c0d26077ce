import Link from "next/link";
import type { ReactNode } from "react";

/**
 * An administration page: the way back to 系统管理, the title, what the page is for and extra links,
 * above its content.
 */
export function AdminPage({ title, intro, links, children }: { title: string; intro: ReactNode; links?: ReactNode; children: ReactNode }) {
  return (
    <div className="space-y-6">
      <div>
        <Link href="/admin" className="text-sm text-brand-700 hover:underline">
          ← 系统管理
        </Link>
        <h1 className="mt-1 text-2xl font-bold">{title}</h1>
        <p className="mt-1 text-sm text-slate-600">{intro}</p>
        {links ? <p className="mt-1 text-sm">{links}</p> : null}
      </div>
      {children}
    </div>
  );
}

/** The link to 批量导入 that the account and department pages both offer. */
export function BulkImportLink() {
  return (
    <Link href="/admin/import" className="text-brand-700 hover:underline">
      从 Excel 批量导入部门和账号
    </Link>
  );
}
