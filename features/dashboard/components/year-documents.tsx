import Link from "next/link";
import type { ReportKind, ReportStatus } from "@/lib/generated/prisma/enums";
import { REPORT_STATUS_LABELS } from "@/lib/labels";

/** The year's 部门决算 and 部门整体支出绩效评价报告, with their status and where to open them. */
export function YearDocuments({ departmentCode, year, reports }: { departmentCode: string; year: number; reports: { id: string; kind: ReportKind; status: ReportStatus }[] }) {
  const finalAccounts = reports.find((r) => r.kind === "FINAL_ACCOUNTS");
  const overall = reports.find((r) => r.kind === "DEPARTMENT_OVERALL");
  return (
    <p className="mb-3 flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-700" data-testid="year-documents">
      <span>
        部门决算：
        {finalAccounts ? (
          <Link href={`/final-accounts/${departmentCode}/${year}`} className="text-brand-700 underline">
            {REPORT_STATUS_LABELS[finalAccounts.status]}
          </Link>
        ) : (
          <Link href="/final-accounts" className="text-brand-700 underline">
            未开始
          </Link>
        )}
      </span>
      <span>
        部门整体支出绩效评价报告：
        {overall ? (
          <Link href={`/reports/${overall.id}`} className="text-brand-700 underline">
            {REPORT_STATUS_LABELS[overall.status]}
          </Link>
        ) : (
          "未创建"
        )}
      </span>
    </p>
  );
}
