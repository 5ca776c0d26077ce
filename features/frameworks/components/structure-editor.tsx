"use client";

import { Decimal } from "@/lib/money";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { newVersionAction, updateStructureAction } from "../actions";
import { CATEGORIES, CATEGORY_LABELS, type StructureInput } from "../schema";
import { ActionMessage, type ActionMessageState } from "@/components/ui/action-message";
import { choicesOf, Select } from "@/components/ui/field";

type Props = { id: string; version: number; projects: number; initial: StructureInput };
type Message = ActionMessageState;

/**
 * The editor and its last message. The form is re-created from the server's data after
 * each save (keyed by version, so new rows get their ids); the message lives outside it,
 * so "已保存" stays visible after that refresh.
 */
export function StructureEditor(props: Props) {
  const [message, setMessage] = useState<Message>(null);
  return (
    <div className="space-y-4 text-sm">
      <StructureForm key={props.version} {...props} onMessage={setMessage} />
      <ActionMessage message={message} />
    </div>
  );
}

/**
 * 一级 names, categories and points and each 二级 list. The total (with 预算执行率) must
 * be 100; a framework that projects use is shown read-only with 生成新版本.
 */
function StructureForm({ id, version, projects, initial, onMessage: setMessage }: Props & { onMessage: (m: Message) => void }) {
  const router = useRouter();
  const [v, setV] = useState<StructureInput>(initial);
  const [pending, startTransition] = useTransition();
  const frozen = projects > 0;
  const num = (s: string) => (/^\d+(\.\d+)?$/.test(s.trim()) ? new Decimal(s.trim()) : new Decimal(0));
  const total = v.level1.reduce((s, l) => s.plus(num(l.points)), num(v.budgetExecutionPoints));

  const setL1 = (i: number, patch: Partial<StructureInput["level1"][number]>) => setV({ ...v, level1: v.level1.map((l, k) => (k === i ? { ...l, ...patch } : l)) });

  const save = () =>
    startTransition(async () => {
      setMessage(null);
      const r = await updateStructureAction(id, version, v);
      if (r.ok) {
        setMessage({ ok: true, text: "已保存" });
        router.refresh();
      } else setMessage({ ok: false, text: [r.message, ...(r.fieldErrors?.filter((f) => f.path !== "level1").map((f) => f.message) ?? [])].join("；") });
    });
  const newVersion = () =>
    startTransition(async () => {
      const r = await newVersionAction(id);
      if (r.ok) router.push(`/admin/frameworks/${r.id}`);
      else setMessage({ ok: false, text: r.message });
    });

  const input = "rounded-md border border-slate-300 px-2 py-1 text-sm disabled:bg-slate-100";
  return (
    <div className="space-y-4 text-sm">
      {frozen ? (
        <div className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-amber-900">
          <p>已有 {projects} 个项目使用此指标体系，它不能再修改（已填报的指标表须保持原样）。如需调整，请生成新版本并在财政年度中选用。</p>
          <Button className="mt-2" variant="secondary" onClick={newVersion} disabled={pending}>
            生成新版本
          </Button>
        </div>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-3">
        <label className="block sm:col-span-2">
          名称
          <input className={`${input} mt-1 block w-full`} value={v.name} disabled={frozen} onChange={(e) => setV({ ...v, name: e.target.value })} />
        </label>
        <label className="block">
          预算执行率分值
          <input className={`${input} mt-1 block w-full`} inputMode="decimal" value={v.budgetExecutionPoints} disabled={frozen} onChange={(e) => setV({ ...v, budgetExecutionPoints: e.target.value })} />
        </label>
      </div>
      <table className="w-full text-left">
        <caption className="sr-only">一级指标及其二级指标</caption>
        <thead>
          <tr className="border-b border-slate-200">
            <th scope="col" className="py-1 pr-2">一级指标</th>
            <th scope="col" className="py-1 pr-2">类别</th>
            <th scope="col" className="py-1 pr-2">分值</th>
            <th scope="col" className="py-1 pr-2">二级指标</th>
            <th scope="col" className="py-1">
              <span className="sr-only">操作</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {v.level1.map((l, i) => (
            <tr key={l.id ?? `new-${i}`} className="border-b border-slate-100 align-top">
              <td className="py-1 pr-2">
                <input aria-label={`第${i + 1}个一级指标 名称`} className={input} value={l.name} disabled={frozen} onChange={(e) => setL1(i, { name: e.target.value })} />
              </td>
              <td className="py-1 pr-2">
                <Select aria-label={`第${i + 1}个一级指标 类别`} className={input} value={l.category} disabled={frozen} onChange={(e) => setL1(i, { category: e.target.value as (typeof CATEGORIES)[number] })} choices={choicesOf(CATEGORIES, CATEGORY_LABELS)} />
              </td>
              <td className="py-1 pr-2">
                <input aria-label={`第${i + 1}个一级指标 分值`} className={`${input} w-20`} inputMode="decimal" value={l.points} disabled={frozen} onChange={(e) => setL1(i, { points: e.target.value })} />
              </td>
              <td className="py-1 pr-2">
                <ul className="space-y-1">
                  {l.level2.map((x, j) => (
                    <li key={x.id ?? `new-${j}`} className="flex gap-1">
                      <input
                        aria-label={`“${l.name}”第${j + 1}个二级指标`}
                        className={input}
                        value={x.name}
                        disabled={frozen}
                        onChange={(e) => setL1(i, { level2: l.level2.map((y, k) => (k === j ? { ...y, name: e.target.value } : y)) })}
                      />
                      {!frozen ? (
                        <Button variant="ghost" aria-label={`删除“${l.name}”的二级指标“${x.name}”`} onClick={() => setL1(i, { level2: l.level2.filter((_, k) => k !== j) })}>
                          删除
                        </Button>
                      ) : null}
                    </li>
                  ))}
                </ul>
                {!frozen ? (
                  <Button variant="ghost" onClick={() => setL1(i, { level2: [...l.level2, { name: "" }] })}>
                    添加二级指标
                  </Button>
                ) : null}
              </td>
              <td className="py-1">
                {!frozen ? (
                  <Button variant="ghost" aria-label={`删除一级指标“${l.name}”`} onClick={() => setV({ ...v, level1: v.level1.filter((_, k) => k !== i) })}>
                    删除
                  </Button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p data-testid="points-total" className={total.equals(100) ? "text-slate-700" : "font-medium text-red-700"}>
        合计（含预算执行率）：{total.toFixed()} 分{total.equals(100) ? "" : "，应为100分"}
      </p>
      {!frozen ? (
        <div className="flex gap-2">
          <Button variant="secondary" onClick={() => setV({ ...v, level1: [...v.level1, { name: "", category: "OUTPUT", points: "0", level2: [{ name: "" }] }] })}>
            添加一级指标
          </Button>
          <Button onClick={save} disabled={pending}>
            保存指标体系
          </Button>
        </div>
      ) : null}
    </div>
  );
}
