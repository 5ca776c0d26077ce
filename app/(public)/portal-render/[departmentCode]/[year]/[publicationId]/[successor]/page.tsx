import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { YearDocumentView } from "@/features/publication/components/year-document-view";
import { getYearDocumentVersion } from "@/features/publication/data";
import { latestPath, parsePageKey, versionPath } from "@/features/publication/portal-address";

/**
 * The portal's year page, cached: proxy.ts rewrites /portal/<code>/<year>[/v/<n>] to this
 * internal address. Its segments say everything the
 * page shows, so each is rendered once on first request and served from Next's
 * full-route cache afterwards (ISR without expiry); see features/publication/portal-address.ts.
 * Nothing here may read cookies, headers or search params (that would make it dynamic).
 */
export const revalidate = false;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Params = { departmentCode: string; year: string; publicationId: string; successor: string };
type Props = { params: Promise<Params> };

const load = cache(async (params: Params) => {
  // The proxy gets here with a publication it has just found. A key that is not the
  // publication as it is (a request made up by hand, or a correction published in the
  // instant between the proxy's query and this one) is an error: errors are not cached,
  // a 404 would be, for good.
  const key = parsePageKey(params);
  const found = key ? await getYearDocumentVersion(key) : null;
  if (!key || !found) throw new Error(`not a portal page: ${JSON.stringify(params)}`);
  return { key, ...found };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { document, version } = await load(await params);
  return { title: version.supersededBy ? `${document.title}（第${version.versionNo}版）` : document.title };
}

export default async function PortalYearDocumentPage({ params }: Props) {
  const { key, document, version } = await load(await params);
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
            {document.department.shortName} {key.year}年度
          </li>
        </ol>
      </nav>
      <YearDocumentView
        doc={document}
        version={version}
        versionHref={(n) => (n === undefined ? latestPath(key.departmentCode, key.year) : versionPath(key.departmentCode, key.year, n))}
        reportHref={(id) => `/published/${encodeURIComponent(id)}`}
      />
    </div>
  );
}
