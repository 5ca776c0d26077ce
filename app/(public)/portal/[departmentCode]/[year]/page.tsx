import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { YearDocumentView } from "@/features/publication/components/year-document-view";
import { getPortalYearDocument } from "../../portal-data";

// The latest version changes when a correction is published: render per request;
// the immutable snapshot of each version is memoised in portal-data.
export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ departmentCode: string; year: string }>;
  searchParams: Promise<{ version?: string | string[] }>;
};

const load = cache(async (departmentCode: string, year: string, version: string | string[] | undefined) => {
  if (!/^[a-z0-9][a-z0-9-]{0,63}$/i.test(departmentCode) || !/^\d{4}$/.test(year)) return null;
  if (Array.isArray(version) || (version !== undefined && !/^[1-9]\d{0,5}$/.test(version))) return null;
  return getPortalYearDocument(departmentCode, Number(year), version === undefined ? undefined : Number(version));
});

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { departmentCode, year } = await params;
  const found = await load(departmentCode, year, (await searchParams).version);
  if (!found) return { title: "公开信息不存在" };
  const v = found.version;
  return { title: v.versionNo < v.latest ? `${found.document.title}（第${v.versionNo}版）` : found.document.title };
}

export default async function PortalYearDocumentPage({ params, searchParams }: Props) {
  const { departmentCode, year } = await params;
  const found = await load(departmentCode, year, (await searchParams).version);
  if (!found) notFound();
  const base = `/portal/${encodeURIComponent(departmentCode)}/${year}`;
  return (
    <div className="space-y-4">
      <nav aria-label="页面路径" className="no-print text-sm text-slate-600 print:hidden">
        <ol className="flex flex-wrap gap-1">
          <li>
            <Link href="/" className="underline hover:text-slate-900">
              首页
            </Link>
            <span aria-hidden="true"> / </span>
          </li>
          <li>
            <Link href="/portal" className="underline hover:text-slate-900">
              信息公开目录
            </Link>
            <span aria-hidden="true"> / </span>
          </li>
          <li aria-current="page">
            {found.document.department.shortName} {year}年度
          </li>
        </ol>
      </nav>
      <YearDocumentView
        doc={found.document}
        version={found.version}
        versionHref={(n) => (n === undefined ? base : `${base}?version=${n}`)}
        reportHref={(id) => `/published/${encodeURIComponent(id)}`}
      />
    </div>
  );
}
