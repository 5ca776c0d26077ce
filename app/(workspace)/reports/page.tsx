import type { Metadata } from "next";
import { requirePermission } from "@/features/auth/session";
import { listOpenYears } from "@/features/projects/data";
import { CreateReportButton } from "@/features/reports/components/create-report-button";
import { NotificationList } from "@/features/reports/components/notifications";
import { ReportTable } from "@/features/reports/components/report-table";
import { listNotifications, listReports } from "@/features/reports/data";
import { formatDateTime } from "@/lib/labels";

export const metadata: Metadata = { title: "报告" };

export default async function ReportsPage() {
  const user = await requirePermission("project.read");
  const [reports, notifications] = await Promise.all([listReports(user), listNotifications(user.id)]);
  const isOwner = user.role === "OWNER";
  // Owners create their department's overall evaluation report for each open year.
  const missingOverall = isOwner && user.departmentId
    ? (await listOpenYears(user.departmentId)).filter((y) => !reports.some((r) => r.kind === "DEPARTMENT_OVERALL" && r.year === y.year)).map((y) => y.year)
    : [];

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">报告</h1>
        <p className="mt-1 text-sm text-slate-600">
          {isOwner
            ? `${user.department?.name ?? ""}的绩效自评报告。在项目页面的“自评报告”标签中创建项目的自评报告。`
            : user.role === "REVIEWER"
              ? "各部门提交的报告，默认显示待审核（已提交）的报告。"
              : user.role === "DEPT_REVIEWER"
                ? `${user.department?.name ?? ""}的报告，默认显示等待部门审核（部门审核中）的报告。`
              : "各部门的报告：公开已通过的报告，或重新打开已公开的报告以更正。"}
        </p>
      </div>

      {missingOverall.length > 0 ? (
        <div className="flex flex-wrap gap-2">
          {missingOverall.map((year) => (
            <CreateReportButton
              key={year}
              overallYear={year}
              label={`创建${year}年部门整体支出绩效评价报告`}
              className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100"
            />
          ))}
        </div>
      ) : null}

      <NotificationList
        items={notifications.map((n) => ({ id: n.id, message: n.message, reportId: n.reportId, createdAtText: formatDateTime(n.createdAt), read: n.readAt !== null }))}
      />

      <ReportTable
        rows={reports.map((r) => ({
          id: r.id,
          title: r.title,
          kind: r.kind,
          status: r.status,
          year: r.year,
          departmentId: r.departmentId,
          department: r.department,
          projectName: r.projectName,
          openComments: r.openComments,
          submittedAt: r.submittedAt,
          submittedAtText: r.submittedAt ? formatDateTime(new Date(r.submittedAt)) : "—",
          updatedAt: r.updatedAt,
          updatedAtText: formatDateTime(new Date(r.updatedAt)),
        }))}
        showDepartment={user.role !== "OWNER"}
        defaultStatus={user.role === "REVIEWER" ? "SUBMITTED" : user.role === "DEPT_REVIEWER" ? "DEPT_REVIEW" : ""}
      />
    </div>
  );
}
