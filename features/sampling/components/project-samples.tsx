import Link from "next/link";
import { Card } from "@/components/ui/card";
import { SimpleTable } from "@/components/ui/simple-table";
import type { projectSamples } from "../data";
import { ITEM_STATUS_LABELS } from "../export";
import { QUALITY_RULE } from "../rules";

type Samples = Awaited<ReturnType<typeof projectSamples>>;

/** 抽查复核 on a project's page: each review of the project, its scores, 自评质量, and the rows re-scored with reasons. */
export function ProjectSamples({ samples, linkToReview }: { samples: Samples; linkToReview: boolean }) {
  if (!samples.length) return null;
  return (
    <Card title="财政抽查复核">
      <div className="space-y-4 text-sm">
        {samples.map((s) => (
          <section key={s.id} aria-label={s.title} className="space-y-2">
            <h3 className="font-semibold">
              {linkToReview ? (
                <Link className="text-brand-700 underline" href={`/sampling/${s.drawId}/${s.id}`}>
                  {s.title}
                </Link>
              ) : (
                s.title
              )}
              <span className="ml-2 font-normal text-slate-600">{ITEM_STATUS_LABELS[s.status]}</span>
            </h3>
            <p>
              自评得分 <span className="tabular-nums">{s.selfTotal ?? "—"}</span>，复核得分 <span className="tabular-nums">{s.reviewTotal ?? "—"}</span>
              {s.deviation != null ? <>，偏差 <span className="tabular-nums">{s.deviation}</span></> : null}
              {s.quality ? <>，自评质量：<strong>{s.quality}</strong></> : null}
            </p>
            {s.feedback ? <p className="whitespace-pre-wrap">复核意见：{s.feedback}</p> : null}
            {s.changed.length ? (
              <SimpleTable
                caption={`${s.title}：复核得分与自评不同的指标`}
                headers={["指标", "自评得分", "复核得分", "复核理由"]}
                rows={s.changed.map((c) => [c.row, <span key="s" className="tabular-nums">{c.self}</span>, <span key="r" className="tabular-nums">{c.review}</span>, c.reason])}
                empty=""
              />
            ) : null}
          </section>
        ))}
        <p className="text-xs text-slate-600">{QUALITY_RULE}</p>
      </div>
    </Card>
  );
}
