/**
 * The catalogue page of a department's year (/portal/<code>/<year>/catalog, and
 * /portal/<code>/<year> while no year document is published there): its year document,
 * overall report and every published project report.
 */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { listPublishedDepartments } from "../data";
import { departmentPath, departmentYearPath, itemCount } from "../portal-group";
import { parseDepartmentCode, parsePortalYear } from "../portal-params";
import { Breadcrumbs, YearItems } from "./portal-catalog";

export type DepartmentYearParams = { departmentCode: string; year: string };

export const loadDepartmentYear = cache(async (rawCode: string, rawYear: string) => {
  const code = parseDepartmentCode(rawCode);
  const year = parsePortalYear(rawYear);
  if (!code || !year) return null;
  const [department] = await listPublishedDepartments({ departmentCode: code, year });
  const y = department?.years[0];
  return department && y ? { department, year: y } : null;
});

export async function departmentYearMetadata(p: DepartmentYearParams): Promise<Metadata> {
  const found = await loadDepartmentYear(p.departmentCode, p.year);
  if (!found) return { title: "页面不存在" };
  const { department: d, year: y } = found;
  const names = y.projects.map((i) => i.projectName ?? i.title).slice(0, 8);
  return {
    title: `${d.name} ${y.year}年度公开信息`,
    description:
      `${d.name}${y.year}年度已公开${itemCount(y)}项信息：` +
      [y.yearDocument ? "部门决算公开" : null, y.overall.length ? "部门整体支出绩效评价报告" : null, y.projects.length ? `${y.projects.length}个项目支出绩效自评报告（${names.join("、")}${y.projects.length > names.length ? "等" : ""}）` : null]
        .filter(Boolean)
        .join("、") +
      "。",
    alternates: { canonical: departmentYearPath(d.code, y.year) },
  };
}

export async function DepartmentYearPage({ params }: { params: DepartmentYearParams }) {
  const found = await loadDepartmentYear(params.departmentCode, params.year);
  if (!found) notFound();
  const { department: d, year: y } = found;
  return (
    <div className="space-y-6">
      <Breadcrumbs trail={[{ label: "首页", href: "/" }, { label: "信息公开目录", href: "/portal" }, { label: d.shortName, href: departmentPath(d.code) }, { label: `${y.year}年度` }]} />
      <section>
        <h1 className="text-2xl font-bold sm:text-3xl">
          {d.name} {y.year}年度公开信息
        </h1>
        <p className="mt-2 text-slate-700">本年度已公开 {itemCount(y)} 项信息。</p>
      </section>
      <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm" data-testid="department-year-items">
        <YearItems year={y} />
      </div>
    </div>
  );
}
