import type { Metadata } from "next";
import { requirePermission } from "@/features/auth/session";
import { listOpenYears } from "@/features/projects/data";
import { CreateReportButton } from "@/features/reports/components/create-report-button";
import { NotificationList } from "@/features/reports/components/notifications";
import { ReportTable } from "@/features/reports/components/report-table";
import { reportCreateDepartment } from "@/features/reports/access";
import { listNotifications, listReports, overallReportYears, REPORT_LIST } from "@/features/reports/data";
import { readsOneDepartment } from "@/lib/actor";
import type { Role } from "@/lib/generated/prisma/enums";
import { ListPager, ListSearch } from "@/components/ui/list-controls";
import { REPORT_STATUS_LABELS, REPORT_STATUSES } from "@/lib/labels";
import { listParams, parseListQuery } from "@/lib/list-query";
import { formatDateTime } from "@/lib/labels";

export const metadata: Metadata = { title: "报告" };

/** What the page is, for each role (department: the actor's department's name). */
const INTRO: Record<Role, (department: string) => string> = {
  OWNER: (d) => `${d}的绩效自评报告。在项目页面的“自评报告”标签中创建项目的自评报告。`,
  REVIEWER: () => "各部门提交的报告，默认显示待审核（已提交）的报告。",
  DEPT_REVIEWER: (d) => `${d}的报告，默认显示等待部门审核（部门审核中）的报告。`,
  ADMIN: () => "各部门的报告：公开已通过的报告，或重新打开已公开的报告以更正。",
};

export default async function ReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("project.read");
  const sp = await searchParams;
  const query = parseListQuery(sp, REPORT_LIST);
  const yearParam = typeof sp.year === "string" && /^\d{4}$/.test(sp.year) ? Number(sp.year) : undefined;
  const departmentParam = typeof sp.department === "string" && /^[a-z0-9]{1,40}$/.test(sp.department) ? sp.department : undefined;
  const [list, notifications] = await Promise.all([listReports(user, query, { year: yearParam, departmentId: departmentParam }), listNotifications(user.id)]);
  const params: Record<string, string | undefined> = { ...listParams(query, REPORT_LIST), year: yearParam ? String(yearParam) : undefined, department: departmentParam };
  // Those who start reports (owners) create their department's overall evaluation report for each open year.
  const createFor = reportCreateDepartment(user);
  const haveOverall = createFor ? await overallReportYears(user) : [];
  const missingOverall = createFor ? (await listOpenYears(createFor)).filter((y) => !haveOverall.includes(y.year)).map((y) => y.year) : [];

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">报告</h1>
        <p className="mt-1 text-sm text-slate-600">
          {INTRO[user.role](user.department?.name ?? "")}
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

      <ListSearch
        action="/reports"
        placeholder="报告、项目名称或部门"
        params={params}
        filters={[
          { name: "status", label: "状态", value: list.status, allValue: "ALL", options: REPORT_STATUSES.map((s) => ({ value: s, label: REPORT_STATUS_LABELS[s] })) },
          ...(!readsOneDepartment(user) ? [{ name: "department", label: "部门", value: departmentParam, options: list.departments.map((d) => ({ value: d.id, label: d.shortName })) }] : []),
          { name: "year", label: "年度", value: yearParam ? String(yearParam) : undefined, options: list.years.map((y) => ({ value: String(y), label: `${y}年` })) },
        ]}
      />
      <ReportTable
        sort={{ sort: query.sort, dir: query.dir, params }}
        rows={list.rows.map((r) => ({
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
        showDepartment={!readsOneDepartment(user)}
      />
      <ListPager info={list.info} params={params} noun="份报告" testId="reports-pager" />
    </div>
  );
}
