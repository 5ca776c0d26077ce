/**
 * The controls of a list that searches, filters and pages in the database (lib/list-query):
 * a GET form (works without JavaScript; Enter searches) and a pager of links. Server components.
 */
import Form from "next/form";
import Link from "next/link";
import type { ReactNode } from "react";
import { listHref, type PageInfo, type SortDir } from "@/lib/list-query";
import { Button } from "./button";
import { Select } from "./field";

const SELECT = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

/** A select of the search form. `allValue`: what 全部 sends where the list has another default (the reviewer's inbox). */
export type ListFilter = { name: string; label: string; options: { value: string; label: string }[]; value?: string; allValue?: string };

/**
 * 搜索 and filters of the list at `action` (its last path segment prefixes the controls' ids). Submitting
 * starts again at page 1 and keeps the list's other parameters (`params`: its sort, a chosen year).
 */
export function ListSearch({ action, params, placeholder, filters = [] }: { action: string; params: Record<string, string | undefined>; placeholder: string; filters?: ListFilter[] }) {
  const idPrefix = action.split("/").pop();
  const q = params.q ?? "";
  const own = new Set(["q", "page", ...filters.map((f) => f.name)]);
  const keep = Object.entries(params).filter(([k, v]) => v && !own.has(k));
  return (
    <Form action={action} className="flex flex-wrap items-end gap-3" role="search" aria-label="搜索和筛选">
      <div className="flex flex-col gap-1">
        <label htmlFor={`${idPrefix}-q`} className="text-sm text-slate-700">
          搜索
        </label>
        <input id={`${idPrefix}-q`} name="q" type="search" defaultValue={q} placeholder={placeholder} className="w-64 rounded-md border border-slate-300 px-3 py-1.5 text-sm" />
      </div>
      {filters.map((f) => (
        <div key={f.name} className="flex flex-col gap-1">
          <label htmlFor={`${idPrefix}-${f.name}`} className="text-sm text-slate-700">
            {f.label}
          </label>
          <Select id={`${idPrefix}-${f.name}`} name={f.name} defaultValue={f.value ?? ""} className={SELECT} choices={[{ value: f.allValue ?? "", label: "全部" }, ...f.options]} />
        </div>
      ))}
      {keep.map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <Button type="submit" className="py-1.5">
        搜索
      </Button>
      {q || filters.some((f) => f.value && f.value !== f.allValue) ? (
        <Link href={action} className="py-1.5 text-sm text-brand-700 hover:underline">
          清除条件
        </Link>
      ) : null}
    </Form>
  );
}

/** "共 n 条，第 x / y 页" with 上一页 / 下一页 links. */
export function ListPager({ info, params, noun, testId }: { info: PageInfo; params: Record<string, string | undefined>; noun: string; testId?: string }) {
  const link = "rounded-md border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-50";
  const off = "rounded-md border border-slate-200 px-3 py-1 text-sm text-slate-400";
  return (
    <nav aria-label="分页" className="flex flex-wrap items-center gap-3 text-sm text-slate-600" data-testid={testId}>
      <span>
        共 {info.total} {noun}
        {info.pages > 1 ? `，第 ${info.page} / ${info.pages} 页` : ""}
      </span>
      {info.pages > 1 ? (
        <>
          {info.page > 1 ? (
            <Link href={listHref(params, { page: info.page - 1 })} className={link} rel="prev">
              上一页
            </Link>
          ) : (
            <span className={off} aria-disabled="true">
              上一页
            </span>
          )}
          {info.page < info.pages ? (
            <Link href={listHref(params, { page: info.page + 1 })} className={link} rel="next">
              下一页
            </Link>
          ) : (
            <span className={off} aria-disabled="true">
              下一页
            </span>
          )}
        </>
      ) : null}
    </nav>
  );
}

/** What a table paged on the server takes from its page: the query's sort (for its column heads), the search form and the pager. */
export type ListControls = {
  sort: { sort: string; dir: SortDir; params: Record<string, string | undefined> };
  search: ReactNode;
  pager: ReactNode;
};

/** A list page's controls, from its query, the list's parameters and the page found. */
export function listControls(o: {
  query: { sort: string; dir: SortDir };
  params: Record<string, string | undefined>;
  info: PageInfo;
  action: string;
  placeholder: string;
  filters?: ListFilter[];
  noun: string;
  testId: string;
}): ListControls {
  return {
    sort: { sort: o.query.sort, dir: o.query.dir, params: o.params },
    search: <ListSearch action={o.action} placeholder={o.placeholder} params={o.params} filters={o.filters} />,
    pager: <ListPager info={o.info} params={o.params} noun={o.noun} testId={o.testId} />,
  };
}
