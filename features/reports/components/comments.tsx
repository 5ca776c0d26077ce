"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { addCommentAction, resolveCommentAction } from "../actions";
import { CommentBox } from "./comment-box";
import { useServerAction } from "@/components/ui/use-server-action";

export type CommentItem = {
  id: string;
  body: string;
  sectionKey: string | null;
  indicatorId: string | null;
  author: string;
  createdAtText: string;
  resolved: boolean;
};

/** Reviewer comments in place; the owner may mark each resolved or open it again. */
export function CommentList({ reportId, comments, canResolve, label }: { reportId: string; comments: CommentItem[]; canResolve: boolean; label: string }) {
  if (comments.length === 0) return null;
  return (
    <ul className="space-y-2" aria-label={label}>
      {comments.map((c) => (
        <CommentEntry key={c.id} reportId={reportId} comment={c} canResolve={canResolve} />
      ))}
    </ul>
  );
}

function CommentEntry({ reportId, comment: c, canResolve }: { reportId: string; comment: CommentItem; canResolve: boolean }) {
  const { pending, error, run } = useServerAction();
  return (
    <li
      className={`rounded-md border px-3 py-2 text-sm ${c.resolved ? "border-slate-200 bg-slate-50 text-slate-500" : "border-amber-300 bg-amber-50 text-amber-950"}`}
      data-testid="report-comment"
      data-resolved={c.resolved ? "true" : "false"}
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span className="font-semibold">审核意见</span>
        <span className="text-xs text-slate-500">
          {c.author} · {c.createdAtText}
        </span>
        {c.resolved ? <span className="rounded bg-green-100 px-1.5 py-0.5 text-xs text-green-800">已解决</span> : null}
        {canResolve ? (
          <Button
            variant="secondary"
            className="ml-auto px-2 py-1 text-xs"
            disabled={pending}
            onClick={() => run(() => resolveCommentAction(c.id, !c.resolved, reportId))}
          >
            {c.resolved ? "重新打开" : "标记已解决"}
          </Button>
        ) : null}
      </div>
      <p className={`mt-1 whitespace-pre-wrap break-words ${c.resolved ? "line-through decoration-slate-400" : ""}`}>{c.body}</p>
      {error ? (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </li>
  );
}

/**
 * "添加意见" for a reviewer: opens a text box under a section or indicator row (or
 * for the whole report). Not a <form>: it may sit inside the owner's editor form.
 */
export function CommentComposer({ reportId, sectionKey, indicatorId, target }: { reportId: string; sectionKey?: string; indicatorId?: string; target: string }) {
  const router = useRouter();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  if (!open) {
    return (
      <Button variant="ghost" className="px-2 py-1 text-xs text-brand-700" onClick={() => setOpen(true)} aria-label={`添加意见：${target}`}>
        ＋ 添加意见
      </Button>
    );
  }
  const submit = () =>
    startTransition(async () => {
      setError(null);
      if (!body.trim()) {
        setError("请填写意见");
        return;
      }
      const r = await addCommentAction(reportId, { body, sectionKey, indicatorId });
      if (!r.ok) {
        setError(r.fieldErrors?.[0]?.message ?? r.message);
        return;
      }
      setBody("");
      setOpen(false);
      router.refresh();
    });
  return (
    <div className="space-y-2 rounded-md border border-brand-100 bg-brand-50/50 p-3">
      <CommentBox
        id={id}
        label={`对“${target}”的意见`}
        rows={3}
        value={body}
        onChange={setBody}
        error={error}
        className="bg-white"
        onKeyDown={(e) => {
          if ((e.ctrlKey || e.metaKey) && e.key === "Enter") {
            e.preventDefault();
            submit();
          }
        }}
      />
      <div className="flex gap-2">
        <Button onClick={submit} disabled={pending} className="px-3 py-1.5">
          {pending ? "正在提交…" : "提交意见"}
        </Button>
        <Button
          variant="secondary"
          className="px-3 py-1.5"
          disabled={pending}
          onClick={() => {
            setOpen(false);
            setError(null);
          }}
        >
          取消
        </Button>
      </div>
    </div>
  );
}
