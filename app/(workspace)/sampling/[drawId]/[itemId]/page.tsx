import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { requirePermission } from "@/features/auth/session";
import { itemDetail } from "@/features/sampling/data";
import { ITEM_STATUS_LABELS } from "@/features/sampling/export";
import { ReviewForm } from "@/features/sampling/components/review-form";
import { QUALITY_RULE } from "@/features/sampling/rules";
import { hasPermission } from "@/lib/permissions";
import { REPORT_STATUS_LABELS } from "@/lib/labels";

export const metadata: Metadata = { title: "复核打分" };

export default async function SampleItemPage({ params }: { params: Promise<{ drawId: string; itemId: string }> }) {
  const user = await requirePermission("sample.read");
  const { drawId, itemId } = await params;
  const item = drawId.length <= 64 && itemId.length <= 64 ? await itemDetail(drawId, itemId) : null;
  if (!item) notFound();
  const manage = hasPermission(user.role, "sample.manage");
  const changed = item.selfTotal != null && item.currentSelfTotal != null && item.selfTotal !== item.currentSelfTotal;
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm">
          <Link className="text-brand-700 underline" href={`/sampling/${item.draw.id}`}>
            ← {item.draw.title}
          </Link>
        </p>
        <h1 className="mt-2 text-2xl font-bold">
          复核打分：{item.project.name}
        </h1>
        <p className="mt-1 text-sm text-slate-700">
          {item.project.department} · {item.project.year}年度 · 复核状态：{ITEM_STATUS_LABELS[item.status]}
          {item.report ? (
            <>
              {" "}· 自评报告：
              <Link className="text-brand-700 underline" href={`/reports/${item.report.id}`}>
                {REPORT_STATUS_LABELS[item.report.status]}
              </Link>
            </>
          ) : null}
          {" "}·{" "}
          <Link className="text-brand-700 underline" href={`/projects/${item.project.id}`}>
            项目
          </Link>
        </p>
        {changed ? (
          <p role="status" className="mt-2 text-sm text-amber-800">
            部门在复核后修改了自评表：复核时自评得分 {item.selfTotal}，现为 {item.currentSelfTotal}。再次保存将按现在的自评表复核。
          </p>
        ) : null}
        <p className="mt-2 text-xs text-slate-600">
          每个计分行填写复核得分；与自评得分不同的行须写明理由。复核得分按自评表同样的规则折算为百分制。{QUALITY_RULE}
        </p>
      </div>
      <Card title="自评表复核">
        <ReviewForm
          itemId={item.id}
          version={item.version}
          rows={item.rows}
          selfTotal={item.currentSelfTotal}
          canReturn={item.status === "REVIEWED"}
          readOnly={!manage || item.status === "RETURNED"}
        />
      </Card>
      {item.status === "RETURNED" ? (
        <Card title="已反馈部门的复核意见">
          <p className="whitespace-pre-wrap text-sm">{item.feedback}</p>
        </Card>
      ) : null}
    </div>
  );
}
