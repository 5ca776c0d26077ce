/**
 * The portal's catalogue blocks: breadcrumbs, a department's years, a year's published
 * items and the search box. Server components, plain links (the year document is a large
 * cached page: no prefetch). Shared by the home page and the /portal pages.
 */
import Link from "next/link";
import { formatDateZh } from "./doc-format";
import { SEARCH_MAX_LENGTH } from "../schema";
import { departmentPath, departmentYearPath, PUBLISHED_KIND_LABELS, type PublishedItem, type PublishedYear } from "../portal-group";
import type { IndexDepartment } from "../portal-items";

export function Breadcrumbs({ trail }: { trail: { label: string; href?: string }[] }) {
  return (
    <nav aria-label="页面路径" className="no-print text-sm text-slate-600 print:hidden">
      <ol className="flex flex-wrap gap-1">
        {trail.map((c, i) => (
          <li key={`${i}-${c.label}`}>
            {c.href ? (
              <>
                <Link href={c.href} className="underline hover:text-slate-900">
                  {c.label}
                </Link>
                <span aria-hidden="true"> / </span>
              </>
            ) : (
              <span aria-current="page">{c.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** The index of departments with something published (the home page and the catalogue). */
export function DepartmentIndex({ departments, headingLevel }: { departments: IndexDepartment[]; headingLevel: 2 | 3 }) {
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <ul className="divide-y divide-slate-100" aria-label="部门列表">
      {departments.map((d) => (
        <li key={d.code} className="px-5 py-4">
          <H className="text-base font-semibold text-brand-700">
            <DepartmentLink code={d.code} name={d.name} />
          </H>
          <p className="mt-0.5 text-sm text-slate-600">
            {d.region ? `${d.region} · ` : ""}
            {d.shortName}
          </p>
          <YearLinks code={d.code} shortName={d.shortName} years={d.years} />
        </li>
      ))}
    </ul>
  );
}

/** The years of a department as links to their catalogue pages, with how much each holds. */
export function YearLinks({ code, shortName, years }: { code: string; shortName: string; years: { year: number; count: number }[] }) {
  return (
    <ul className="mt-2 flex flex-wrap gap-2" aria-label={`${shortName}已公开年度`}>
      {years.map((y) => (
        <li key={y.year}>
          <a
            href={departmentYearPath(code, y.year)}
            className="block rounded-md border border-brand-100 bg-brand-50 px-3 py-1.5 text-sm text-brand-900 underline-offset-2 hover:underline"
          >
            {y.year}年度 · {y.count} 项公开信息
          </a>
        </li>
      ))}
    </ul>
  );
}

function ItemLink({ item }: { item: PublishedItem }) {
  return (
    <li className="py-3 first:pt-0 last:pb-0">
      {/* A plain link: the year document is a large cached page that a correction replaces. */}
      <a href={item.href} className="font-medium text-brand-700 underline-offset-2 hover:underline">
        {item.title}
      </a>
      <p className="mt-0.5 text-sm text-slate-600">
        {PUBLISHED_KIND_LABELS[item.kind]} · 公开日期 {formatDateZh(item.publishedAt)}
        {item.versionNo > 1 ? ` · 第${item.versionNo}版（已更正）` : ""}
      </p>
    </li>
  );
}

/** Everything published in a department's year, by kind. */
export function YearItems({ year, headingLevel = 2 }: { year: PublishedYear; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? "h2" : "h3";
  const groups: { label: string; items: PublishedItem[] }[] = [
    { label: "部门决算公开", items: year.yearDocument ? [year.yearDocument] : [] },
    { label: "部门整体支出绩效评价报告", items: year.overall },
    { label: `项目支出绩效自评报告（${year.projects.length} 个项目）`, items: year.projects },
  ];
  return (
    <div className="space-y-5">
      {groups.map((g) => (
        <section key={g.label} aria-label={g.label}>
          <H className="text-base font-semibold text-slate-900">{g.label}</H>
          {g.items.length === 0 ? (
            <p className="mt-1 text-sm text-slate-600">本年度尚未公开。</p>
          ) : (
            <ul className="mt-2 divide-y divide-slate-100">
              {g.items.map((item) => (
                <ItemLink key={item.reportId} item={item} />
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}

export function DepartmentLink({ code, name }: { code: string; name: string }) {
  return (
    <Link href={departmentPath(code)} className="underline-offset-2 hover:underline">
      {name}
    </Link>
  );
}

/** The search box (GET /portal/search). */
export function SearchForm({ q = "", id = "portal-search-q" }: { q?: string; id?: string }) {
  return (
    <form method="get" action="/portal/search" role="search" aria-label="查找公开信息" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="min-w-[14rem] flex-1 space-y-1">
        <label htmlFor={id} className="block text-sm font-medium text-slate-800">
          查找公开信息
        </label>
        <input
          id={id}
          name="q"
          type="search"
          defaultValue={q}
          maxLength={SEARCH_MAX_LENGTH}
          placeholder="部门名称、项目名称或报告中的文字，如：编办、机构编制"
          className="block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm shadow-sm"
        />
      </div>
      <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-900">
        查找
      </button>
    </form>
  );
}
