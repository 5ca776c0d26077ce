import Link from "next/link";
import { Card } from "@/components/ui/card";
import { listPublicDepartmentYears } from "@/features/departments/data";
import { latestPath } from "@/features/publication/portal-address";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const departments = await listPublicDepartmentYears();
  return (
    <div className="space-y-8">
      <section>
        <h1 className="text-3xl font-bold">部门决算与预算绩效信息公开</h1>
        <p className="mt-3 max-w-3xl text-slate-600">
          各部门按年度公开部门决算、项目绩效目标完成情况、项目支出绩效自评报告和部门整体支出绩效评价报告。无需登录即可查阅。
        </p>
        <p className="mt-4">
          <Link href="/portal" className="inline-flex rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-900">
            按部门和年度查找公开信息
          </Link>
        </p>
      </section>
      <Card title="部门与年度">
        {departments.length === 0 ? (
          <p className="text-slate-600">暂无公开信息。</p>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label="部门列表">
            {departments.map((d) => (
              <li key={d.id} className="py-4 first:pt-0 last:pb-0">
                <h2 className="text-lg font-semibold">{d.name}</h2>
                <p className="text-sm text-slate-500">
                  {d.region ? `${d.region} · ` : ""}
                  {d.shortName}
                </p>
                <ul className="mt-2 flex flex-wrap gap-2" aria-label={`${d.shortName}年度`}>
                  {d.years.map((y) =>
                    y.published ? (
                      <li key={y.year}>
                        {/* A plain link: the year page is a large cached document that a correction replaces; no prefetch, no client router cache. */}
                        <a
                          href={latestPath(d.code, y.year)}
                          className="block rounded-md border border-brand-100 bg-brand-50 px-3 py-1.5 text-sm text-brand-900 underline-offset-2 hover:underline"
                        >
                          {y.year}年度 · {y.projectCount} 个项目 · 已公开
                        </a>
                      </li>
                    ) : (
                      <li key={y.year} className="rounded-md border border-slate-200 px-3 py-1.5 text-sm">
                        {y.year}年度 · {y.projectCount} 个项目 · 未公开
                      </li>
                    ),
                  )}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
