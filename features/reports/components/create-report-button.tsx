"use client";

import { ActionButton } from "@/components/ui/action-button";
import { createOverallReportAction, createReportAction } from "../actions";

type Target = { projectId: string } | { overallYear: number };

/**
 * Creates a draft report and opens it: a project's self-evaluation (the project's
 * "自评报告" tab) or the department's overall evaluation report of a year.
 */
export function CreateReportButton({ className, label = "创建自评报告", ...target }: Target & { className: string; label?: string }) {
  return (
    <ActionButton
      run={() => ("projectId" in target ? createReportAction(target.projectId) : createOverallReportAction(target.overallYear))}
      to={(r) => `/reports/${r.id}`}
      className={className}
    >
      {label}
    </ActionButton>
  );
}
