import type { Role } from "@/lib/generated/prisma/enums";
import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { SimpleTable } from "@/components/ui/simple-table";
import Link from "next/link";
import { awaitingDepartmentReview, DASHBOARD_LIST, getDashboard, openYearsToStart, PROJECTS_PER_CARD } from "@/features/dashboard/data";
import { ListPager } from "@/components/ui/list-controls";
import { listHref, listParams, parseListQuery } from "@/lib/list-query";
import { formatDateTime, REPORT_STATUS_LABELS } from "@/lib/labels";
import { formatPercent, formatWan, sum } from "@/lib/money";
import { ROLE_LABELS, hasPermission } from "@/lib/permissions";
import { requirePermission } from "@/features/auth/session";
import { YearDocuments } from "@/features/dashboard/components/year-documents";

export const metadata: Metadata = { title: "工作台" };

/** Who the user is here, for each role (department: the user's department's name). */
const INTRO: Record<Role, (department: string) => string> = {
  OWNER: (d) => `您是${d}的项目填报人，以下是本部门各年度的项目。`,
  DEPT_REVIEWER: (d) => `您是${d}的部门审核人，本部门提交的报告先由您审核，通过后报送财政审核。`,
  REVIEWER: () => "您是财政审核人，可查看所有部门的项目与报告。",
  ADMIN: () => "您是系统管理员，可管理部门、年度与账号。",
};

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("workspace.access");
  const query = parseListQuery(await searchParams, DASHBOARD_LIST);
  const [{ years, info }, toStart, awaiting] = await Promise.all([getDashboard(user, query), openYearsToStart(user), awaitingDepartmentReview(user)]);
  const intro = INTRO[user.role](user.department?.name ?? "未绑定部门");

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">工作台</h1>
        <p className="mt-1 text-slate-600" data-testid="dashboard-intro">
          {ROLE_LABELS[user.role]} · {intro}
        </p>
      </div>
      {hasPermission(user.role, "report.deptReview") ? (
        <Card title={`待部门审核的报告（${awaiting.length}）`}>
          <div data-testid="dept-review-inbox">
            <SimpleTable
              caption="本部门等待部门审核的报告"
              headers={["报告", "年度", "提交时间"]}
              empty="目前没有等待部门审核的报告"
              rows={awaiting.map((r) => [
                <Link key={r.id} href={`/reports/${r.id}`} className="text-brand-700 underline hover:text-brand-800">
                  {r.title}
                </Link>,
                `${r.year}年`,
                formatDateTime(r.submittedAt),
              ])}
            />
          </div>
        </Card>
      ) : null}
      {toStart.map((year) => (
        <Card key={year} title={`${user.department?.shortName ?? ""} · ${year}年度（填报中）`}>
          <div className="space-y-2 text-sm text-slate-700" data-testid="year-to-start">
            <p>{year}年度已开放填报，本部门尚无项目。第一步：逐个新建本年度的项目，填写预算数与执行数，再设置绩效指标。</p>
            <Link href={`/projects/new?year=${year}`} className="inline-block rounded bg-brand-700 px-3 py-1.5 font-medium text-white hover:bg-brand-800">
              新建{year}年度项目
            </Link>
          </div>
        </Card>
      ))}
      {years.length === 0 && toStart.length === 0 ? (
        <Card>
          <p className="text-slate-600">暂无年度数据。请系统管理员先创建部门与财政年度。</p>
        </Card>
      ) : (
        years.map((y) => (
          <Card key={y.id} title={`${y.department.shortName} · ${y.year}年度`}>
            <YearDocuments departmentCode={y.department.code} year={y.year} reports={y.reports} />
            <SimpleTable
              caption={`${y.department.name}${y.year}年度项目`}
              headers={["项目名称", "全年预算数(万元)", "全年执行数(万元)", "执行率(%)", "绩效指标", "自评报告"]}
              empty="本年度尚无项目"
              rows={y.projects.map((p) => {
                const budget = sum(p.funding.map((f) => f.annualBudget));
                const executed = sum(p.funding.map((f) => f.executed));
                return [
                  p.name,
                  formatWan(budget),
                  formatWan(executed),
                  formatPercent(executed, budget),
                  `${p._count.indicators} 项`,
                  p.report ? REPORT_STATUS_LABELS[p.report.status] : "未创建",
                ];
              })}
            />
            {y._count.projects > y.projects.length ? (
              <p className="mt-2 text-sm text-slate-600">
                共 {y._count.projects} 个项目，此处列出前 {PROJECTS_PER_CARD} 个。
                <Link href={`/projects${listHref({}, { year: y.year, q: y.department.shortName })}`} className="ml-1 text-brand-700 underline hover:text-brand-800">
                  在项目列表中查看全部
                </Link>
              </p>
            ) : null}
          </Card>
        ))
      )}
      {info.pages > 1 ? <ListPager info={info} params={listParams(query, DASHBOARD_LIST)} noun="个部门年度" testId="dashboard-pager" /> : null}
    </div>
  );
}
