"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { regenerateSectionAction } from "../actions";
import { FILL_IN, hasFillIn } from "@/lib/report-sections";

type Note = { tone: "info" | "error"; text: string };

/**
 * “按最新数据重新生成” beside a data section (template.ts dataSectionKeys: the overall
 * report's, the year document's 决算情况说明): asks the server for a fresh draft from
 * the current data and puts it into the section's field. Text that differs from the
 * draft is replaced only after the user confirms; nothing is saved here (the usual
 * 保存 does that, with its version check), so until then the user can still go back
 * by reloading without saving. A draft's 【请填写】 placeholders are pointed out: they
 * block submission until filled in.
 */
export function RegenerateSectionButton({
  reportId,
  sectionKey,
  heading,
  fieldId,
  disabled,
  current,
  onReplace,
}: {
  reportId: string;
  sectionKey: string;
  heading: string;
  fieldId: string;
  disabled: boolean;
  current: () => string;
  onReplace: (body: string) => void;
}) {
  const [pending, startTransition] = useTransition();
  const [note, setNote] = useState<Note | null>(null);
  /** The text a regeneration replaced, until the user undoes it or regenerates again. */
  const [previous, setPrevious] = useState<string | null>(null);

  const run = () =>
    startTransition(async () => {
      setNote(null);
      const r = await regenerateSectionAction(reportId, sectionKey);
      if (!r.ok) {
        setNote({ tone: "error", text: r.message });
        return;
      }
      const text = current();
      if (!r.body) {
        setNote({ tone: "info", text: "当前数据不足以生成本节，内容未改动。请补充数据后再试，或直接填写。" });
        return;
      }
      if (text.trim() === r.body.trim()) {
        setNote({ tone: "info", text: "本节内容与最新数据一致，无需更新。" });
        return;
      }
      if (text.trim() && !window.confirm(`“${heading}”已有内容，与按最新数据生成的文字不同。\n替换后，本节现有文字将被覆盖。确定替换吗？`)) {
        setNote({ tone: "info", text: "已取消，内容未改动。" });
        return;
      }
      setPrevious(text);
      onReplace(r.body);
      setNote({
        tone: "info",
        text: hasFillIn(r.body) ? `已按最新数据重新生成本节，请核对后保存。数据中没有的内容标为“${FILL_IN}”，补充后才能提交。` : "已按最新数据重新生成本节，请核对后保存。",
      });
      document.getElementById(fieldId)?.focus();
    });

  const undo = () => {
    if (previous === null) return;
    onReplace(previous);
    setPrevious(null);
    setNote({ tone: "info", text: "已撤销，恢复为替换前的内容。" });
    document.getElementById(fieldId)?.focus();
  };

  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button
        variant="secondary"
        className="px-2.5 py-1 text-xs"
        // The visible text begins the name; the heading tells the four buttons apart.
        aria-label={`按最新数据重新生成：${heading}`}
        aria-busy={pending}
        disabled={disabled || pending}
        onClick={run}
        data-testid={`regenerate-${sectionKey}`}
      >
        {pending ? "正在生成…" : "按最新数据重新生成"}
      </Button>
      {previous !== null && !pending ? (
        <Button variant="ghost" className="px-2 py-1 text-xs" aria-label={`撤销替换：${heading}`} disabled={disabled} onClick={undo}>
          撤销替换
        </Button>
      ) : null}
      <span role="status" className="text-xs text-slate-600">
        {note?.tone === "info" ? note.text : null}
      </span>
      {note?.tone === "error" ? (
        <span role="alert" className="text-xs text-red-700">
          {note.text}
        </span>
      ) : null}
    </span>
  );
}
