import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { requirePermission } from "@/features/auth/session";
import { LibraryAdmin } from "@/features/frameworks/components/library-admin";
import { StructureEditor } from "@/features/frameworks/components/structure-editor";
import { getFrameworkAdmin } from "@/features/frameworks/data";

export const metadata: Metadata = { title: "编辑指标体系 · 系统管理" };

export default async function FrameworkAdminPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission("framework.manage");
  const { id } = await params;
  const f = await getFrameworkAdmin(id);
  if (!f) notFound();
  return (
    <div className="space-y-6">
      <div>
        <Link href="/admin/frameworks" className="text-sm text-brand-700 hover:underline">
          ← 绩效指标体系
        </Link>
        <h1 className="mt-1 text-2xl font-bold">{f.name}</h1>
        <p className="text-sm text-slate-600">编码 {f.code}</p>
      </div>
      <Card title="一级、二级指标与分值">
        <StructureEditor
          id={f.id}
          version={f.version}
          projects={f.projects}
          initial={{
            name: f.name,
            description: f.description,
            budgetExecutionPoints: f.budgetExecutionPoints.toString(),
            level1: f.level1.map((l) => ({ id: l.id, name: l.name, category: l.category, points: l.points.toString(), level2: l.level2.map((x) => ({ id: x.id, name: x.name })) })),
          }}
        />
      </Card>
      <Card title="指标库">
        <LibraryAdmin frameworkId={f.id} level2={f.level1.flatMap((l) => l.level2.map((x) => ({ id: x.id, name: x.name, level1Name: l.name, library: x.library })))} />
      </Card>
    </div>
  );
}
