"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createOverallReportAction, createReportAction } from "../actions";

type Target = { projectId: string } | { overallYear: number };

/**
 * Creates a draft report and opens it: a project's self-evaluation (the project's
 * "自评报告" tab) or the department's overall evaluation report of a year.
 */
export function CreateReportButton({ className, label = "创建自评报告", ...target }: Target & { className: string; label?: string }) {
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
            const r = "projectId" in target ? await createReportAction(target.projectId) : await createOverallReportAction(target.overallYear);
            if (r.ok) router.push(`/reports/${r.id}`);
            else setError(r.message);
          })
        }
      >
        {pending ? "正在创建…" : label}
      </button>
      {error ? (
        <span role="alert" className="ml-2 text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </span>
  );
}
