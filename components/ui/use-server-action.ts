"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/action-result";

/**
 * Runs a server action from a button: `pending` while it runs, the refusal's Chinese message in
 * `error`, and on success `onOk` (by default: reload the page's data from the server).
 */
export function useServerAction() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  function run<T extends object>(action: () => Promise<ActionResult<T>>, onOk: (result: { ok: true } & T) => void = () => router.refresh()) {
    startTransition(async () => {
      setError(null);
      const r = await action();
      if (r.ok) onOk(r);
      else setError(r.message);
    });
  }
  return { pending, error, run, router };
}
