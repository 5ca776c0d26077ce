import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { SimpleTable } from "@/components/ui/simple-table";
import { requirePermission } from "@/features/auth/session";
import { chooseYear } from "@/features/oversight/data";
import { NoYearYet } from "@/features/oversight/components/no-year";
import { listDraws } from "@/features/sampling/data";
import { DrawForm } from "@/features/sampling/components/draw-form";
import { QUALITY_RULE } from "@/features/sampling/rules";
import { db } from "@/lib/db";
import { parseFiscalYear } from "@/lib/fiscal-year";
import { hasPermission } from "@/lib/permissions";
import { Select } from "@/components/ui/field";

export const metadata: Metadata = { title: "抽查复核" };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function SamplingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("sample.read");
  const asked = parseFiscalYear(first((await searchParams).year));
  const { years, year } = await chooseYear(asked);
  if (year === undefined) return <NoYearYet title="抽查复核" />;
  const [draws, departments] = await Promise.all([
    listDraws(year),
    db().departmentYear.findMany({ where: { year, department: { projects: { some: { year } } } }, orderBy: [{ department: { sortOrder: "asc" } }, { department: { code: "asc" } }], select: { department: { select: { id: true, name: true } } } }),
  ]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{year}年度抽查复核</h1>
        <p className="mt-1 text-sm text-slate-600">财政部门按条件和随机种子抽取已报送的项目自评，逐项复核打分，评定自评质量，并将复核意见反馈部门。{QUALITY_RULE}</p>
        <form method="get" className="mt-3 flex items-end gap-2 text-sm">
          <label htmlFor="sampling-year" className="font-medium">
            年度
          </label>
          <Select id="sampling-year" name="year" defaultValue={year} className="rounded-md border border-slate-300 bg-white px-2 py-1" choices={years.map((y) => ({ value: y, label: `${y}年` }))} />
          <button type="submit" className="rounded-md border border-slate-300 px-3 py-1">
            查看
          </button>
        </form>
      </div>
      {hasPermission(user.role, "sample.manage") ? (
        <Card title="新的抽查">
          <DrawForm year={year} departments={departments.map((d) => d.department)} />
        </Card>
      ) : null}
      <Card title={`抽查批次（${draws.length}）`}>
        <SimpleTable
          caption={`${year}年度抽查批次`}
          headers={["批次", "抽取时间", "抽取人", "候选项目", "抽中", "已复核", "已反馈部门", "随机种子"]}
          empty="本年度还没有抽查"
          rows={draws.map((d) => [
            <Link key="t" className="text-brand-700 underline" href={`/sampling/${d.id}`}>
              {d.title}
            </Link>,
            d.createdAt.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" }),
            d.createdBy,
            d.poolSize,
            d.sampled,
            d.reviewed,
            d.returned,
            <span key="s" className="tabular-nums">{d.seed}</span>,
          ])}
        />
      </Card>
    </div>
  );
}
