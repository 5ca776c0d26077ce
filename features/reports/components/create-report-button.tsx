"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createReportAction } from "../actions";

/** The project's "自评报告" tab while there is no report yet: creates the draft and opens it. */
export function CreateReportButton({ projectId, className }: { projectId: string; className: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center">
      <button
        type="button"
        className={className}
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            setError(null);
            const r = await createReportAction(projectId);
            if (r.ok) router.push(`/reports/${r.id}`);
            else setError(r.message);
          })
        }
      >
        {pending ? "正在创建…" : "创建自评报告"}
      </button>
      {error ? (
        <span role="alert" className="ml-2 text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </span>
  );
}
