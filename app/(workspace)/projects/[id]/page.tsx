import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePermission } from "@/features/auth/session";
import { ProjectForm } from "@/features/projects/components/project-form";
import { ProjectHeader } from "@/features/projects/components/project-header";
import { CreateReportButton } from "@/features/reports/components/create-report-button";
import { getProject, projectName } from "@/features/projects/data";
import { projectToInput } from "@/features/projects/form-values";
import { REFUSAL_MESSAGES } from "@/features/projects/mutations";
import { projectSamples } from "@/features/sampling/data";
import { ProjectSamples } from "@/features/sampling/components/project-samples";
import { hasPermission } from "@/lib/permissions";
import { reportCreateDepartment } from "@/features/reports/access";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const user = await requirePermission("project.read");
  const name = await projectName(user, (await params).id);
  return { title: name ? `${name} · 基本信息与资金` : "项目" };
}

export default async function ProjectPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("project.read");
  const { id } = await params;
  const found = await getProject(user, id);
  if (!found) notFound();
  const { project, denial } = found;
  // Sampling reviews: the department sees those returned to it; the finance bureau every one.
  const finance = hasPermission(user.role, "sample.read");
  const samples = await projectSamples(project.id, finance);
  return (
    <div className="space-y-6">
      <ProjectHeader project={project} active="info" createReport={reportCreateDepartment(user) === project.departmentId ? (className) => <CreateReportButton projectId={project.id} className={className} /> : null} />
      <div className="rounded-lg border border-slate-200 bg-white p-6">
        <ProjectForm
          mode="edit"
          projectId={project.id}
          version={project.version}
          initial={projectToInput(project)}
          readOnly={denial !== null}
          readOnlyReason={denial === "locked" ? REFUSAL_MESSAGES.locked : denial === "forbidden" ? "您可以查看此项目，但不能修改。" : undefined}
        />
      </div>
      <ProjectSamples samples={samples} linkToReview={finance} />
    </div>
  );
}
