import type { Metadata } from "next";
import Link from "next/link";
import { listPublished } from "@/features/publication/data";
import { formatDateZh } from "@/features/publication/components/doc-format";
import { latestPath } from "@/features/publication/portal-address";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "信息公开目录" };

type Props = { searchParams: Promise<{ q?: string | string[]; year?: string | string[] }> };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export default async function PortalPage({ searchParams }: Props) {
  const sp = await searchParams;
  const q = one(sp.q).trim().slice(0, 50);
  const yearText = one(sp.year).trim();
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
  const [results, all] = await Promise.all([listPublished({ q: q || undefined, year }), listPublished()]);
  const years = [...new Set(all.map((r) => r.year))].sort((a, b) => b - a);
  const filtered = Boolean(q || year);

  return (
    <div className="space-y-6">
      <section>
        <h1 className="text-2xl font-bold sm:text-3xl">信息公开目录</h1>
        <p className="mt-2 max-w-3xl text-slate-700">按部门名称和年度查找已公开的部门决算、项目绩效目标完成情况及绩效评价报告。</p>
      </section>

      <form method="get" action="/portal" role="search" aria-label="查找公开信息" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <div className="min-w-[14rem] flex-1 space-y-1">
          <label htmlFor="portal-q" className="block text-sm font-medium text-slate-800">
            部门名称
          </label>
          <input
            id="portal-q"
            name="q"
            type="search"
            defaultValue={q}
            maxLength={50}
            placeholder="如：编办、广元市委"
            className="block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm shadow-sm"
          />
        </div>
        <div className="space-y-1">
          <label htmlFor="portal-year" className="block text-sm font-medium text-slate-800">
            年度
          </label>
          <select id="portal-year" name="year" defaultValue={year ? String(year) : ""} className="block rounded-md border border-slate-400 bg-white px-3 py-2 text-sm shadow-sm">
            <option value="">全部年度</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}年度
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-900">
          查询
        </button>
        {filtered ? (
          <Link href="/portal" className="px-2 py-2 text-sm text-slate-700 underline hover:text-slate-900">
            清除条件
          </Link>
        ) : null}
      </form>

      <section aria-labelledby="portal-results-heading" className="rounded-lg border border-slate-200 bg-white shadow-sm">
        <header className="border-b border-slate-200 px-5 py-3">
          <h2 id="portal-results-heading" className="text-base font-semibold">
            已公开的部门年度（共 {results.length} 项）
          </h2>
        </header>
        {results.length === 0 ? (
          <p className="p-5 text-slate-700">{filtered ? "没有找到符合条件的公开信息。" : "暂无公开信息。"}</p>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label="查询结果">
            {results.map((r) => (
              <li key={r.id} className="px-5 py-4">
                {/* A plain link: the year page is a large cached document that a correction replaces; no prefetch, no client router cache. */}
                <a href={latestPath(r.department.code, r.year)} className="text-base font-semibold text-brand-700 underline-offset-2 hover:underline">
                  {r.department.name} {r.year}年度部门决算公开
                </a>
                <p className="mt-1 text-sm text-slate-600">
                  {r.department.region ? `${r.department.region} · ` : ""}
                  {r.department.shortName} · 公开日期 {formatDateZh(r.publishedAt)}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
