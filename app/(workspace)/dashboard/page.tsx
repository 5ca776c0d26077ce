import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { SimpleTable } from "@/components/ui/simple-table";
import Link from "next/link";
import { getDashboard, openYearsToStart } from "@/features/dashboard/data";
import { REPORT_STATUS_LABELS } from "@/lib/labels";
import { formatPercent, formatWan, sum } from "@/lib/money";
import { ROLE_LABELS } from "@/lib/permissions";
import { requirePermission } from "@/features/auth/session";
import { YearDocuments } from "@/features/dashboard/components/year-documents";

export const metadata: Metadata = { title: "工作台" };

export default async function DashboardPage() {
  const user = await requirePermission("workspace.access");
  const [years, toStart] = await Promise.all([getDashboard(user), openYearsToStart(user)]);
  const intro =
    user.role === "OWNER"
      ? `您是${user.department?.name ?? "未绑定部门"}的项目填报人，以下是本部门各年度的项目。`
      : user.role === "REVIEWER"
        ? "您是财政审核人，可查看所有部门的项目与报告。"
        : "您是系统管理员，可管理部门、年度与账号。";

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">工作台</h1>
        <p className="mt-1 text-slate-600" data-testid="dashboard-intro">
          {ROLE_LABELS[user.role]} · {intro}
        </p>
      </div>
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
          </Card>
        ))
      )}
    </div>
  );
}
