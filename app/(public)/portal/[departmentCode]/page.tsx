import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { Breadcrumbs, YearItems } from "@/features/publication/components/portal-catalog";
import { listPublishedDepartments } from "@/features/publication/data";
import { departmentYearPath, itemCount } from "@/features/publication/portal-group";
import { parseDepartmentCode } from "@/features/publication/portal-params";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ departmentCode: string }> };

const load = cache(async (raw: string) => {
  const code = parseDepartmentCode(raw);
  if (!code) return null;
  const [department] = await listPublishedDepartments({ departmentCode: code });
  return department ?? null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const d = await load((await params).departmentCode);
  if (!d) return { title: "页面不存在" };
  return {
    title: `${d.name} 公开信息`,
    description: `${d.name}已公开的${d.years.map((y) => `${y.year}年度`).join("、")}部门决算、部门整体支出绩效评价报告和项目支出绩效自评报告。`,
    alternates: { canonical: `/portal/${encodeURIComponent(d.code)}` },
  };
}

/** A department: each year with everything published in it. */
export default async function DepartmentPage({ params }: Props) {
  const d = await load((await params).departmentCode);
  if (!d) notFound();
  return (
    <div className="space-y-6">
      <Breadcrumbs trail={[{ label: "首页", href: "/" }, { label: "信息公开目录", href: "/portal" }, { label: d.shortName }]} />
      <section>
        <h1 className="text-2xl font-bold sm:text-3xl">{d.name}</h1>
        <p className="mt-2 text-slate-700">
          {d.region ? `${d.region} · ` : ""}已公开 {d.years.length} 个年度的信息
        </p>
      </section>
      {d.years.map((y) => (
        <section key={y.year} aria-labelledby={`year-${y.year}`} className="rounded-lg border border-slate-200 bg-white shadow-sm">
          <header className="flex flex-wrap items-baseline justify-between gap-2 border-b border-slate-200 px-5 py-3">
            <h2 id={`year-${y.year}`} className="text-lg font-semibold">
              <a href={departmentYearPath(d.code, y.year)} className="underline-offset-2 hover:underline">
                {y.year}年度
              </a>
            </h2>
            <span className="text-sm text-slate-600">{itemCount(y)} 项公开信息</span>
          </header>
          <div className="p-5">
            <YearItems year={y} headingLevel={3} />
          </div>
        </section>
      ))}
    </div>
  );
}
