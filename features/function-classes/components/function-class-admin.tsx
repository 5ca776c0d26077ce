"use client";

import { useMemo, useState } from "react";
import { Card } from "@/components/ui/card";
import type { FunctionClassRow } from "../data";
import { AddFunctionClassForm, type Notice } from "./add-function-class-form";
import { FunctionClassTree } from "./function-class-tree";

/** The add form and the tree, sharing one message line and the “添加下级” shortcut. */
export function FunctionClassAdmin({ rows }: { rows: FunctionClassRow[] }) {
  const names = useMemo(() => new Map(rows.map((r) => [r.code, r.name])), [rows]);
  const [prefill, setPrefill] = useState<{ code: string; nonce: number } | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  return (
    <div className="space-y-6">
      <div aria-live="polite">
        {notice ? (
          <p
            role={notice.kind === "ok" ? "status" : "alert"}
            data-testid={`notice-${notice.kind}`}
            className={`rounded-md border px-4 py-3 text-sm ${notice.kind === "ok" ? "border-green-200 bg-green-50 text-green-800" : "border-red-200 bg-red-50 text-red-800"}`}
          >
            {notice.text}
          </p>
        ) : null}
      </div>
      <Card title="添加科目">
        <AddFunctionClassForm names={names} prefill={prefill} onNotice={setNotice} />
      </Card>
      <Card title="科目列表">
        <FunctionClassTree rows={rows} onAddChild={(code) => setPrefill((p) => ({ code, nonce: (p?.nonce ?? 0) + 1 }))} onNotice={setNotice} />
      </Card>
    </div>
  );
}
