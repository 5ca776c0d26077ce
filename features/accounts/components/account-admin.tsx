"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { AdminList, useAdminPanel } from "@/components/ui/use-admin-panel";
import type { ListControls } from "@/components/ui/list-controls";
import { formatDateTime } from "@/lib/labels";
import { ROLE_LABELS } from "@/lib/permissions";
import { createAccountAction, resetPasswordAction, setAccountActiveAction, unlockAccountAction, updateAccountAction } from "../actions";
import type { AccountRow, DepartmentChoice } from "../data";
import type { CreateAccountInput } from "../schema";
import { AccountForm } from "./account-form";

type OneTime = { username: string; password: string; reason: string };

/** The list is searched, filtered, sorted and paged in the database: its controls come from the page. */
type Props = ListControls & {
  rows: AccountRow[];
  departments: DepartmentChoice[];
  selfId: string;
};

/** 账号管理: one page of the list (searched, sorted, paged on the server), create and edit forms, and the row actions. */
export function AccountAdmin({ rows, departments, selfId, ...controls }: Props) {
  const panel = useAdminPanel<AccountRow>();
  const { setNotice, setEditing, formDone, savedEdit, refresh } = panel;
  const [oneTime, setOneTime] = useState<OneTime | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function run(id: string, label: string, action: () => Promise<{ ok: boolean; message?: string }>, okText: string) {
    setBusy(id);
    setNotice(null);
    const result = await action();
    setBusy(null);
    if (!result.ok) setNotice({ kind: "error", text: result.message ?? `${label}失败` });
    else {
      setNotice({ kind: "ok", text: okText });
      refresh();
    }
  }

  const columns = useMemo<ColumnDef<AccountRow>[]>(
    () => [
      { accessorKey: "username", header: "用户名" },
      { accessorKey: "name", header: "姓名" },
      { id: "role", accessorFn: (r) => ROLE_LABELS[r.role], header: "角色" },
      { id: "department", accessorFn: (r) => r.department?.shortName ?? "—", header: "所属部门" },
      {
        id: "status",
        accessorFn: (r) => (r.active ? (r.mustChangePassword ? "待设置密码" : "启用") : "停用") + (r.throttled ? "（登录受限）" : ""),
        header: "状态",
        enableSorting: false,
      },
      { id: "lastLogin", accessorFn: (r) => r.lastLoginAt?.toISOString() ?? "", header: "最近登录", cell: ({ row }) => formatDateTime(row.original.lastLoginAt) },
      {
        id: "actions",
        header: "操作",
        enableSorting: false,
        cell: ({ row }) => {
          const r = row.original;
          const disabled = busy !== null;
          return (
            <div className="flex flex-wrap gap-1">
              <Button variant="ghost" className="px-2 py-1" disabled={disabled} onClick={() => setEditing(r)} aria-label={`编辑 ${r.username}`}>
                编辑
              </Button>
              <Button
                variant="ghost"
                className="px-2 py-1"
                disabled={disabled}
                aria-label={`重置 ${r.username} 的密码`}
                onClick={async () => {
                  if (!window.confirm(`重置 ${r.name}（${r.username}）的密码？其现有登录将全部失效。`)) return;
                  setBusy(r.id);
                  const result = await resetPasswordAction(r.id);
                  setBusy(null);
                  if (!result.ok) return setNotice({ kind: "error", text: result.message });
                  setOneTime({ username: result.username, password: result.temporaryPassword, reason: "密码已重置" });
                  refresh();
                }}
              >
                重置密码
              </Button>
              {r.throttled ? (
                <Button variant="ghost" className="px-2 py-1" disabled={disabled} aria-label={`解除 ${r.username} 的登录限制`} onClick={() => run(r.id, "解除限制", () => unlockAccountAction(r.id), `已解除 ${r.username} 的登录限制`)}>
                  解除登录限制
                </Button>
              ) : null}
              {r.id === selfId ? null : r.active ? (
                <Button
                  variant="ghost"
                  className="px-2 py-1 text-red-700"
                  disabled={disabled}
                  aria-label={`停用 ${r.username}`}
                  onClick={() => {
                    if (!window.confirm(`停用 ${r.name}（${r.username}）？其现有登录将立即失效。`)) return;
                    void run(r.id, "停用", () => setAccountActiveAction(r.id, false), `已停用 ${r.username}`);
                  }}
                >
                  停用
                </Button>
              ) : (
                <Button variant="ghost" className="px-2 py-1" disabled={disabled} aria-label={`启用 ${r.username}`} onClick={() => run(r.id, "启用", () => setAccountActiveAction(r.id, true), `已重新启用 ${r.username}`)}>
                  启用
                </Button>
              )}
            </div>
          );
        },
      },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [busy, selfId],
  );

  return (
    <AdminList<AccountRow, CreateAccountInput> panel={panel} rows={rows} columns={columns} controls={controls} table={{ caption: "账号列表", testId: "account-table", rowTestId: "account-row", empty: "没有符合条件的账号" }}
      banner={
        oneTime ? (
          <div role="status" data-testid="one-time-password" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
            <p className="font-semibold">
              {oneTime.reason}：{oneTime.username} 的临时密码（只显示这一次，请当面或通过安全渠道转交）
            </p>
            <p className="mt-2 font-mono text-lg tracking-wider" data-testid="temporary-password">
              {oneTime.password}
            </p>
            <p className="mt-1">对方首次登录时必须设置自己的新密码。</p>
            <Button variant="secondary" className="mt-2" onClick={() => setOneTime(null)}>
              我已记下，关闭
            </Button>
          </div>
        ) : null
      }
      create={{
        label: "新建账号",
        submit: async (values) =>
          formDone(await createAccountAction(values), (r) => {
            setOneTime({ username: r.username, password: r.temporaryPassword, reason: "账号已创建" });
            setNotice(null);
          }),
      }}
      edit={{
        label: (u) => `编辑账号 ${u.username}`,
        initial: (u) => ({ username: u.username, name: u.name, role: u.role, departmentId: u.departmentId ?? "", phone: u.phone, email: u.email }),
        submit: async (u, values) => formDone(await updateAccountAction(u.id, values), savedEdit(u.username)),
      }}
      form={(props) => <AccountForm {...props} departments={departments} />}
    />
  );
}
