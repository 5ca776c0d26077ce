"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { copyFrameworkAction, newVersionAction } from "../actions";

/** 复制为本地版本 (code + name) and 生成新版本 for one framework of the list. */
export function FrameworkListActions({ id, code, name, inUse }: { id: string; code: string; name: string; inUse: boolean }) {
  const router = useRouter();
  const uid = useId();
  const [open, setOpen] = useState(false);
  const [newCode, setNewCode] = useState(`${code.replace(/-v\d+$/, "")}-LOCAL`);
  const [newName, setNewName] = useState(`${name}（本地版）`);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  const copy = () =>
    startTransition(async () => {
      const r = await copyFrameworkAction(id, { code: newCode, name: newName });
      if (r.ok) router.push(`/admin/frameworks/${r.id}`);
      else setMessage({ ok: false, text: r.fieldErrors?.map((f) => f.message).join("；") || r.message });
    });
  const version = () =>
    startTransition(async () => {
      const r = await newVersionAction(id);
      if (r.ok) router.push(`/admin/frameworks/${r.id}`);
      else setMessage({ ok: false, text: r.message });
    });

  return (
    <div className="space-y-2 text-sm">
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={() => setOpen(!open)} aria-expanded={open}>
          复制为本地版本
        </Button>
        {inUse ? (
          <Button variant="secondary" onClick={version} disabled={pending}>
            生成新版本
          </Button>
        ) : null}
      </div>
      {open ? (
        <div className="grid gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-2">
          <label htmlFor={`${uid}-code`} className="block">
            编码
            <input id={`${uid}-code`} value={newCode} onChange={(e) => setNewCode(e.target.value)} className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1" />
          </label>
          <label htmlFor={`${uid}-name`} className="block">
            名称
            <input id={`${uid}-name`} value={newName} onChange={(e) => setNewName(e.target.value)} className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1" />
          </label>
          <div>
            <Button onClick={copy} disabled={pending}>
              确认复制
            </Button>
          </div>
        </div>
      ) : null}
      {message ? (
        <p role="alert" className="text-red-700">
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
