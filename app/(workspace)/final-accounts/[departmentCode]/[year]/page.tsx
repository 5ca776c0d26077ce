import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/features/auth/session";
import { FinalAccountsForm } from "@/features/final-accounts/components/final-accounts-form";
import { getFinalAccountsEditor } from "@/features/final-accounts/data";
import { StatusBadge } from "@/features/reports/components/status-badge";
import { parseFiscalYear } from "@/lib/fiscal-year";

export async function generateMetadata({ params }: { params: Promise<{ departmentCode: string; year: string }> }): Promise<Metadata> {
  const { year } = await params;
  return { title: /^\d{4}$/.test(year) ? `${year}年度部门决算填报` : "决算填报" };
}

const READ_ONLY_REASONS = {
  not_started: "该年度的决算尚未开始编制。请在“部门决算”列表中点击“开始编制”。",
  forbidden: "您可以查看，但不能修改该部门的决算。",
  not_found: "您可以查看，但不能修改该部门的决算。",
  locked: "决算公开报告已提交、已通过或已公开，数据不能修改。已公开的决算如需更正，请由管理员在报告页面“重新打开以更正”。",
} as const;

export default async function FinalAccountsEditorPage({ params }: { params: Promise<{ departmentCode: string; year: string }> }) {
  const user = await requirePermission("project.read");
  const { departmentCode, year: yearText } = await params;
  const year = parseFiscalYear(yearText);
  if (year === undefined) notFound();
  const data = await getFinalAccountsEditor(user, departmentCode, year);
  if (!data) notFound();
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm text-slate-500">
          <Link href="/final-accounts" className="hover:underline">
            部门决算
          </Link>{" "}
          / {data.department.shortName} · {data.year}年度
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-bold">
            {data.department.name}
            {data.year}年度部门决算
          </h1>
          {data.report ? <StatusBadge status={data.report.status} /> : null}
        </div>
        <p className="text-sm text-slate-600">金额单位：万元，最多6位小数；合计、占比、完成率和同比变动由系统计算，与公开表格一样保留两位小数。</p>
      </header>
      <FinalAccountsForm
        departmentYearId={data.departmentYearId}
        version={data.version}
        initial={data.values}
        codes={data.codes}
        projectsFiscalExecuted={data.projectsFiscalExecuted}
        printed={data.printed}
        readOnly={!data.can.edit}
        readOnlyReason={data.can.denial ? READ_ONLY_REASONS[data.can.denial] : null}
        reportHref={data.report ? `/reports/${data.report.id}` : null}
      />
    </div>
  );
}
