import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs, SearchForm } from "@/features/publication/components/portal-catalog";
import { formatDateZh } from "@/features/publication/components/doc-format";
import { searchPublished } from "@/features/publication/data";
import { departmentYearPath, highlight, PUBLISHED_KIND_LABELS } from "@/features/publication/portal-group";
import { SEARCH_MAX_TERMS, SEARCH_PAGE_SIZE, searchQuerySchema, searchTerms } from "@/features/publication/schema";
import { FormAlert } from "@/components/ui/bound-fields";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const parsed = searchQuerySchema.safeParse(await searchParams);
  return {
    title: parsed.success ? `查找“${parsed.data.q}”` : "查找公开信息",
    description: "按部门名称、项目名称和报告中的文字查找已公开的部门决算和绩效评价报告。",
    // Result pages are not indexed themselves: the items they lead to are (sitemap.xml).
    robots: { index: false, follow: true },
  };
}

function Marked({ text, terms }: { text: string; terms: string[] }) {
  return (
    <>
      {highlight(text, terms).map((p, i) =>
        p.match ? (
          <mark key={i} className="rounded-sm bg-amber-100 px-0.5 text-slate-900">
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}

/** Search of everything published: department, project name and words of the published text. */
export default async function SearchPage({ searchParams }: Props) {
  const sp = await searchParams;
  const rawQ = typeof sp.q === "string" ? sp.q : Array.isArray(sp.q) ? (sp.q[0] ?? "") : "";
  const parsed = searchQuerySchema.safeParse(sp);
  const terms = parsed.success ? searchTerms(parsed.data.q) : null;
  const error = !parsed.success
    ? rawQ.trim() === "" && sp.page === undefined
      ? null
      : (parsed.error.issues[0]?.message ?? "查找条件无效")
    : terms === null
      ? `最多输入${SEARCH_MAX_TERMS}个词，词与词之间用空格分开`
      : null;
  const result = parsed.success && terms ? await searchPublished({ terms, page: parsed.data.page, pageSize: SEARCH_PAGE_SIZE }) : null;
  const pages = result ? Math.max(1, Math.ceil(result.total / result.pageSize)) : 0;
  const pageHref = (n: number) => `/portal/search?q=${encodeURIComponent(parsed.success ? parsed.data.q : "")}${n > 1 ? `&page=${n}` : ""}`;

  return (
    <div className="space-y-6">
      <Breadcrumbs trail={[{ label: "首页", href: "/" }, { label: "信息公开目录", href: "/portal" }, { label: "查找" }]} />
      <h1 className="text-2xl font-bold sm:text-3xl">查找公开信息</h1>
      <SearchForm q={rawQ.slice(0, 200)} />
      {error ? (
        <FormAlert>{error}</FormAlert>
      ) : null}
      {result ? (
        <section aria-labelledby="search-results-heading" className="rounded-lg border border-slate-200 bg-white shadow-sm">
          <header className="border-b border-slate-200 px-5 py-3">
            <h2 id="search-results-heading" className="text-base font-semibold">
              找到 {result.total} 项{result.total > result.pageSize ? `，第 ${result.page} / ${pages} 页` : ""}
            </h2>
          </header>
          {result.hits.length === 0 ? (
            <p className="p-5 text-slate-700">{result.total === 0 ? "没有找到符合条件的公开信息。请换一个词，或按部门和年度在信息公开目录中查阅。" : "没有这一页。"}</p>
          ) : (
            <ol className="divide-y divide-slate-100" aria-label="查找结果" start={(result.page - 1) * result.pageSize + 1}>
              {result.hits.map((h) => (
                <li key={h.reportId} className="px-5 py-4" data-testid="search-hit">
                  <a href={h.href} className="text-base font-semibold text-brand-700 underline-offset-2 hover:underline">
                    <Marked text={h.title} terms={terms!} />
                  </a>
                  <p className="mt-1 text-sm text-slate-600">
                    <Marked text={h.department.name} terms={terms!} /> ·{" "}
                    <a href={departmentYearPath(h.department.code, h.year)} className="underline">
                      {h.year}年度
                    </a>{" "}
                    · {PUBLISHED_KIND_LABELS[h.kind]} · 公开日期 {formatDateZh(h.publishedAt)}
                  </p>
                  {h.snippet ? (
                    <p className="mt-1 text-sm text-slate-700">
                      …<Marked text={h.snippet} terms={terms!} />…
                    </p>
                  ) : null}
                </li>
              ))}
            </ol>
          )}
          {pages > 1 ? (
            <nav aria-label="分页" className="flex items-center justify-between border-t border-slate-200 px-5 py-3 text-sm">
              {result.page > 1 ? (
                <Link href={pageHref(Math.min(result.page - 1, pages))} className="text-brand-700 underline">
                  上一页
                </Link>
              ) : (
                <span />
              )}
              <span className="text-slate-600">
                第 {result.page} / {pages} 页
              </span>
              {result.page < pages ? (
                <Link href={pageHref(result.page + 1)} className="text-brand-700 underline">
                  下一页
                </Link>
              ) : (
                <span />
              )}
            </nav>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
