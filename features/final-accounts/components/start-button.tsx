"use client";

import { ActionButton } from "@/components/ui/action-button";
import { startFinalAccountsAction } from "../actions";

/** 开始编制: creates the department-year's draft year document, then opens the editor. */
export function StartFinalAccountsButton({ departmentId, departmentCode, year }: { departmentId: string; departmentCode: string; year: number }) {
  return (
    <ActionButton
      run={() => startFinalAccountsAction(departmentId, year)}
      to={() => `/final-accounts/${departmentCode}/${year}`}
      className="inline-flex items-center rounded-md border border-slate-300 bg-white px-3 py-1 text-sm font-medium text-slate-800 hover:bg-slate-100 disabled:text-slate-400"
      testId={`fa-start-${year}`}
    >
      开始编制
    </ActionButton>
  );
}
