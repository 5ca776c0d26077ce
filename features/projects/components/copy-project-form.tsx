"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { copyProjectAction } from "../actions";
import { Select } from "@/components/ui/field";

/** 从往年复制: goals, budget lines and indicators, without any actuals. */
export function CopyProjectForm({ sources, targetYears }: { sources: { id: string; label: string; year: number }[]; targetYears: number[] }) {
  const router = useRouter();
  const [sourceId, setSourceId] = useState("");
  const [targetYear, setTargetYear] = useState(targetYears[0] ?? 0);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const candidates = sources.filter((s) => s.year < targetYear);

  return (
    <section className="rounded-lg border border-slate-200 bg-white p-5" aria-labelledby="copy-heading">
      <h2 id="copy-heading" className="text-base font-semibold">
        从往年复制项目
      </h2>
      <p className="mt-1 text-sm text-slate-600">复制项目名称、年度预期目标、预算数、资金分配和绩效指标（不含执行数、实际完成值和得分）。</p>
      <form
        className="mt-3 flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          if (!sourceId) return setMessage("请选择要复制的项目");
          setMessage(null);
          startTransition(async () => {
            const r = await copyProjectAction(sourceId, targetYear);
            if (r.ok) router.push(`/projects/${r.id}`);
            else setMessage(r.message);
          });
        }}
      >
        <label className="text-sm">
          <span className="mb-1 block">复制到年度</span>
          <Select value={targetYear} onChange={(e) => setTargetYear(Number(e.target.value))} className="rounded-md border border-slate-300 px-3 py-2" choices={targetYears.map((y) => ({ value: y, label: `${y}年` }))} />
        </label>
        <label className="text-sm">
          <span className="mb-1 block">来源项目</span>
          <Select value={sourceId} onChange={(e) => setSourceId(e.target.value)} className="w-80 rounded-md border border-slate-300 px-3 py-2" empty="请选择" choices={candidates.map((s) => ({ value: s.id, label: s.label }))} />
        </label>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "正在复制…" : "复制"}
        </Button>
      </form>
      {message ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {message}
        </p>
      ) : null}
    </section>
  );
}
