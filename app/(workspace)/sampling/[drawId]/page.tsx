import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { SimpleTable } from "@/components/ui/simple-table";
import { requirePermission } from "@/features/auth/session";
import { drawDetail } from "@/features/sampling/data";
import { ITEM_STATUS_LABELS } from "@/features/sampling/export";
import { drawSample, QUALITY_RULE } from "@/features/sampling/rules";

export const metadata: Metadata = { title: "抽查批次" };

export default async function DrawPage({ params }: { params: Promise<{ drawId: string }> }) {
  await requirePermission("sample.read");
  const { drawId } = await params;
  const draw = drawId.length <= 64 ? await drawDetail(drawId) : null;
  if (!draw) notFound();
  // The audit check: the stored candidates and seed must give back the stored sample.
  const redrawn = drawSample(draw.poolIds, draw.seed, draw.size);
  const reproducible = redrawn.length === draw.items.length && redrawn.every((id, i) => draw.items[i]?.projectId === id);
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm">
          <Link className="text-brand-700 underline" href={`/sampling?year=${draw.year}`}>
            ← {draw.year}年度抽查复核
          </Link>
        </p>
        <h1 className="mt-2 text-2xl font-bold">{draw.title}</h1>
        <dl className="mt-2 grid gap-1 text-sm text-slate-700 sm:grid-cols-2">
          <div>
            <dt className="inline font-medium">抽取条件：</dt>
            <dd className="inline">{draw.criteriaText}</dd>
          </div>
          <div>
            <dt className="inline font-medium">抽取：</dt>
            <dd className="inline">
              从 {draw.poolIds.length} 个候选项目中随机抽取 {draw.items.length} 个，随机种子 <span className="tabular-nums">{draw.seed}</span>；{draw.createdBy}，
              {draw.createdAt.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" })}
            </dd>
          </div>
          <div className="sm:col-span-2">
            <dt className="inline font-medium">可重现：</dt>
            <dd className="inline" data-testid="draw-reproducible">
              {reproducible ? "用记录的候选项目和随机种子重新抽取，结果与本批一致。" : "注意：用记录的候选项目和随机种子重新抽取，结果与本批不一致。"}
            </dd>
          </div>
        </dl>
        <p className="mt-2 text-xs text-slate-600">{QUALITY_RULE}</p>
      </div>
      <Card
        title={`抽中的项目（${draw.items.length}）`}
        actions={
          <a className="text-sm text-brand-700 underline" href={`/api/sampling/${draw.id}`}>
            下载复核结果（Excel）
          </a>
        }
      >
        <SimpleTable
          caption={`${draw.title}抽中的项目`}
          headers={["序号", "部门", "项目", "自评得分", "复核得分", "偏差", "自评质量", "状态"]}
          empty="本批没有抽中项目"
          rows={draw.items.map((i, n) => [
            n + 1,
            i.department,
            <Link key="p" className="text-brand-700 underline" href={`/sampling/${draw.id}/${i.id}`}>
              {i.project}
            </Link>,
            <span key="s" className="tabular-nums">{i.selfTotal ?? "—"}</span>,
            <span key="r" className="tabular-nums">{i.reviewTotal ?? "—"}</span>,
            <span key="d" className="tabular-nums">{i.deviation ?? "—"}</span>,
            i.quality ? <span key="q" className={i.quality === "差" ? "font-semibold text-red-700" : i.quality === "一般" ? "text-amber-800" : undefined}>{i.quality}</span> : "—",
            ITEM_STATUS_LABELS[i.status],
          ])}
        />
      </Card>
    </div>
  );
}
