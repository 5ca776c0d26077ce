import { AdminPage } from "@/components/shell/admin-page-header";
import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { requirePermission } from "@/features/auth/session";
import { FrameworkListActions } from "@/features/frameworks/components/framework-list-actions";
import { listFrameworksAdmin } from "@/features/frameworks/data";

export const metadata: Metadata = { title: "绩效指标体系 · 系统管理" };

export default async function FrameworksAdminPage() {
  await requirePermission("framework.manage");
  const frameworks = await listFrameworksAdmin();
  return (
    <AdminPage title="绩效指标体系" intro="指标体系是数据：可把国家的指标体系复制为本地版本，修改一级指标名称和分值、二级指标，并维护指标库。已有项目使用的指标体系不能修改，只能生成新版本。">
      <Card title="指标体系列表">
        <ul className="divide-y divide-slate-100">
          {frameworks.map((f) => (
            <li key={f.id} className="py-3" data-testid={`framework-${f.code}`}>
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <div>
                  <Link href={`/admin/frameworks/${f.id}`} className="font-semibold text-brand-700 hover:underline">
                    {f.name}
                  </Link>
                  <span className="ml-2 text-sm text-slate-600">
                    {f.code}
                    {f.basedOn ? `（复制自 ${f.basedOn.code}）` : ""}
                  </span>
                </div>
                <span className="text-sm text-slate-600">
                  {f.projects} 个项目使用
                  {f.fiscalYears.length ? ` · ${f.fiscalYears.map((y) => `${y.year}年`).join("、")}默认` : ""}
                  {f.alternativeForYears.length ? ` · ${f.alternativeForYears.map((y) => `${y.year}年`).join("、")}可选` : ""}
                </span>
              </div>
              <p className="mt-1 text-sm text-slate-700">
                预算执行率 {f.budgetExecutionPoints.toString()} 分；{f.level1.map((l) => `${l.name} ${l.points.toString()} 分`).join("；")}
              </p>
              <div className="mt-2">
                <FrameworkListActions id={f.id} code={f.code} name={f.name} inUse={f.projects > 0} />
              </div>
            </li>
          ))}
        </ul>
      </Card>
    </AdminPage>
  );
}
