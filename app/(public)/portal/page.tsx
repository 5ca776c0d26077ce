import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ListPager } from "@/components/ui/list-controls";
import { Breadcrumbs, DepartmentIndex, SearchForm } from "@/features/publication/components/portal-catalog";
import { listPublishedIndex } from "@/features/publication/data";
import { pageInfo, parseListQuery } from "@/lib/list-query";

export const dynamic = "force-dynamic";
export const metadata: Metadata = {
  title: "信息公开目录",
  description: "按部门和年度列出全部已公开的部门决算、部门整体支出绩效评价报告和项目支出绩效自评报告，并可按部门名称、项目名称和报告文字查找。",
  alternates: { canonical: "/portal" },
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const INDEX = { sorts: ["order"] as const, defaultSort: "order" as const, defaultDir: "asc" as const, pageSize: 30 };

/** The catalogue: every department with something published, and its years. */
export default async function PortalPage({ searchParams }: Props) {
  // The former search form's addresses (/portal?q=…&year=…) lead to the search.
  const sp = await searchParams;
  const q = sp.q;
  const text = (Array.isArray(q) ? q[0] : q)?.trim();
  if (text) redirect(`/portal/search?q=${encodeURIComponent(text.slice(0, 50))}`);

  const query = parseListQuery(sp, INDEX);
  const { total, departments } = await listPublishedIndex({ page: query.page, pageSize: INDEX.pageSize });
  const info = pageInfo(total, query, INDEX.pageSize);
  return (
    <div className="space-y-6">
      <Breadcrumbs trail={[{ label: "首页", href: "/" }, { label: "信息公开目录" }]} />
      <section>
        <h1 className="text-2xl font-bold sm:text-3xl">信息公开目录</h1>
        <p className="mt-2 max-w-3xl text-slate-700">按部门和年度查阅已公开的部门决算、部门整体支出绩效评价报告和项目支出绩效自评报告。</p>
      </section>
      <SearchForm />
      <section aria-labelledby="portal-departments-heading" className="rounded-lg border border-slate-200 bg-white shadow-sm">
        <header className="border-b border-slate-200 px-5 py-3">
          <h2 id="portal-departments-heading" className="text-base font-semibold">
            已公开信息的部门（共 {total} 个）
          </h2>
        </header>
        {departments.length === 0 ? (
          <p className="p-5 text-slate-700">暂无公开信息。</p>
        ) : (
          <DepartmentIndex departments={departments} headingLevel={3} />
        )}
      </section>
      {info.pages > 1 ? <ListPager info={info} params={{ page: query.page > 1 ? String(query.page) : undefined }} noun="个部门" testId="portal-pager" /> : null}
    </div>
  );
}
