import type { Role } from "@/lib/generated/prisma/enums";
import type { Metadata } from "next";
import Link from "next/link";
import { SimpleTable } from "@/components/ui/simple-table";
import { requirePermission } from "@/features/auth/session";
import { isEditableStatus } from "@/lib/access-policy";
import { StartFinalAccountsButton } from "@/features/final-accounts/components/start-button";
import { listFinalAccountYears } from "@/features/final-accounts/data";
import { StatusBadge } from "@/features/reports/components/status-badge";

export const metadata: Metadata = { title: "部门决算" };

/** What the page is for each role. */
const INTRO: Record<Role, string> = {
  OWNER: "填报本部门各年度的决算数据（收入、支出、基本支出、“三公”经费等），编写说明文字后提交审核，审核通过后公开。",
  DEPT_REVIEWER: "本部门各年度的决算数据（只读）。",
  ADMIN: "各部门的决算。已公开的决算如需更正，先在报告页面重新打开，再修改数据。",
  REVIEWER: "各部门的决算数据（只读）。审核在报告页面进行。",
};

export default async function FinalAccountsPage() {
  const user = await requirePermission("project.read");
  const rows = await listFinalAccountYears(user);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">部门决算</h1>
        <p className="mt-1 text-sm text-slate-600">
          {INTRO[user.role]}
        </p>
      </div>
      <SimpleTable
        caption="各部门各年度的决算"
        headers={["年度", "部门", "状态", "本年支出合计（万元）", "操作"]}
        empty="暂无可填报的年度"
        rows={rows.map((r) => [
          `${r.year}年`,
          r.department,
          r.status ? (
            <span key="s" className="inline-flex items-center gap-2">
              <StatusBadge status={r.status} />
              {r.publishedVersion ? <span className="text-xs text-slate-500">已公开第{r.publishedVersion}版</span> : null}
            </span>
          ) : (
            <span key="s" className="text-slate-500">
              未开始
            </span>
          ),
          <span key="e" className="tabular-nums">
            {r.expenditure ?? "—"}
          </span>,
          <span key="a" className="flex flex-wrap gap-3">
            {r.status ? (
              <Link href={`/final-accounts/${r.departmentCode}/${r.year}`} className="text-brand-700 underline" data-testid={`fa-open-${r.departmentCode}-${r.year}`}>
                {isEditableStatus(r.status) ? "填报" : "查看"}
              </Link>
            ) : null}
            {r.reportId ? (
              <Link href={`/reports/${r.reportId}`} className="text-brand-700 underline">
                说明文字与审核
              </Link>
            ) : null}
            {r.canStart ? <StartFinalAccountsButton departmentId={r.departmentId} departmentCode={r.departmentCode} year={r.year} /> : null}
          </span>,
        ])}
      />
    </div>
  );
}
