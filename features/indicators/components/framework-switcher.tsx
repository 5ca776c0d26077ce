"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { switchFrameworkAction } from "../actions";
import { ActionMessage, type ActionMessageState } from "@/components/ui/action-message";
import { Select } from "@/components/ui/field";

type Option = { id: string; code: string; name: string };
type Props = { projectId: string; version: number; currentId: string; options: Option[] };

/**
 * Lets an owner move the project onto another framework its year allows (e.g. the
 * 财预〔2020〕10号 layout the office prints). Rows follow by name; the server refuses,
 * naming the rows, when one has no place in the new framework.
 */
export function FrameworkSwitcher({ projectId, version, currentId, options }: Props) {
  const router = useRouter();
  const id = useId();
  const [choice, setChoice] = useState(currentId);
  const [message, setMessage] = useState<ActionMessageState>(null);
  const [pending, startTransition] = useTransition();
  const current = options.find((o) => o.id === currentId);

  const apply = () => {
    setMessage(null);
    startTransition(async () => {
      const r = await switchFrameworkAction(projectId, version, choice);
      if (r.ok) {
        setMessage({ ok: true, text: `已更换为“${options.find((o) => o.id === choice)?.name ?? ""}”，${r.moved} 项指标已随之调整；请核对各指标分值` });
        router.refresh();
      } else setMessage({ ok: false, text: r.message });
    });
  };

  return (
    <div className="rounded-md border border-slate-200 bg-white px-4 py-3 text-sm" data-testid="framework-switcher">
      <p>
        指标体系：<span className="font-semibold">{current?.name}</span>
      </p>
      <div className="mt-2 flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor={id} className="block text-slate-700">
            本年度允许使用的指标体系
          </label>
          <Select id={id} value={choice} onChange={(e) => setChoice(e.target.value)} className="mt-1 rounded-md border border-slate-300 px-2 py-1" disabled={pending} choices={options.map((o) => ({ value: o.id, label: o.name }))} />
        </div>
        <Button type="button" variant="secondary" onClick={apply} disabled={pending || choice === currentId}>
          更换指标体系
        </Button>
      </div>
      <ActionMessage message={message} className="mt-2" />
    </div>
  );
}
