import { AdminPageHeader } from "@/components/shell/admin-page-header";
import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/features/auth/session";
import { AccountAdmin } from "@/features/accounts/components/account-admin";
import { listAccounts, listDepartmentChoices } from "@/features/accounts/data";

export const metadata: Metadata = { title: "账号管理" };

export default async function AccountsPage() {
  const me = await requirePermission("user.manage");
  const [rows, departments] = await Promise.all([listAccounts(), listDepartmentChoices()]);
  return (
    <div className="space-y-6">
      <AdminPageHeader
        title="账号管理"
        links={
          <>
            <Link href="/admin/import" className="text-brand-700 hover:underline">
              从 Excel 批量导入部门和账号
            </Link>
          </>
        }
      >
        新账号和重置密码都会生成只显示一次的临时密码，对方首次登录时必须改为自己的密码。停用、重置密码会使该账号的现有登录立即失效。最后一个启用的系统管理员不能停用或改为其他角色。
      </AdminPageHeader>
      <AccountAdmin rows={rows} departments={departments} selfId={me.id} />
    </div>
  );
}
