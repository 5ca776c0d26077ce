"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { startFinalAccountsAction } from "../actions";

/** 开始编制: creates the department-year's draft year document, then opens the editor. */
export function StartFinalAccountsButton({ departmentId, departmentCode, year }: { departmentId: string; departmentCode: string; year: number }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center">
      <Button
        variant="secondary"
        className="px-3 py-1"
        disabled={pending}
        data-testid={`fa-start-${year}`}
        onClick={() =>
          startTransition(async () => {
            setError(null);
            const r = await startFinalAccountsAction(departmentId, year);
            if (r.ok) router.push(`/final-accounts/${departmentCode}/${year}`);
            else setError(r.message);
          })
        }
      >
        {pending ? "正在创建…" : "开始编制"}
      </Button>
      {error ? (
        <span role="alert" className="ml-2 text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </span>
  );
}
