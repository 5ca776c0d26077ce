import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { SimpleTable } from "@/components/ui/simple-table";
import { requirePermission } from "@/features/auth/session";
import { departmentName, yearProjects } from "@/features/oversight/data";
import { REPORT_STATE_LABELS } from "@/features/oversight/overview";
import { WARNING_RULE_LABELS } from "@/features/oversight/warnings";
import { parseFiscalYear } from "@/lib/fiscal-year";
import { departmentRowScope, departmentScope } from "@/lib/actor";
import { formatPercentText, formatWanText } from "@/lib/money";

export const metadata: Metadata = { title: "部门项目总览" };

export default async function OversightDepartmentPage({ params }: { params: Promise<{ year: string; departmentId: string }> }) {
  const user = await requirePermission("oversight.read");
  const { year: yearText, departmentId } = await params;
  const year = parseFiscalYear(yearText);
  if (year === undefined || departmentId.length > 64) notFound();
  // Outside a department reviewer's scope the department does not exist for them (404).
  const name = await departmentName(departmentId, undefined, departmentRowScope(user));
  if (!name) notFound();
  const projects = await yearProjects(year, departmentId, undefined, departmentScope(user));
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm">
          <Link className="text-brand-700 underline" href={`/oversight?year=${year}`}>
            ← {year}年度总览
          </Link>
        </p>
        <h1 className="mt-2 text-2xl font-bold">
          {name} · {year}年度项目
        </h1>
        <p className="mt-1 text-sm text-slate-600">金额单位：万元。得分和等级按自评表计算；表未填完整时不显示得分。</p>
      </div>
      <Card title={`项目（${projects.length}）`}>
        <SimpleTable
          caption={`${name}${year}年度项目`}
          headers={["项目", "全年预算数", "全年执行数", "执行率", "自评得分", "等级", "报告状态", "预警"]}
          empty="该部门本年度没有项目"
          rows={projects.map((p) => [
            <Link key="n" className="text-brand-700 underline" href={`/projects/${p.id}`}>
              {p.name}
            </Link>,
            <span key="b" className="tabular-nums">{formatWanText(p.annualBudget)}</span>,
            <span key="e" className="tabular-nums">{formatWanText(p.executed)}</span>,
            <span key="r" className="tabular-nums">{formatPercentText(p.executionRate)}</span>,
            <span key="s" className="tabular-nums">{p.score ?? "—"}</span>,
            p.grade ?? "—",
            REPORT_STATE_LABELS[p.reportState],
            p.warnings.length === 0 ? (
              <span key="w" className="text-slate-500">无</span>
            ) : (
              <ul key="w" className="space-y-1 text-xs" data-testid="project-warnings">
                {p.warnings.map((w, i) => (
                  <li key={i} className={w.level === "red" ? "text-red-700" : "text-amber-800"}>
                    <strong>{WARNING_RULE_LABELS[w.rule]}</strong>：{w.text}
                  </li>
                ))}
              </ul>
            ),
          ])}
        />
      </Card>
    </div>
  );
}
