import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { SimpleTable } from "@/components/ui/simple-table";
import { requirePermission } from "@/features/auth/session";
import { REPORT_KIND_LABELS, statusText } from "@/features/reports/components/labels";
import { auditActionLabel } from "@/lib/audit-actions";
import { ReportView } from "@/features/reports/components/report-view";
import { StatusBadge } from "@/features/reports/components/status-badge";
import { getReportDetail, reportTitle } from "@/features/reports/data";
import { versionPath } from "@/features/publication/portal-address";
import { formatDateTime } from "@/lib/labels";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const user = await requirePermission("project.read");
  const name = await reportTitle(user, (await params).id);
  return { title: name ? `${name}` : "报告" };
}

export default async function ReportPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("project.read");
  const { id } = await params;
  const detail = await getReportDetail(user, id);
  if (!detail) notFound();
  const { report, project, check, history, can } = detail;

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm text-slate-500">
          <Link href="/reports" className="hover:underline">
            报告
          </Link>{" "}
          / {report.year}年度 · {report.department.shortName} · {REPORT_KIND_LABELS[report.kind]}
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-bold" data-testid="report-title">
            {report.title}
          </h1>
          <StatusBadge status={report.status} />
        </div>
        <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-600">
          <div className="flex gap-1">
            <dt>部门：</dt>
            <dd>{report.department.name}</dd>
          </div>
          <div className="flex gap-1">
            <dt>年度：</dt>
            <dd>{report.year}年</dd>
          </div>
          <div className="flex gap-1" title="每次保存或状态变化加 1；两人同时操作时用于发现冲突">
            <dt>修订号：</dt>
            <dd data-testid="report-version">{report.version}</dd>
          </div>
          {report.submittedAt ? (
            <div className="flex gap-1">
              <dt>提交时间：</dt>
              <dd>{formatDateTime(report.submittedAt)}</dd>
            </div>
          ) : null}
          {report.kind === "FINAL_ACCOUNTS" ? (
            <div>
              <dt className="sr-only">决算数据</dt>
              <dd>
                <Link href={`/final-accounts/${report.department.code}/${report.year}`} className="text-brand-700 underline" data-testid="final-accounts-link">
                  查看和填报决算数据
                </Link>
              </dd>
            </div>
          ) : null}
          {report.projectId ? (
            <div>
              <dt className="sr-only">项目</dt>
              <dd>
                <Link href={`/projects/${report.projectId}`} className="text-brand-700 underline">
                  查看项目
                </Link>
              </dd>
            </div>
          ) : null}
        </dl>
        {report.publications.length > 0 ? (
          <nav aria-label="公开版本" className="flex flex-wrap items-center gap-2 text-sm" data-testid="publication-links">
            <span className="text-slate-600">公开版本：</span>
            {report.publications.map((p) => (
              <Link
                key={p.id}
                href={report.kind === "FINAL_ACCOUNTS" ? versionPath(report.department.code, report.year, p.versionNo) : `/published/${report.id}?version=${p.versionNo}`}
                className="rounded-md border border-slate-300 bg-white px-2.5 py-1 text-brand-700 hover:bg-slate-50"
                title={`${formatDateTime(p.publishedAt)} 公开${p.supersededAt ? "，已被更正版本取代" : ""}`}
              >
                第{p.versionNo}版{p.supersededAt ? "（已更正）" : "（现行）"}
              </Link>
            ))}
          </nav>
        ) : null}
      </header>

      <ReportView
        indicatorEditorHref={can.edit && report.projectId ? `/projects/${report.projectId}/indicators` : null}
        report={{
          id: report.id,
          kind: report.kind,
          status: report.status,
          version: report.version,
          sections: report.sections.map((s) => ({ key: s.key, heading: s.heading, body: s.body })),
        }}
        comments={report.comments.map((c) => ({
          id: c.id,
          body: c.body,
          sectionKey: c.sectionKey,
          indicatorId: c.indicatorId,
          author: c.author.name,
          createdAtText: formatDateTime(c.createdAt),
          resolved: c.resolvedAt !== null,
        }))}
        project={project}
        check={check}
        can={can}
      />

      <Card title="处理记录">
        <SimpleTable
          caption="报告的处理记录"
          headers={["时间", "操作人", "操作", "状态变化", "说明"]}
          rows={history.map((h) => [
            formatDateTime(h.at),
            h.actorName || "—",
            auditActionLabel(h.action),
            h.fromStatus || h.toStatus ? `${statusText(h.fromStatus)} → ${statusText(h.toStatus)}` : "—",
            <span key="c" className="whitespace-pre-wrap break-words">
              {h.comment || "—"}
            </span>,
          ])}
          empty="暂无记录"
        />
      </Card>
    </div>
  );
}
