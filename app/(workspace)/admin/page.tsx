import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { SimpleTable } from "@/components/ui/simple-table";
import { getAdminOverview } from "@/features/admin/data";
import { UNIT_KIND_LABELS } from "@/lib/labels";
import { FISCAL_YEAR_STATUS_LABELS, formatDateTime } from "@/lib/labels";
import { ROLE_LABELS } from "@/lib/permissions";
import { requirePermission } from "@/features/auth/session";

export const metadata: Metadata = { title: "系统管理" };

export default async function AdminPage() {
  await requirePermission("admin.access");
  const { users, departments, years, frameworks } = await getAdminOverview();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">系统管理</h1>
      <nav aria-label="管理功能" className="flex flex-wrap gap-2 text-sm">
        <Link href="/admin/accounts" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-brand-700 hover:bg-brand-50">
          账号管理
        </Link>
        <Link href="/admin/departments" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-brand-700 hover:bg-brand-50">
          部门与单位
        </Link>
        <Link href="/admin/years" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-brand-700 hover:bg-brand-50">
          财政年度
        </Link>
        <Link href="/admin/frameworks" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-brand-700 hover:bg-brand-50">
          绩效指标体系
        </Link>
        <Link href="/admin/function-classes" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-brand-700 hover:bg-brand-50">
          支出功能分类科目
        </Link>
      </nav>
      <Card title="账号">
        <SimpleTable
          caption="账号列表"
          headers={["用户名", "姓名", "角色", "所属部门", "状态", "最近登录"]}
          rows={users.map((u) => [u.username, u.name, ROLE_LABELS[u.role], u.department?.shortName ?? "—", u.active ? "启用" : "停用", formatDateTime(u.lastLoginAt)])}
        />
      </Card>
      <Card title="部门与下属单位">
        <SimpleTable
          caption="部门列表"
          headers={["编码", "名称", "简称", "单位类型", "上级部门", "预算单位"]}
          rows={departments.map((d) => [d.code, d.name, d.shortName, UNIT_KIND_LABELS[d.unitKind], d.parent?.shortName ?? "—", d.isBudgetUnit ? "是" : "否"])}
        />
      </Card>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="财政年度">
          <SimpleTable
            caption="财政年度列表"
            headers={["年度", "状态", "绩效指标体系"]}
            rows={years.map((y) => [`${y.year}年`, FISCAL_YEAR_STATUS_LABELS[y.status], y.framework.name])}
          />
        </Card>
        <Card title="绩效指标体系">
          <ul className="space-y-4 text-sm">
            {frameworks.map((f) => (
              <li key={f.id}>
                <p className="font-semibold">{f.name}</p>
                <ul className="mt-1 space-y-1 text-slate-700">
                  {f.level1.map((l1) => (
                    <li key={l1.name}>
                      {l1.name}（{l1.points.toString()} 分）：{l1.level2.map((l2) => l2.name).join("、")}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </div>
  );
}
