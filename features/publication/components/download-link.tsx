"use client";

import { useEffect, useRef, useState } from "react";

/** The file name of a Content-Disposition header (RFC 5987 `filename*` first). */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      /* fall through to the plain name */
    }
  }
  return /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? null;
}

type State = { kind: "idle" } | { kind: "working"; seconds: number } | { kind: "done" } | { kind: "error"; message: string };

/**
 * A download that may take a few seconds the first time (the PDF is printed by
 * Chromium): fetched in the page, with the elapsed time shown and announced, then
 * saved under the server's file name. A plain link without JavaScript, or when
 * opened in a new tab.
 */
export function DownloadLink({ href, label, testId }: { href: string; label: string; testId: string }) {
  const [state, setState] = useState<State>({ kind: "idle" });
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);
  useEffect(() => () => void (timer.current && clearInterval(timer.current)), []);

  const stopTimer = () => {
    if (timer.current) clearInterval(timer.current);
    timer.current = null;
  };

  const download = async () => {
    const started = Date.now();
    setState({ kind: "working", seconds: 0 });
    timer.current = setInterval(() => setState({ kind: "working", seconds: Math.floor((Date.now() - started) / 1000) }), 1000);
    try {
      const response = await fetch(href);
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { message?: string } | null;
        setState({ kind: "error", message: body?.message ?? `下载失败（${response.status}），请稍后重试` });
        return;
      }
      const blob = await response.blob();
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = fileNameOf(response.headers.get("content-disposition")) ?? label;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setState({ kind: "done" });
    } catch {
      setState({ kind: "error", message: "网络错误，下载未完成，请重试" });
    } finally {
      stopTimer();
    }
  };

  const status =
    state.kind === "working"
      ? `正在生成${label}${state.seconds > 0 ? `，已用 ${state.seconds} 秒` : "…"}`
      : state.kind === "done"
        ? `${label}已下载`
        : state.kind === "error"
          ? state.message
          : "";
  return (
    <span className="inline-flex items-center gap-1">
      <a
        href={href}
        className="rounded-md border border-slate-300 px-3 py-1.5 text-slate-800 hover:bg-slate-100 aria-busy:cursor-progress aria-busy:bg-slate-100"
        aria-busy={state.kind === "working"}
        data-testid={testId}
        onClick={(e) => {
          if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
          e.preventDefault();
          if (state.kind !== "working") void download();
        }}
      >
        {label}
      </a>
      <span role="status" aria-live="polite" className={`text-xs ${state.kind === "error" ? "text-red-700" : "text-slate-600"}`} data-testid={`${testId}-status`}>
        {status}
      </span>
    </span>
  );
}
