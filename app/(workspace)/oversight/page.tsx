import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { SimpleTable } from "@/components/ui/simple-table";
import { requirePermission } from "@/features/auth/session";
import { hasPermission } from "@/lib/permissions";
import { chooseYear, yearOverview } from "@/features/oversight/data";
import { NoYearYet } from "@/features/oversight/components/no-year";
import { departmentScope } from "@/lib/actor";
import { overviewCharts } from "@/features/oversight/charts";
import { ChartFigure } from "@/features/oversight/components/chart-figure";
import { OverviewFilters } from "@/features/oversight/components/overview-filters";
import { filterAndSort, GRADES, isProjectFilterActive, REPORT_STATES, REPORT_STATE_LABELS, type OverviewRow, type ProjectFilter } from "@/features/oversight/overview";
import { OVERVIEW_PAGE_SIZE, overviewParams, parseOverviewQuery } from "@/features/oversight/schema";
import { ListPager } from "@/components/ui/list-controls";
import { pageInfo } from "@/lib/list-query";
import { formatPercentText } from "@/lib/money";

export const metadata: Metadata = { title: "年度总览" };

type Figures = Omit<OverviewRow, "departmentId" | "department">;

const state = (s: OverviewRow["finalAccounts"]) => (s ? <span className="whitespace-nowrap">{REPORT_STATE_LABELS[s]}</span> : "");

function cells(name: React.ReactNode, r: Figures): React.ReactNode[] {
  return [
    name,
    r.projectCount,
    <span key="b" className="tabular-nums">{r.annualBudget}</span>,
    <span key="e" className="tabular-nums">{r.executed}</span>,
    <span key="r" className="tabular-nums">{formatPercentText(r.executionRate)}</span>,
    <span key="s" className="whitespace-nowrap text-xs">
      {REPORT_STATES.map((s) => `${REPORT_STATE_LABELS[s]} ${r.reports[s]}`).join(" · ")}
    </span>,
    state(r.finalAccounts),
    state(r.overall),
    <span key="a" className="tabular-nums">{r.averageScore ?? "—"}</span>,
    <span key="g" className="whitespace-nowrap">{GRADES.map((g) => `${g} ${r.grades[g]}`).join(" · ")}</span>,
    r.warningCount > 0 ? <span key="w" className="font-semibold text-red-700">{r.warningCount}</span> : 0,
  ];
}

export default async function OversightPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("oversight.read");
  // Finance reviewers and admins see every department; a department reviewer its own and its sub-units.
  const scope = departmentScope(user);
  const query = parseOverviewQuery(await searchParams);
  const { years, year } = await chooseYear(query.year, undefined, scope);
  if (year === undefined) return <NoYearYet title="年度总览" />;
  // Lights at the year's end for a year that is over, else at the current month.
  const now = new Date();
  const month = year < now.getFullYear() ? 12 : now.getMonth() + 1;
  const projectFilter: ProjectFilter = { state: query.state, grade: query.grade, light: query.light, minBudget: query.min, maxBudget: query.max };
  const filtered = isProjectFilterActive(projectFilter);
  const { rows, totals } = await yearOverview(year, undefined, scope, projectFilter, month);
  const charts = overviewCharts(totals);
  const shown = filterAndSort(rows, { q: query.q, warningsOnly: query.warnings, withProjects: filtered, sort: query.sort, desc: query.desc });
  // Department rows a page (a province lists 3,500 departments and units); a page past the end shows the last.
  const pages = Math.max(1, Math.ceil(shown.length / OVERVIEW_PAGE_SIZE));
  const info = pageInfo(shown.length, { page: Math.min(query.page, pages) }, OVERVIEW_PAGE_SIZE);
  const pageRows = shown.slice((info.page - 1) * OVERVIEW_PAGE_SIZE, info.page * OVERVIEW_PAGE_SIZE);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{year}年度总览</h1>
        <p className="mt-1 text-sm text-slate-600">
          各部门项目支出绩效自评、部门决算和整体评价的进度、得分与预警。金额单位：万元。
          {hasPermission(user.role, "sample.read") ? (
            <>
              {" "}
              <Link className="text-brand-700 underline" href={`/sampling?year=${year}`}>
                抽查复核
              </Link>
            </>
          ) : null}
        </p>
      </div>
      <Card title="筛选">
        <OverviewFilters years={years} year={year} query={query} />
        {query.year !== undefined && query.year !== year ? <p role="alert" className="mt-3 text-sm text-red-700">{query.year}年没有项目，已显示{year}年。</p> : null}
      </Card>
      <Card title={`${year}年度概况（${filtered ? "符合条件的" : "全部"}${totals.projectCount}个项目）`}>
        <div className="grid gap-6 md:grid-cols-2 xl:grid-cols-3">
          {charts.map((c) => (
            <ChartFigure key={c.title} chart={c} />
          ))}
        </div>
      </Card>
      <Card
        title={`各部门（${shown.length} / ${rows.length}）`}
        actions={
          <span className="flex gap-4 text-sm">
            <a className="text-brand-700 underline" href={`/api/oversight/${year}/summary`} data-testid="oversight-summary-download">
              下载汇总表（Excel）
            </a>
            <a className="text-brand-700 underline" href={`/api/oversight/${year}/overview`}>
              下载总览（CSV）
            </a>
          </span>
        }
      >
        <SimpleTable
          caption={`${year}年度各部门总览`}
          headers={["部门", "项目数", "全年预算数", "全年执行数", "执行率", "自评报告", "部门决算", "整体报告", "平均得分", "等级分布", "预警"]}
          empty="没有符合条件的部门"
          rows={[
            ...pageRows.map((r) =>
              cells(
                <Link key="d" className="text-brand-700 underline" href={`/oversight/${year}/${r.departmentId}`}>
                  {r.department}
                </Link>,
                r,
              ),
            ),
            cells(<strong key="t">合计（全部部门）</strong>, totals),
          ]}
        />
        <div className="mt-3">
          <ListPager info={info} params={overviewParams(query, year)} noun="个部门" testId="oversight-pager" />
        </div>
      </Card>
    </div>
  );
}
