"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FileInput } from "@/components/ui/file-input";
import { NATURE_LABELS, NATURES, type Nature } from "@/features/indicators/schema";
import { importLibraryAction, retireLibraryItemAction, saveLibraryItemAction } from "../actions";
import { choicesOf, Select } from "@/components/ui/field";

type Item = { id: string; name: string; nature: Nature; unit: string | null; targetText: string | null; description: string; retiredAt: Date | null };
type Level2 = { id: string; name: string; level1Name: string; library: Item[] };
type Draft = { level2Id: string; name: string; nature: Nature; unit: string; targetText: string; description: string };

/** 指标库 per framework: add, edit, retire / restore items, import from .xlsx. */
export function LibraryAdmin({ frameworkId, level2 }: { frameworkId: string; level2: Level2[] }) {
  const router = useRouter();
  const uid = useId();
  const [pending, startTransition] = useTransition();
  const [editing, setEditing] = useState<string | null>(null);
  const empty: Draft = { level2Id: level2[0]?.id ?? "", name: "", nature: "GTE", unit: "", targetText: "", description: "" };
  const [draft, setDraft] = useState<Draft>(empty);
  const [message, setMessage] = useState<{ ok: boolean; text: string; list?: string[] } | null>(null);

  const run = (f: () => Promise<{ ok: boolean; message?: string; fieldErrors?: { message: string }[]; errors?: { message: string }[] }>, done: string) =>
    startTransition(async () => {
      setMessage(null);
      const r = await f();
      if (r.ok) {
        setMessage({ ok: true, text: done });
        setEditing(null);
        setDraft(empty);
        router.refresh();
      } else setMessage({ ok: false, text: r.message ?? "操作失败", list: (r.errors ?? r.fieldErrors ?? []).map((e) => e.message) });
    });

  const input = "rounded-md border border-slate-300 px-2 py-1 text-sm";
  const text = (key: "name" | "unit" | "targetText" | "description", label: string) => (
    <label className="block">
      {label}
      <input className={`${input} mt-1 block w-full`} value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} />
    </label>
  );
  const form = (itemId: string | null) => (
    <div className="grid gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-3" role="group" aria-label={itemId ? "修改指标库条目" : "新增指标库条目"}>
      <label className="block">
        二级指标
        <Select className={`${input} mt-1 block w-full`} value={draft.level2Id} onChange={(e) => setDraft({ ...draft, level2Id: e.target.value })} choices={level2.map((l) => ({ value: l.id, label: `${l.level1Name} / ${l.name}` }))} />
      </label>
      {text("name", "三级指标")}
      <label className="block">
        指标性质
        <Select className={`${input} mt-1 block w-full`} value={draft.nature} onChange={(e) => setDraft({ ...draft, nature: e.target.value as Nature })} choices={choicesOf(NATURES, NATURE_LABELS)} />
      </label>
      {text("unit", "计量单位")}
      {text("targetText", "参考指标值")}
      {text("description", "说明")}
      <div className="flex gap-2">
        <Button disabled={pending} onClick={() => run(() => saveLibraryItemAction(frameworkId, itemId, draft), itemId ? "已修改" : "已新增")}>
          {itemId ? "保存条目" : "新增条目"}
        </Button>
        {itemId ? (
          <Button variant="ghost" onClick={() => setEditing(null)}>
            取消
          </Button>
        ) : null}
      </div>
    </div>
  );

  return (
    <div className="space-y-4 text-sm">
      <table className="w-full text-left">
        <caption className="sr-only">指标库</caption>
        <thead>
          <tr className="border-b border-slate-200">
            <th scope="col" className="py-1 pr-2">一级 / 二级</th>
            <th scope="col" className="py-1 pr-2">三级指标</th>
            <th scope="col" className="py-1 pr-2">性质</th>
            <th scope="col" className="py-1 pr-2">单位</th>
            <th scope="col" className="py-1 pr-2">参考指标值</th>
            <th scope="col" className="py-1 pr-2">状态</th>
            <th scope="col" className="py-1">操作</th>
          </tr>
        </thead>
        <tbody>
          {level2.flatMap((l) =>
            l.library.map((x) => (
              <tr key={x.id} className={`border-b border-slate-100 ${x.retiredAt ? "text-slate-600" : ""}`}>
                <td className="py-1 pr-2">
                  {l.level1Name} / {l.name}
                </td>
                <td className="py-1 pr-2">{x.name}</td>
                <td className="py-1 pr-2">{NATURE_LABELS[x.nature]}</td>
                <td className="py-1 pr-2">{x.unit ?? ""}</td>
                <td className="py-1 pr-2">{x.targetText ?? ""}</td>
                <td className="py-1 pr-2">{x.retiredAt ? "已停用" : "使用中"}</td>
                <td className="py-1">
                  <div className="flex gap-1">
                    <Button
                      variant="ghost"
                      aria-label={`修改“${x.name}”`}
                      onClick={() => {
                        setEditing(x.id);
                        setDraft({ level2Id: l.id, name: x.name, nature: x.nature, unit: x.unit ?? "", targetText: x.targetText ?? "", description: x.description });
                      }}
                    >
                      修改
                    </Button>
                    <Button variant="ghost" aria-label={`${x.retiredAt ? "恢复" : "停用"}“${x.name}”`} disabled={pending} onClick={() => run(() => retireLibraryItemAction(frameworkId, x.id, !x.retiredAt), x.retiredAt ? `已恢复“${x.name}”` : `已停用“${x.name}”`)}>
                      {x.retiredAt ? "恢复" : "停用"}
                    </Button>
                  </div>
                  {editing === x.id ? form(x.id) : null}
                </td>
              </tr>
            )),
          )}
        </tbody>
      </table>
      {editing === null ? form(null) : null}
      <form
        className="space-y-2 rounded-md border border-slate-200 p-3"
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          run(() => importLibraryAction(frameworkId, data).then((r) => (r.ok ? { ...r, message: "" } : r)), "导入完成");
        }}
      >
        <label htmlFor={`${uid}-file`} className="block font-medium">
          从 Excel（.xlsx）导入指标库
        </label>
        <p className="text-slate-600">第一行为表头：一级指标、二级指标、三级指标（必填），指标性质、计量单位、参考指标值、说明（可选）。同一二级指标下同名的条目会被更新；有任何错误时不导入任何条目。</p>
        <span className="block">
          <FileInput id={`${uid}-file`} name="file" required />
        </span>
        <Button type="submit" variant="secondary" disabled={pending}>
          导入
        </Button>
      </form>
      {message ? (
        <div role={message.ok ? "status" : "alert"} className={message.ok ? "text-green-800" : "text-red-700"}>
          <p>{message.text}</p>
          {message.list?.length ? (
            <ul className="list-disc pl-5">
              {message.list.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
