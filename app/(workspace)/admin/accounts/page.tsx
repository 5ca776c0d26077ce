import { AdminPage, BulkImportLink } from "@/components/shell/admin-page-header";
import type { Metadata } from "next";
import { requirePermission } from "@/features/auth/session";
import { AccountAdmin } from "@/features/accounts/components/account-admin";
import { ACCOUNT_LIST, listAccounts, listDepartmentChoices } from "@/features/accounts/data";
import { listControls, type ListFilter } from "@/components/ui/list-controls";
import { listParams, parseListQuery } from "@/lib/list-query";
import { ROLE_LABELS } from "@/lib/permissions";

export const metadata: Metadata = { title: "账号管理" };

const STATUS_LABELS = { active: "启用", inactive: "停用", mustChange: "待设置密码" } as const;

export default async function AccountsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const me = await requirePermission("user.manage");
  const query = parseListQuery(await searchParams, ACCOUNT_LIST);
  const [{ rows, info }, departments] = await Promise.all([listAccounts(query), listDepartmentChoices()]);
  const params = listParams(query, ACCOUNT_LIST);
  const filters: ListFilter[] = [
    { name: "role", label: "角色", value: query.filters.role, options: ACCOUNT_LIST.filters.role.map((r) => ({ value: r, label: ROLE_LABELS[r] })) },
    { name: "status", label: "状态", value: query.filters.status, options: ACCOUNT_LIST.filters.status.map((v) => ({ value: v, label: STATUS_LABELS[v] })) },
  ];
  return (
    <AdminPage title="账号管理" links={<BulkImportLink />} intro="新账号和重置密码都会生成只显示一次的临时密码，对方首次登录时必须改为自己的密码。停用、重置密码会使该账号的现有登录立即失效。最后一个启用的系统管理员不能停用或改为其他角色。">
      <AccountAdmin
        rows={rows}
        departments={departments}
        selfId={me.id}
        {...listControls({ query, params, info, action: "/admin/accounts", placeholder: "用户名、姓名、部门…", filters, noun: "个账号", testId: "account-pager" })}
      />
    </AdminPage>
  );
}
