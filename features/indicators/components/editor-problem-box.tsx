"use client";

/** The banner above the indicator editor when a save failed: conflict, locked, invalid input or an error. */
import { Button } from "@/components/ui/button";
import { type RowField, ROW_FIELD_LABELS } from "./editor-errors";
import { FormAlert } from "@/components/ui/bound-fields";

export type Problem =
  | { kind: "invalid"; message: string; table: string[]; rowCount: number; first: { index: number; field?: RowField } | null }
  | { kind: "stale"; message: string }
  | { kind: "locked"; message: string }
  | { kind: "error"; message: string };

export function ProblemBox({
  problem,
  onLocate,
  onReload,
  onCopy,
  copied,
  onDismiss,
}: {
  problem: Problem;
  onLocate: (index: number, field?: RowField) => void;
  onReload: () => void;
  onCopy: () => void;
  copied: boolean;
  onDismiss: () => void;
}) {
  if (problem.kind === "stale") {
    return (
      <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950" data-testid="conflict-banner">
        <p className="font-semibold">该项目已被其他人修改，您的修改尚未保存。</p>
        <p className="mt-1">
          为避免覆盖他人的修改，系统不会自动合并。请先点击“复制我填写的内容”，把本页内容复制到剪贴板（可粘贴到 Excel）后，再点击“重新加载”获取最新数据并重新录入您的修改。
        </p>
        {problem.message ? <p className="mt-1 text-amber-900">（{problem.message}）</p> : null}
        <div className="mt-3 flex flex-wrap items-center gap-2">
          <Button variant="secondary" onClick={onCopy}>
            复制我填写的内容
          </Button>
          <Button onClick={onReload}>重新加载</Button>
          {copied ? <span className="text-green-800">已复制到剪贴板</span> : null}
        </div>
      </div>
    );
  }
  if (problem.kind === "locked") {
    return (
      <FormAlert>
        <p className="font-semibold">{problem.message}</p>
        <p className="mt-1">本页的修改无法保存。如需保留，请先复制。</p>
        <div className="mt-3 flex flex-wrap items-center gap-2">
          <Button variant="secondary" onClick={onCopy}>
            复制我填写的内容
          </Button>
          {copied ? <span className="text-green-800">已复制到剪贴板</span> : null}
        </div>
      </FormAlert>
    );
  }
  return (
    <FormAlert testId="save-error">
      <div className="flex items-start justify-between gap-3">
        <p className="font-semibold">{problem.message}</p>
        <button type="button" onClick={onDismiss} className="text-xs text-red-800 underline">
          关闭提示
        </button>
      </div>
      {problem.kind === "invalid" ? (
        <>
          {problem.table.length > 0 ? (
            <ul className="mt-2 list-disc space-y-0.5 pl-5">
              {problem.table.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          ) : null}
          {problem.first ? (
            <p className="mt-2">
              共 {problem.rowCount} 行有错误。
              <button type="button" className="ml-1 underline" onClick={() => onLocate(problem.first!.index, problem.first!.field)}>
                定位到第一处错误（第 {problem.first.index + 1} 行{problem.first.field ? ` ${ROW_FIELD_LABELS[problem.first.field]}` : ""}）
              </button>
            </p>
          ) : null}
        </>
      ) : null}
    </FormAlert>
  );
}
