"use client";

import type { ReactNode } from "react";
import type { ActionResult } from "@/lib/action-result";
import { useServerAction } from "./use-server-action";

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
  const { pending, error, run: start, router } = useServerAction();
  return (
    <span className="inline-flex items-center">
      <button
        type="button"
        className={className}
        disabled={pending}
        data-testid={testId}
        onClick={() => start(run, (r) => router.push(to(r)))}
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
