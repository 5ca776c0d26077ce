import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { SimpleTable } from "@/components/ui/simple-table";
import { listRecentAudit } from "@/features/audit/data";
import { auditActionLabel } from "@/lib/audit-actions";
import { formatDateTime } from "@/lib/labels";
import { requirePermission } from "@/features/auth/session";

export const metadata: Metadata = { title: "审计日志" };

export default async function AuditPage() {
  await requirePermission("audit.read");
  const entries = await listRecentAudit();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">审计日志</h1>
      <Card title="最近 200 条记录">
        <SimpleTable
          caption="审计日志"
          headers={["时间", "操作人", "操作", "对象", "状态变化", "说明"]}
          rows={entries.map((e) => [
            formatDateTime(e.at),
            e.actorName || "—",
            auditActionLabel(e.action),
            `${e.entityType} ${e.entityId}`,
            e.fromStatus || e.toStatus ? `${e.fromStatus ?? "—"} → ${e.toStatus ?? "—"}` : "—",
            e.comment || "—",
          ])}
        />
      </Card>
    </div>
  );
}
