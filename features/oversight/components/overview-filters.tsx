import { OVERVIEW_SORTS, type OverviewSort } from "../overview";
import type { OverviewQuery } from "../schema";

const field = "rounded-md border border-slate-300 px-2 py-1.5 text-sm";

/** A plain GET form: works before hydration and keeps the state in the URL. */
export function OverviewFilters({ years, year, query }: { years: number[]; year: number; query: OverviewQuery }) {
  return (
    <form method="get" action="/oversight" className="flex flex-wrap items-end gap-4 text-sm" aria-label="筛选和排序">
      <label className="flex flex-col gap-1">
        <span>年度</span>
        <select name="year" defaultValue={String(year)} className={field}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}年
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        <span>部门名称</span>
        <input name="q" type="search" defaultValue={query.q ?? ""} maxLength={50} className={field} placeholder="输入部门名称的一部分" />
      </label>
      <label className="flex items-center gap-2 pb-2">
        <input type="checkbox" name="warnings" value="1" defaultChecked={query.warnings} />
        <span>只看有预警的部门</span>
      </label>
      <label className="flex flex-col gap-1">
        <span>排序</span>
        <select name="sort" defaultValue={query.sort} className={field}>
          {(Object.keys(OVERVIEW_SORTS) as OverviewSort[]).map((s) => (
            <option key={s} value={s}>
              {OVERVIEW_SORTS[s]}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-2 pb-2">
        <input type="checkbox" name="desc" value="1" defaultChecked={query.desc} />
        <span>从大到小</span>
      </label>
      <button type="submit" className="rounded-md bg-brand-700 px-4 py-1.5 font-medium text-white hover:bg-brand-900">
        查询
      </button>
    </form>
  );
}
