import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePermission } from "@/features/auth/session";
import { ProjectForm } from "@/features/projects/components/project-form";
import { listOpenYears } from "@/features/projects/data";
import { emptyProjectInput } from "@/features/projects/schema";

export const metadata: Metadata = { title: "新建项目" };

export default async function NewProjectPage({ searchParams }: { searchParams: Promise<{ year?: string }> }) {
  const user = await requirePermission("project.write");
  const { year } = await searchParams;
  if (!user.department) notFound();
  const open = await listOpenYears(user.department.id);
  const target = open.find((y) => String(y.year) === year) ?? open[0];
  if (!target) notFound();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">新建项目（{target.year}年度）</h1>
        <p className="mt-1 text-sm text-slate-600">先填写基本信息、预算执行和年度目标；创建后再录入绩效指标。金额单位为万元。</p>
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-6">
        <ProjectForm
          mode="create"
          year={target.year}
          initial={emptyProjectInput({ competentDepartment: user.department.name, implementingUnit: user.department.shortName })}
        />
      </div>
    </div>
  );
}
