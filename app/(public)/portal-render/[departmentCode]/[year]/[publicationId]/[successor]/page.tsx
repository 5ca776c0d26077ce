import type { Metadata } from "next";
import { cache } from "react";
import { Breadcrumbs } from "@/features/publication/components/portal-catalog";
import { YearDocumentView } from "@/features/publication/components/year-document-view";
import { getYearDocumentVersion } from "@/features/publication/data";
import { latestPath, parsePageKey, versionPath } from "@/features/publication/portal-address";
import { departmentPath, departmentYearPath } from "@/features/publication/portal-group";

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
  const { key, document, version } = await load(await params);
  return {
    title: version.supersededBy ? `${document.title}（第${version.versionNo}版）` : document.title,
    description: `${document.department.name}${key.year}年度部门决算公开：部门概况、收入支出决算、“三公”经费、项目绩效目标完成情况及名词解释。`,
    alternates: { canonical: latestPath(key.departmentCode, key.year) },
  };
}

export default async function PortalYearDocumentPage({ params }: Props) {
  const { key, document, version } = await load(await params);
  return (
    <div className="space-y-4">
      <Breadcrumbs
        trail={[
          { label: "首页", href: "/" },
          { label: "信息公开目录", href: "/portal" },
          { label: document.department.shortName, href: departmentPath(key.departmentCode) },
          // The year's other published reports; a static link, so the cached page stays valid.
          { label: `${key.year}年度`, href: departmentYearPath(key.departmentCode, key.year) },
          { label: "部门决算公开" },
        ]}
      />
      <YearDocumentView
        doc={document}
        version={version}
        versionHref={(n) => (n === undefined ? latestPath(key.departmentCode, key.year) : versionPath(key.departmentCode, key.year, n))}
        reportHref={(id) => `/published/${encodeURIComponent(id)}`}
      />
    </div>
  );
}
