import { AdminPage } from "@/components/shell/admin-page-header";
import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { requirePermission } from "@/features/auth/session";
import { OpenYearForm } from "@/features/fiscal-years/components/open-year-form";
import { YearRowActions } from "@/features/fiscal-years/components/year-row-actions";
import { getYearsAdmin } from "@/features/fiscal-years/data";
import { FISCAL_YEAR_STATUS_LABELS } from "@/lib/labels";

export const metadata: Metadata = { title: "财政年度 · 系统管理" };

export default async function YearsAdminPage() {
  await requirePermission("year.manage");
  const { years, frameworks, departments } = await getYearsAdmin();
  const suggestedYear = (years[0]?.year ?? new Date().getFullYear() - 1) + 1;
  return (
    <AdminPage title="财政年度" intro="开放年度时选择新建项目使用的指标体系，以及项目还可以选用的其他指标体系（例如财预〔2020〕10号与财预〔2021〕101号）。关闭的年度只能查看；重新开放须填写原因，所有操作记入操作日志。">
      <Card title="年度列表">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">财政年度列表</caption>
          <thead>
            <tr className="border-b border-slate-200">
              <th scope="col" className="py-2 pr-3">年度</th>
              <th scope="col" className="py-2 pr-3">状态</th>
              <th scope="col" className="py-2 pr-3">指标体系</th>
              <th scope="col" className="py-2 pr-3">填报范围</th>
              <th scope="col" className="py-2 pr-3">审核环节</th>
              <th scope="col" className="py-2 pr-3">项目数</th>
              <th scope="col" className="py-2">操作</th>
            </tr>
          </thead>
          <tbody>
            {years.map((y) => (
              <tr key={y.year} className="border-b border-slate-100 align-top" data-testid={`year-${y.year}`}>
                <th scope="row" className="py-2 pr-3">{y.year}年</th>
                <td className="py-2 pr-3">{FISCAL_YEAR_STATUS_LABELS[y.status]}</td>
                <td className="py-2 pr-3">
                  {y.framework.name}
                  {y.alternativeFrameworks.length ? <span className="block text-slate-600">可选：{y.alternativeFrameworks.map((a) => a.name).join("；")}</span> : null}
                </td>
                <td className="py-2 pr-3">{y.allDepartments ? "全部部门" : y.departments.map((d) => d.shortName).join("、") || "—"}</td>
                <td className="py-2 pr-3" data-testid={`year-${y.year}-stages`}>{y.departmentReview ? "部门审核 → 财政审核" : "财政审核"}</td>
                <td className="py-2 pr-3">{y.projects}</td>
                <td className="py-2">
                  <YearRowActions
                    year={y.year}
                    version={y.version}
                    status={y.status}
                    frameworkId={y.framework.id}
                    alternativeIds={y.alternativeFrameworks.map((a) => a.id)}
                    frameworks={frameworks}
                    allDepartments={y.allDepartments}
                    departmentReview={y.departmentReview}
                    missingDepartments={departments.filter((d) => !y.departments.some((x) => x.id === d.id))}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      <Card title="开放新的财政年度">
        <OpenYearForm frameworks={frameworks} departments={departments} suggestedYear={suggestedYear} />
      </Card>
    </AdminPage>
  );
}
