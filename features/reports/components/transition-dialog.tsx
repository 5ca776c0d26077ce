"use client";

import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { TRANSITIONS, type TransitionAction } from "../workflow";
import { CommentBox } from "./comment-box";

const EXPLANATIONS: Record<TransitionAction, string> = {
  submit: "提交后报告将交审核人审核（本年度设有部门审核环节时，先由部门审核人审核），审核通过或退回之前不能再修改。",
  deptReturn: "报告将退回给项目填报人修改。请写明需要修改的内容，填报人会在报告中看到这条意见。",
  deptApprove: "部门审核通过后，报告报送财政审核人审核。",
  return: "报告将退回给项目填报人修改。请写明需要修改的内容，填报人会在报告中看到这条意见。",
  approve: "审核通过后，报告可以公开。",
  publish: "公开后，任何人无需登录即可查阅本报告当前内容（含项目数据和指标得分）。公开的内容不会因之后的修改而改变。",
  reopen: "重新打开后报告回到草稿，由填报人更正后重新提交、审核、公开，形成新的版本；已公开的版本仍可查阅。请写明更正原因，它将作为更正说明公开。",
};

const COMMENT_LABELS: Record<TransitionAction, string> = {
  submit: "说明（可选）",
  deptReturn: "审核意见（必填）",
  deptApprove: "审核意见（可选）",
  return: "审核意见（必填）",
  approve: "审核意见（可选）",
  publish: "说明（可选）",
  reopen: "更正原因（必填）",
};

/** Confirms a workflow action; return and reopen require a comment. A native modal <dialog>. */
export function TransitionDialog({
  action,
  pending,
  serverError,
  onConfirm,
  onClose,
}: {
  action: TransitionAction;
  pending: boolean;
  serverError: string | null;
  onConfirm: (comment: string) => void;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string | null>(null);
  const t = TRANSITIONS[action];

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  const shownError = error ?? serverError;
  return (
    <dialog
      ref={ref}
      aria-labelledby={`${id}-title`}
      onClose={onClose}
      onCancel={(e) => {
        if (pending) e.preventDefault();
      }}
      className="m-auto w-[min(36rem,calc(100vw-2rem))] rounded-lg border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <form
        method="dialog"
        className="space-y-4 p-6"
        onSubmit={(e) => {
          e.preventDefault();
          if (t.commentRequired && !comment.trim()) {
            setError(action === "reopen" ? "重新打开时必须说明更正原因" : "退回时必须填写审核意见");
            return;
          }
          setError(null);
          onConfirm(comment.trim());
        }}
      >
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {t.label}
        </h2>
        <p className="text-sm text-slate-600">{EXPLANATIONS[action]}</p>
        <div className="space-y-1">
          <CommentBox id={`${id}-comment`} label={COMMENT_LABELS[action]} rows={4} value={comment} autoFocus={t.commentRequired} onChange={setComment} error={shownError} />
        </div>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" disabled={pending} onClick={() => ref.current?.close()}>
            取消
          </Button>
          <Button type="submit" variant={action === "return" || action === "reopen" ? "danger" : "primary"} disabled={pending}>
            {pending ? "正在处理…" : `确认${t.label}`}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
