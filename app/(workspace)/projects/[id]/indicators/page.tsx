import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/features/auth/session";
import { ExcelPanel } from "@/features/indicators/components/excel-panel";
import { FrameworkSwitcher } from "@/features/indicators/components/framework-switcher";
import { NationalImportPanel } from "@/features/indicators/components/national-import-panel";
import { frameworksAllowedForProjectYear } from "@/features/indicators/data";
import { IndicatorEditor } from "@/features/indicators/components/indicator-editor";
import { IndicatorTable } from "@/features/indicators/components/indicator-table";
import { toIndicatorTableRows } from "@/features/indicators/components/editor-helpers";
import type { EditorFramework } from "@/features/indicators/components/editor-types";
import { indicatorsToRows } from "@/features/indicators/form-values";
import { ProjectHeader } from "@/features/projects/components/project-header";
import { CreateReportButton } from "@/features/reports/components/create-report-button";
import { getProject, projectName } from "@/features/projects/data";
import { REFUSAL_MESSAGES } from "@/features/projects/mutations";
import { toScoreInput } from "@/features/projects/score-input";
import { decimalText } from "@/lib/money";
import { reportCreateDepartment } from "@/features/reports/access";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const user = await requirePermission("project.read");
  const name = await projectName(user, (await params).id);
  return { title: name ? `${name} · 绩效指标` : "绩效指标" };
}

export default async function IndicatorsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ view?: string }> }) {
  const user = await requirePermission("project.read");
  const { id } = await params;
  const { view } = await searchParams;
  const found = await getProject(user, id);
  if (!found) notFound();
  const { project, denial } = found;
  const input = toScoreInput(project);
  const tableView = view === "table" || denial !== null;
  const rows = indicatorsToRows(project);
  const allowed = denial === null ? await frameworksAllowedForProjectYear(project.year) : { open: false, frameworks: [] };
  const canSwitch = allowed.open && allowed.frameworks.length > 1 && allowed.frameworks.some((f) => f.id === project.frameworkId);
  const framework: EditorFramework = {
    budgetExecutionPoints: decimalText(project.framework.budgetExecutionPoints),
    groups: project.framework.level1.map((g) => ({
      id: g.id,
      name: g.name,
      category: g.category,
      points: decimalText(g.points),
      level2: g.level2.map((l2) => ({
        id: l2.id,
        name: l2.name,
        library: l2.library.map((x) => ({ id: x.id, name: x.name, nature: x.nature, unit: x.unit, targetText: x.targetText, description: x.description })),
      })),
    })),
  };

  return (
    <div className="space-y-6">
      <ProjectHeader project={project} active="indicators" createReport={reportCreateDepartment(user) === project.departmentId ? (className) => <CreateReportButton projectId={project.id} className={className} /> : null} />
      {canSwitch ? <FrameworkSwitcher projectId={project.id} version={project.version} currentId={project.frameworkId} options={allowed.frameworks} /> : null}
      <div className="flex flex-wrap items-start justify-between gap-4">
        <ExcelPanel projectId={project.id} version={project.version} canImport={denial === null} />
        {denial === null ? (
          <Link href={tableView ? `/projects/${project.id}/indicators` : `/projects/${project.id}/indicators?view=table`} className="text-sm text-brand-700 underline">
            {tableView ? "返回编辑" : "查看一览（可排序）"}
          </Link>
        ) : null}
      </div>
      {denial === null && !tableView ? <NationalImportPanel projectId={project.id} version={project.version} /> : null}
      {tableView ? (
        <>
          {denial ? (
            <p className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
              {denial === "locked" ? REFUSAL_MESSAGES.locked : "您可以查看此项目的绩效指标，但不能修改。"}
            </p>
          ) : null}
          <IndicatorTable rows={toIndicatorTableRows(framework, rows)} />
        </>
      ) : (
        <IndicatorEditor
          projectId={project.id}
          version={project.version}
          framework={framework}
          initialRows={rows}
          budget={input.budget}
          readOnly={false}
        />
      )}
    </div>
  );
}
