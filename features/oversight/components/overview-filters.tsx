import { MONITORING_LIGHT_LABELS } from "@/features/scoring/monitoring";
import { GRADES, OVERVIEW_SORTS, REPORT_STATE_LABELS, REPORT_STATES, type OverviewSort } from "../overview";
import type { OverviewQuery } from "../schema";
import { choicesOf, Select } from "@/components/ui/field";

const field = "rounded-md border border-slate-300 px-2 py-1.5 text-sm";

/** A plain GET form: works before hydration and keeps the state in the URL. */
export function OverviewFilters({ years, year, query }: { years: number[]; year: number; query: OverviewQuery }) {
  return (
    <form method="get" action="/oversight" className="flex flex-wrap items-end gap-4 text-sm" aria-label="筛选和排序">
      <label className="flex flex-col gap-1">
        <span>年度</span>
        <Select name="year" defaultValue={String(year)} className={field} choices={years.map((y) => ({ value: y, label: `${y}年` }))} />
      </label>
      <label className="flex flex-col gap-1">
        <span>部门名称</span>
        <input name="q" type="search" defaultValue={query.q ?? ""} maxLength={50} className={field} placeholder="输入部门名称的一部分" />
      </label>
      <label className="flex items-center gap-2 pb-2">
        <input type="checkbox" name="warnings" value="1" defaultChecked={query.warnings} />
        <span>只看有预警的部门</span>
      </label>
      <fieldset className="flex flex-wrap items-end gap-4 border-l border-slate-200 pl-4">
        <legend className="sr-only">只统计符合条件的项目</legend>
        <label className="flex flex-col gap-1">
          <span>自评报告状态</span>
          <Select name="state" defaultValue={query.state ?? ""} className={field} empty="全部" choices={choicesOf(REPORT_STATES, REPORT_STATE_LABELS)} />
        </label>
        <label className="flex flex-col gap-1">
          <span>等级</span>
          <Select name="grade" defaultValue={query.grade ?? ""} className={field} empty="全部" choices={GRADES.map((g) => ({ value: g, label: g }))} />
        </label>
        <label className="flex flex-col gap-1">
          <span>双监控</span>
          <Select name="light" defaultValue={query.light ?? ""} className={field} empty="全部" choices={choicesOf((["red", "yellow", "green", "none"] as const), MONITORING_LIGHT_LABELS)} />
        </label>
        <label className="flex flex-col gap-1">
          <span>全年预算数不低于（万元）</span>
          <input name="min" inputMode="decimal" defaultValue={query.min ?? ""} className={`${field} w-28`} />
        </label>
        <label className="flex flex-col gap-1">
          <span>不高于（万元）</span>
          <input name="max" inputMode="decimal" defaultValue={query.max ?? ""} className={`${field} w-28`} />
        </label>
      </fieldset>
      <label className="flex flex-col gap-1">
        <span>排序</span>
        <Select name="sort" defaultValue={query.sort} className={field} choices={choicesOf((Object.keys(OVERVIEW_SORTS) as OverviewSort[]), OVERVIEW_SORTS)} />
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
