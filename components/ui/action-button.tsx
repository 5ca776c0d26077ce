"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/action-result";

/**
 * A button that runs a server action and opens what it created (`to(result)`), or
 * shows the refusal's Chinese message beside it.
 */
export function ActionButton<T extends object>({
  run,
  to,
  className,
  children,
  testId,
}: {
  run: () => Promise<ActionResult<T>>;
  to: (result: T) => string;
  className: string;
  children: ReactNode;
  testId?: string;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center">
      <button
        type="button"
        className={className}
        disabled={pending}
        data-testid={testId}
        onClick={() =>
          startTransition(async () => {
            setError(null);
            const r = await run();
            if (r.ok) router.push(to(r));
            else setError(r.message);
          })
        }
      >
        {pending ? "正在创建…" : children}
      </button>
      {error ? (
        <span role="alert" className="ml-2 text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </span>
  );
}
