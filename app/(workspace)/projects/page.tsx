import type { Metadata } from "next";
import { isDepartmentBound, readsOneDepartment } from "@/lib/actor";
import Link from "next/link";
import { CopyProjectForm } from "@/features/projects/components/copy-project-form";
import { ProjectTable } from "@/features/projects/components/project-table";
import { listCopySources, listFiscalYears, listProjects, PROJECT_LIST } from "@/features/projects/data";
import { listControls, type ListFilter } from "@/components/ui/list-controls";
import { REPORT_STATUS_LABELS } from "@/lib/labels";
import { listParams, parseListQuery } from "@/lib/list-query";
import { requirePermission } from "@/features/auth/session";
import { hasPermission } from "@/lib/permissions";

export const metadata: Metadata = { title: "项目" };

export default async function ProjectsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("project.read");
  const sp = await searchParams;
  const query = parseListQuery(sp, PROJECT_LIST);
  const year = typeof sp.year === "string" ? sp.year : undefined;
  const years = await listFiscalYears();
  const selectedYear = year && /^\d{4}$/.test(year) ? Number(year) : undefined;
  const { rows, info, anyProject } = await listProjects(user, query, { year: selectedYear });
  const params: Record<string, string | undefined> = { ...listParams(query, PROJECT_LIST), year: selectedYear ? String(selectedYear) : undefined };
  const canWrite = hasPermission(user.role, "project.write") && !!user.departmentId;
  const openYears = years.filter((y) => y.status === "OPEN").map((y) => y.year);
  const copySources = canWrite ? await listCopySources(user) : [];

  const filters: ListFilter[] = [{ name: "status", label: "自评状态", value: query.filters.status, options: PROJECT_LIST.filters.status.map((v) => ({ value: v, label: v === "NONE" ? "未创建自评" : REPORT_STATUS_LABELS[v] })) }];
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">项目</h1>
          <p className="mt-1 text-sm text-slate-600">
            {isDepartmentBound(user.role) ? `${user.department?.name ?? ""}的项目预算、执行与绩效指标` : "所有部门的项目预算、执行与绩效指标"}
          </p>
        </div>
        {canWrite && openYears.length > 0 ? (
          <Link href={`/projects/new?year=${openYears[0]}`} className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-900">
            新建项目
          </Link>
        ) : null}
      </div>

      <nav aria-label="年度" className="flex flex-wrap gap-2 text-sm">
        <Link href="/projects" aria-current={!selectedYear ? "page" : undefined} className={`rounded-md border px-3 py-1.5 ${!selectedYear ? "border-brand-700 bg-brand-50 text-brand-700" : "border-slate-300 bg-white"}`}>
          全部年度
        </Link>
        {years.map((y) => (
          <Link
            key={y.year}
            href={`/projects?year=${y.year}`}
            aria-current={selectedYear === y.year ? "page" : undefined}
            className={`rounded-md border px-3 py-1.5 ${selectedYear === y.year ? "border-brand-700 bg-brand-50 text-brand-700" : "border-slate-300 bg-white"}`}
          >
            {y.year}年{y.status === "OPEN" ? "（填报中）" : ""}
          </Link>
        ))}
      </nav>

      <ProjectTable
        rows={rows}
        anyProject={anyProject}
        {...listControls({ query, params, info, action: "/projects", placeholder: "项目名称、部门或类别", filters, noun: "个项目", testId: "projects-pager" })}
        showDepartment={!readsOneDepartment(user)}
        emptyHint={
          canWrite ? (
            openYears.length > 0 ? (
              <>
                本年度还没有项目。点击右上角“新建项目”录入项目的预算、执行和绩效目标，或在下方从往年复制。
              </>
            ) : (
              "目前没有开放填报的年度，请联系系统管理员开放年度。"
            )
          ) : (
            "暂无项目。"
          )
        }
      />

      {canWrite && openYears.length > 0 && copySources.length > 0 ? <CopyProjectForm sources={copySources} targetYears={openYears} /> : null}
    </div>
  );
}
