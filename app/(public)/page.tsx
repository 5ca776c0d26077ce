import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { DepartmentIndex, SearchForm } from "@/features/publication/components/portal-catalog";
import { listPublishedIndex } from "@/features/publication/data";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { absolute: "部门决算与预算绩效信息公开" },
  description: "各部门按年度公开的部门决算、部门整体支出绩效评价报告和项目支出绩效自评报告，无需登录即可查阅和查找。",
  alternates: { canonical: "/" },
};

/** Departments listed on the home page; the catalogue (/portal) pages through all of them. */
const HOME_DEPARTMENTS = 30;

/** The public home page: only what has been published, each item two clicks away (department-year, then the item). */
export default async function HomePage() {
  const { total, departments } = await listPublishedIndex({ page: 1, pageSize: HOME_DEPARTMENTS });
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
      <SearchForm id="home-search-q" />
      <Card title="已公开的部门与年度">
        {departments.length === 0 ? (
          <p className="text-slate-600">暂无公开信息。</p>
        ) : (
          <>
            <DepartmentIndex departments={departments} headingLevel={2} />
            {total > departments.length ? (
              <p className="mt-3 text-sm">
                <Link href="/portal" className="text-brand-700 underline hover:text-brand-900">
                  查看全部 {total} 个部门
                </Link>
              </p>
            ) : null}
          </>
        )}
      </Card>
    </div>
  );
}
