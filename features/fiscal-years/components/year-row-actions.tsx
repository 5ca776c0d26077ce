"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { closeYearAction, departmentReviewAction, reopenYearAction, updateYearAction } from "../actions";
import { ActionMessage, type ActionMessageState } from "@/components/ui/action-message";
import { Select } from "@/components/ui/field";

type Option = { id: string; name: string };
type Props = {
  year: number;
  version: number;
  status: "OPEN" | "CLOSED";
  frameworkId: string;
  alternativeIds: string[];
  frameworks: Option[];
  missingDepartments: Option[];
  allDepartments: boolean;
  departmentReview: boolean;
};

/** Close, reopen (with a reason) or change the frameworks of one year. */
export function YearRowActions(p: Props) {
  const router = useRouter();
  const id = useId();
  const [mode, setMode] = useState<"none" | "reopen" | "edit" | "confirmClose">("none");
  const [reason, setReason] = useState("");
  const [frameworkId, setFrameworkId] = useState(p.frameworkId);
  const [alternatives, setAlternatives] = useState<string[]>(p.alternativeIds);
  const [added, setAdded] = useState<string[]>([]);
  const [message, setMessage] = useState<ActionMessageState>(null);
  const [pending, startTransition] = useTransition();

  const run = (f: () => Promise<{ ok: boolean; message?: string; fieldErrors?: { message: string }[] }>, done: string) =>
    startTransition(async () => {
      setMessage(null);
      const r = await f();
      if (r.ok) {
        setMode("none");
        setMessage({ ok: true, text: done });
        router.refresh();
      } else setMessage({ ok: false, text: r.fieldErrors?.length ? r.fieldErrors.map((e) => e.message).join("；") : (r.message ?? "操作失败") });
    });

  return (
    <div className="space-y-2 text-sm">
      <div className="flex flex-wrap gap-2">
        {p.status === "OPEN" ? (
          <>
            <Button variant="secondary" onClick={() => setMode(mode === "edit" ? "none" : "edit")} aria-expanded={mode === "edit"}>
              修改{p.year}年度设置
            </Button>
            <Button
              variant="secondary"
              disabled={pending}
              onClick={() =>
                run(
                  () => departmentReviewAction(p.year, p.version, { departmentReview: !p.departmentReview }),
                  p.departmentReview ? `${p.year}年度已取消部门审核环节` : `${p.year}年度已设置部门审核环节：报告提交后先由部门审核人审核`,
                )
              }
            >
              {p.departmentReview ? `取消${p.year}年度部门审核环节` : `设置${p.year}年度部门审核环节`}
            </Button>
            <Button variant="danger" onClick={() => setMode("confirmClose")}>
              关闭{p.year}年度
            </Button>
          </>
        ) : (
          <Button variant="secondary" onClick={() => setMode(mode === "reopen" ? "none" : "reopen")} aria-expanded={mode === "reopen"}>
            重新开放{p.year}年度
          </Button>
        )}
      </div>
      {mode === "confirmClose" ? (
        <div role="group" aria-label={`确认关闭${p.year}年度`} className="rounded-md border border-red-200 bg-red-50 p-3">
          <p>关闭后，{p.year}年度的项目、绩效指标和报告都只能查看，不能再修改或提交；需要时可由管理员填写原因后重新开放。</p>
          <div className="mt-2 flex gap-2">
            <Button variant="danger" disabled={pending} onClick={() => run(() => closeYearAction(p.year, p.version), `已关闭${p.year}年度`)}>
              确认关闭
            </Button>
            <Button variant="ghost" onClick={() => setMode("none")}>
              取消
            </Button>
          </div>
        </div>
      ) : null}
      {mode === "reopen" ? (
        <div className="space-y-2 rounded-md border border-slate-200 p-3">
          <label htmlFor={`${id}-reason`} className="block font-medium">
            重新开放的原因（记入操作日志）
          </label>
          <textarea id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} rows={2} className="block w-full rounded-md border border-slate-300 px-2 py-1" />
          <Button disabled={pending} onClick={() => run(() => reopenYearAction(p.year, p.version, { reason }), `已重新开放${p.year}年度`)}>
            确认重新开放
          </Button>
        </div>
      ) : null}
      {mode === "edit" ? (
        <div className="space-y-2 rounded-md border border-slate-200 p-3">
          <label htmlFor={`${id}-fw`} className="block font-medium">
            新建项目使用的指标体系
          </label>
          <Select id={`${id}-fw`} value={frameworkId} onChange={(e) => setFrameworkId(e.target.value)} className="rounded-md border border-slate-300 px-2 py-1" choices={p.frameworks.map((f) => ({ value: f.id, label: f.name }))} />
          <fieldset>
            <legend className="font-medium">项目还可选用</legend>
            {p.frameworks
              .filter((f) => f.id !== frameworkId)
              .map((f) => (
                <label key={f.id} className="flex items-center gap-2">
                  <input
                    type="checkbox"
                    checked={alternatives.includes(f.id)}
                    onChange={(e) => setAlternatives(e.target.checked ? [...alternatives, f.id] : alternatives.filter((x) => x !== f.id))}
                  />
                  {f.name}
                </label>
              ))}
          </fieldset>
          {!p.allDepartments && p.missingDepartments.length > 0 ? (
            <fieldset>
              <legend className="font-medium">增加填报部门</legend>
              {p.missingDepartments.map((d) => (
                <label key={d.id} className="flex items-center gap-2">
                  <input type="checkbox" checked={added.includes(d.id)} onChange={(e) => setAdded(e.target.checked ? [...added, d.id] : added.filter((x) => x !== d.id))} />
                  {d.name}
                </label>
              ))}
            </fieldset>
          ) : null}
          <Button
            disabled={pending}
            onClick={() =>
              run(() => updateYearAction(p.year, p.version, { frameworkId, alternativeFrameworkIds: alternatives.filter((a) => a !== frameworkId), addDepartmentIds: added }), `已保存${p.year}年度设置`)
            }
          >
            保存
          </Button>
        </div>
      ) : null}
      <ActionMessage message={message} />
    </div>
  );
}
