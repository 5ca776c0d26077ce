"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { UNIT_KIND_LABELS } from "@/lib/labels";
import { createDepartmentAction, setDepartmentRetiredAction, updateDepartmentAction } from "../actions";
import type { DepartmentAdminRow } from "../data";
import { DepartmentForm } from "./department-form";

type Notice = { kind: "ok" | "error"; text: string };

/** 部门与单位: the two-level list, a create form and per-row edit / retire / restore. */
export function DepartmentAdmin({ rows }: { rows: DepartmentAdminRow[] }) {
  const router = useRouter();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<DepartmentAdminRow | null>(null);
  const parents = rows.filter((r) => !r.parentId && !r.retiredAt).map((r) => ({ id: r.id, label: `${r.code} ${r.shortName}` }));

  async function toggle(r: DepartmentAdminRow) {
    const retire = !r.retiredAt;
    if (retire && !window.confirm(`撤销 ${r.name}？其数据和已公开的报告都会保留，但不能再为其新建账号。`)) return;
    const result = await setDepartmentRetiredAction(r.id, retire);
    setNotice(result.ok ? { kind: "ok", text: `${retire ? "已撤销" : "已恢复"} ${r.shortName}` } : { kind: "error", text: result.message });
    if (result.ok) router.refresh();
  }

  return (
    <div className="space-y-4">
      {notice ? (
        <p role={notice.kind === "error" ? "alert" : "status"} className={`rounded-md border px-4 py-3 text-sm ${notice.kind === "error" ? "border-red-200 bg-red-50 text-red-800" : "border-green-200 bg-green-50 text-green-800"}`}>
          {notice.text}
        </p>
      ) : null}
      {editing ? (
        <section className="rounded-lg border border-slate-200 bg-white p-4" aria-label={`修改 ${editing.shortName}`}>
          <h2 className="mb-3 font-semibold">
            修改 {editing.code} {editing.shortName}
          </h2>
          <DepartmentForm
            key={editing.id}
            mode="edit"
            parents={parents.filter((p) => p.id !== editing.id)}
            initial={{ ...editing, parentId: editing.parentId ?? "" }}
            onCancel={() => setEditing(null)}
            onSubmit={async (values) => {
              const result = await updateDepartmentAction(editing.id, values);
              if (result.ok) {
                setNotice({ kind: "ok", text: result.changed ? `已保存 ${values.shortName}` : "没有修改" });
                setEditing(null);
                router.refresh();
              } else if (!result.fieldErrors?.length) setNotice({ kind: "error", text: result.message });
              return result;
            }}
          />
        </section>
      ) : creating ? (
        <section className="rounded-lg border border-slate-200 bg-white p-4" aria-label="新增部门或单位">
          <h2 className="mb-3 font-semibold">新增部门或下属单位</h2>
          <DepartmentForm
            mode="create"
            parents={parents}
            onCancel={() => setCreating(false)}
            onSubmit={async (values) => {
              const result = await createDepartmentAction(values);
              if (result.ok) {
                setNotice({ kind: "ok", text: `已新增 ${values.shortName}` });
                router.refresh();
              } else if (!result.fieldErrors?.length) setNotice({ kind: "error", text: result.message });
              return result;
            }}
          />
        </section>
      ) : (
        <Button onClick={() => setCreating(true)}>新增部门或单位</Button>
      )}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full text-sm" data-testid="department-table">
          <caption className="sr-only">部门与下属单位</caption>
          <thead className="bg-slate-50 text-left">
            <tr>
              {["编码", "单位全称", "简称", "单位类型", "地区", "排序", "账号/项目/报告", "状态", "操作"].map((h) => (
                <th key={h} scope="col" className="whitespace-nowrap border-b border-slate-200 px-3 py-2 font-semibold text-slate-700">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-testid="department-row" className={r.retiredAt ? "text-slate-400" : ""}>
                <td className="border-b border-slate-100 px-3 py-2 font-mono">{r.code}</td>
                <td className="border-b border-slate-100 px-3 py-2">{r.parentId ? <span className="pl-6">└ {r.name}</span> : r.name}</td>
                <td className="border-b border-slate-100 px-3 py-2">{r.shortName}</td>
                <td className="border-b border-slate-100 px-3 py-2">{UNIT_KIND_LABELS[r.unitKind]}</td>
                <td className="border-b border-slate-100 px-3 py-2">{r.region || "—"}</td>
                <td className="border-b border-slate-100 px-3 py-2">{r.sortOrder}</td>
                <td className="border-b border-slate-100 px-3 py-2">
                  {r._count.users}/{r._count.projects}/{r._count.reports}
                </td>
                <td className="border-b border-slate-100 px-3 py-2">{r.retiredAt ? "已撤销" : "使用中"}</td>
                <td className="border-b border-slate-100 px-3 py-2">
                  <div className="flex gap-1">
                    <Button variant="ghost" className="px-2 py-1" onClick={() => setEditing(r)} aria-label={`修改 ${r.code}`}>
                      修改
                    </Button>
                    <Button variant="ghost" className="px-2 py-1" onClick={() => toggle(r)} aria-label={`${r.retiredAt ? "恢复" : "撤销"} ${r.code}`}>
                      {r.retiredAt ? "恢复" : "撤销"}
                    </Button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
