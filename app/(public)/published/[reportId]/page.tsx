import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { NarrativeBody, SectionHeading } from "@/features/reports/components/narrative";
import { isGroupSection, sectionLevel } from "@/features/reports/components/labels";
import { ReportProject } from "@/features/reports/components/report-project";
import { getPublication } from "@/features/reports/data";
import { formatDateTime } from "@/lib/labels";
import { Breadcrumbs } from "@/features/publication/components/portal-catalog";
import { formatDateZh } from "@/features/publication/components/doc-format";
import { publishedReportPlace } from "@/features/publication/data";
import { departmentPath, departmentYearPath, PUBLISHED_KIND_LABELS } from "@/features/publication/portal-group";
import { versionLabel } from "@/features/publication/labels";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ reportId: string }>; searchParams: Promise<{ version?: string | string[] }> };

const load = cache(async (reportId: string, version: string | string[] | undefined) => {
  if (Array.isArray(version)) return null;
  if (version !== undefined && !/^[1-9]\d{0,5}$/.test(version)) return null;
  const [publication, place] = await Promise.all([getPublication(reportId, version === undefined ? undefined : Number(version)), publishedReportPlace(reportId)]);
  if (!publication || !place) return null;
  // The snapshot as stored, read by features/reports/snapshot-reader.ts (format 1 or 2).
  const { report, ...versions } = publication;
  const current = versions.versions.find((v) => v.versionNo === versions.versionNo)!;
  return { ...versions, ...report, current, place };
});

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const p = await load((await params).reportId, (await searchParams).version);
  if (!p) return { title: "报告不存在" };
  const what = PUBLISHED_KIND_LABELS[p.place.kind];
  return {
    title: p.versionNo < p.latest ? `${p.title}（第${p.versionNo}版）` : p.title,
    description: `${p.place.departmentName}${p.place.year}年度${what}${p.project ? `：${p.project.name}` : ""}，第${p.versionNo}版，${formatDateZh(p.current.publishedAt.toISOString())}公开。`,
    alternates: { canonical: `/published/${encodeURIComponent(p.place.reportId)}` },
  };
}

export default async function PublishedReportPage({ params, searchParams }: Props) {
  const { reportId } = await params;
  const p = await load(reportId, (await searchParams).version);
  if (!p) notFound();
  const earlier = p.versions.filter((v) => v.versionNo < p.versionNo).sort((a, b) => b.versionNo - a.versionNo);
  const latest = p.versions.find((v) => v.versionNo === p.latest)!;
  const versionLink = (n: number) => `/published/${reportId}?version=${n}`;

  return (
    <article className="mx-auto max-w-4xl space-y-6" data-testid="published-report">
      <Breadcrumbs
        trail={[
          { label: "首页", href: "/" },
          { label: "信息公开目录", href: "/portal" },
          { label: p.place.departmentShortName, href: departmentPath(p.place.departmentCode) },
          { label: `${p.place.year}年度`, href: departmentYearPath(p.place.departmentCode, p.place.year) },
          { label: PUBLISHED_KIND_LABELS[p.place.kind] },
        ]}
      />
      <header className="space-y-3 border-b border-slate-200 pb-5">
        <h1 className="text-2xl font-bold leading-snug">{p.title}</h1>
        <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-600">
          {p.project ? (
            <div className="flex gap-1">
              <dt>部门：</dt>
              <dd>{p.project.department}</dd>
            </div>
          ) : null}
          <div className="flex gap-1">
            <dt>发布时间：</dt>
            <dd data-testid="published-at">{formatDateTime(p.current.publishedAt)}</dd>
          </div>
          <div className="flex gap-1">
            <dt>版本：</dt>
            <dd data-testid="published-version">第{p.versionNo}版</dd>
          </div>
        </dl>

        {p.versionNo < p.latest ? (
          <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid="newer-version-notice">
            您正在查看第{p.versionNo}版。本报告已于{formatDateTime(latest.publishedAt)}更正，现行版本为
            <Link href={versionLink(p.latest)} className="mx-1 font-semibold underline">
              第{p.latest}版
            </Link>
            。
          </p>
        ) : null}

        {p.versionNo > 1 ? (
          <div role="note" className="space-y-1 rounded-md border border-brand-100 bg-brand-50 px-4 py-3 text-sm text-slate-800" data-testid="correction-notice">
            <p className="whitespace-pre-wrap break-words">
              本报告已于{formatDateTime(p.current.publishedAt)}更正（第{p.versionNo}版），更正说明：{p.current.correctionNote || "（未填写）"}
            </p>
            <p>
              此前版本：
              {earlier.map((v, i) => (
                <span key={v.versionNo}>
                  {i > 0 ? "、" : ""}
                  <Link href={versionLink(v.versionNo)} className="text-brand-700 underline">
                    {versionLabel(v.versionNo, formatDateTime(v.publishedAt))}
                  </Link>
                </span>
              ))}
            </p>
          </div>
        ) : null}
      </header>

      <section aria-labelledby="published-narrative-heading" className="space-y-5">
        <h2 id="published-narrative-heading" className="sr-only">
          报告正文
        </h2>
        {p.sections.map((s) => {
          const group = isGroupSection([], s.key, s.body);
          return (
            <div key={s.key} className="space-y-2" data-testid={group ? undefined : "published-section"}>
              <SectionHeading level={sectionLevel(s.heading, s.key)}>{s.heading}</SectionHeading>
              {group && !s.body.trim() ? null : <NarrativeBody body={s.body} />}
            </div>
          );
        })}
      </section>

      {p.project ? (
        <section aria-labelledby="published-project-heading" className="space-y-4 border-t border-slate-200 pt-6">
          <h2 id="published-project-heading" className="text-lg font-semibold">
            附：项目支出绩效自评表
          </h2>
          <ReportProject project={p.project} />
        </section>
      ) : null}

      <footer className="border-t border-slate-200 pt-4 text-xs text-slate-500">
        本页为该报告第{p.versionNo}版公开时的内容，之后对项目数据的修改不影响本页。
        {p.versions.length > 1 ? (
          <span className="ml-1">
            全部版本：
            {[...p.versions].reverse().map((v, i) => (
              <span key={v.versionNo}>
                {i > 0 ? "、" : ""}
                {v.versionNo === p.versionNo ? (
                  <span className="font-semibold">第{v.versionNo}版</span>
                ) : (
                  <Link href={versionLink(v.versionNo)} className="underline">
                    第{v.versionNo}版
                  </Link>
                )}
              </span>
            ))}
          </span>
        ) : null}
      </footer>
    </article>
  );
}
