import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { SimpleTable } from "@/components/ui/simple-table";
import { listAudit } from "@/features/audit/data";
import { parseAuditFilter, type AuditFilter } from "@/features/audit/schema";
import { AuditFilters } from "@/features/audit/components/audit-filters";
import { auditActionLabel } from "@/lib/audit-actions";
import { REPORT_STATUS_LABELS, formatDateTime } from "@/lib/labels";
import { requirePermission } from "@/features/auth/session";

export const metadata: Metadata = { title: "审计日志" };

const statusLabel = (s: string | null) => (s ? ((REPORT_STATUS_LABELS as Record<string, string>)[s] ?? s) : "—");

function pageHref(filter: AuditFilter, page: number) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (k !== "page" && v !== undefined) q.set(k, String(v));
  if (page > 1) q.set("page", String(page));
  const s = q.toString();
  return s ? `/audit?${s}` : "/audit";
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("audit.read");
  const { filter, errors } = parseAuditFilter(await searchParams);
  const { entries, total, pageCount } = await listAudit(filter);
  const page = Math.min(filter.page, pageCount);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">审计日志</h1>
      <Card title="筛选">
        <AuditFilters filter={filter} />
        {errors.length > 0 ? (
          <p role="alert" className="mt-3 text-sm text-red-700">
            筛选条件有误，已显示全部记录：{errors.join("；")}
          </p>
        ) : null}
        {filter.entityId ? (
          <p className="mt-3 text-sm text-slate-700">
            只显示一个对象的记录。<Link className="text-blue-700 underline" href={pageHref({ ...filter, entityId: undefined, entityType: undefined }, 1)}>显示所有对象</Link>
          </p>
        ) : null}
      </Card>
      <Card title={`共 ${total} 条记录${pageCount > 1 ? `，第 ${page} / ${pageCount} 页` : ""}`}>
        <SimpleTable
          caption="审计日志"
          headers={["时间", "操作人", "操作", "对象", "状态变化", "说明"]}
          empty="没有符合条件的记录"
          rows={entries.map((e) => [
            formatDateTime(e.at),
            e.actorName || "系统",
            auditActionLabel(e.action),
            <span key="o" className="space-x-2">
              {e.object.href ? (
                <Link className="text-blue-700 underline" href={e.object.href}>
                  {e.object.label}
                </Link>
              ) : (
                <span>{e.object.label}</span>
              )}
              <Link className="text-xs text-slate-600 underline" href={pageHref({ ...filter, entityType: e.entityType, entityId: e.entityId }, 1)}>
                此对象的全部记录
              </Link>
            </span>,
            e.fromStatus || e.toStatus ? `${statusLabel(e.fromStatus)} → ${statusLabel(e.toStatus)}` : "—",
            e.comment || "—",
          ])}
        />
        {pageCount > 1 ? (
          <nav aria-label="分页" className="mt-4 flex items-center gap-3 text-sm">
            {page > 1 ? <Link className="text-blue-700 underline" href={pageHref(filter, page - 1)}>上一页</Link> : <span className="text-slate-600">上一页</span>}
            <span>
              第 {page} / {pageCount} 页
            </span>
            {page < pageCount ? <Link className="text-blue-700 underline" href={pageHref(filter, page + 1)}>下一页</Link> : <span className="text-slate-600">下一页</span>}
          </nav>
        ) : null}
      </Card>
    </div>
  );
}
