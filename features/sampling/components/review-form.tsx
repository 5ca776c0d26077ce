"use client";

import { placeFieldErrors } from "@/components/ui/form-errors";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import { useForm, useWatch } from "react-hook-form";
import { ActionMessage, type ActionMessageState } from "@/components/ui/action-message";
import { Button } from "@/components/ui/button";
import { returnAction, saveReviewAction } from "../actions";
import { deviation, qualityOf, reviewTotal } from "../rules";
import { feedbackSchema, reviewSchema, SCORE, type ReviewInput } from "../schema";
import type { ReviewTableRow } from "../data";

type Props = {
  itemId: string;
  version: number;
  rows: ReviewTableRow[];
  selfTotal: string | null;
  /** Saved and not yet returned: the result may go to the department. */
  canReturn: boolean;
  readOnly: boolean;
};

const cell = "border border-slate-300 px-2 py-1 align-top";

/**
 * 复核打分: a 复核得分 and a reason per applicable row, the totals and 自评质量 updated as one types.
 * A save or a return bumps the item's version and the page refreshes: the form is then rebuilt from
 * the saved rows (keyed by the version), while the message of what was done stays, held up here.
 */
export function ReviewForm(props: Props) {
  const [banner, setBanner] = useState<ActionMessageState>(null);
  return <ReviewFormBody key={props.version} {...props} banner={banner} setBanner={setBanner} />;
}

function ReviewFormBody({ itemId, version, rows, selfTotal, canReturn, readOnly, banner, setBanner }: Props & { banner: ActionMessageState; setBanner: (m: ActionMessageState) => void }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const schema = useMemo(() => reviewSchema(rows), [rows]);
  const applicable = rows.filter((r) => r.selfScore != null);
  const { register, handleSubmit, control, formState, setError } = useForm<ReviewInput>({
    resolver: zodResolver(schema),
    defaultValues: { scores: applicable.map((r) => ({ key: r.key, reviewScore: r.reviewScore ?? r.selfScore ?? "", reason: r.reason })) },
  });
  const scores = useWatch({ control, name: "scores" });
  const byKey = new Map(scores.map((s) => [s.key, s.reviewScore]));
  const live = reviewTotal(rows.map((r) => ({ key: r.key, selfScore: r.selfScore, max: r.max, reviewScore: SCORE.test(byKey.get(r.key) ?? "") ? byKey.get(r.key)! : null })));
  const gap = deviation(selfTotal, live);
  const e = formState.errors.scores;

  const onSubmit = handleSubmit((values) => {
    setBanner(null);
    startTransition(async () => {
      const r = await saveReviewAction(itemId, version, values);
      if (r.ok) {
        setBanner({ ok: true, text: `已保存复核得分：${r.reviewTotal} 分` });
        router.refresh();
        return;
      }
      const fieldOf = (path: string) => {
        const m = /^scores\.(\d+)\.(reviewScore|reason)$/.exec(path);
        return m ? (`scores.${Number(m[1])}.${m[2] as "reviewScore" | "reason"}` as const) : null;
      };
      if (!placeFieldErrors(setError, r.fieldErrors, fieldOf)) setBanner({ ok: false, text: r.message });
    });
  });

  // The form's index of each applicable row (not-applicable rows have no input).
  const formIndex = new Map(applicable.map((r, i) => [r.key, i]));
  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} noValidate aria-label="复核打分" className="space-y-3">
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">自评得分与复核得分</caption>
            <thead className="bg-slate-100">
              <tr>
                {["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "自评得分", "复核得分", "复核理由"].map((h) => (
                  <th key={h} scope="col" className={`${cell} whitespace-nowrap text-left`}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                if (r.selfScore == null) {
                  return (
                    <tr key={r.key} className="text-slate-500">
                      <td className={cell}>{r.level1}</td>
                      <td className={cell}>{r.level2}</td>
                      <td className={cell}>{r.name}</td>
                      <td className={cell}>{r.target}</td>
                      <td className={cell}>{r.actual}</td>
                      <td className={cell} colSpan={4}>
                        不适用，不计分
                      </td>
                    </tr>
                  );
                }
                const i = formIndex.get(r.key)!;
                const err = e?.[i];
                const differs = scores[i] && scores[i]!.reviewScore !== r.selfScore;
                const scoreCell = (field: "reviewScore" | "reason", label: string, width: string, inputMode?: "decimal") => (
                  <td className={cell}>
                    <input
                      aria-label={`${r.name} ${label}`}
                      inputMode={inputMode}
                      disabled={readOnly}
                      aria-invalid={!!err?.[field]}
                      className={`${width} rounded border border-slate-300 px-2 py-1 aria-[invalid=true]:border-red-600`}
                      {...register(`scores.${i}.${field}`)}
                    />
                    {err?.[field] ? <p className="mt-1 text-xs text-red-700">{err[field].message}</p> : null}
                  </td>
                );
                return (
                  <tr key={r.key} className={differs ? "bg-amber-50" : undefined}>
                    <td className={cell}>{r.level1}</td>
                    <td className={cell}>{r.level2}</td>
                    <td className={cell}>
                      {r.name}
                      {r.deviationReason ? <p className="mt-1 text-xs text-slate-600">偏差原因：{r.deviationReason}</p> : null}
                    </td>
                    <td className={cell}>{r.target}</td>
                    <td className={cell}>{r.actual}</td>
                    <td className={`${cell} tabular-nums`}>{r.max}</td>
                    <td className={`${cell} tabular-nums`}>{r.selfScore}</td>
                    {scoreCell("reviewScore", "复核得分", "w-20 tabular-nums", "decimal")}
                    {scoreCell("reason", "复核理由", "w-56")}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4" aria-live="polite" data-testid="review-totals">
          <div>
            <dt className="text-slate-600">自评得分</dt>
            <dd className="text-lg font-semibold tabular-nums">{selfTotal ?? "—"}</dd>
          </div>
          <div>
            <dt className="text-slate-600">复核得分</dt>
            <dd className="text-lg font-semibold tabular-nums">{live ?? "—"}</dd>
          </div>
          <div>
            <dt className="text-slate-600">偏差（复核 − 自评）</dt>
            <dd className="text-lg font-semibold tabular-nums">{gap ?? "—"}</dd>
          </div>
          <div>
            <dt className="text-slate-600">自评质量</dt>
            <dd className="text-lg font-semibold">{selfTotal != null && live != null ? qualityOf(selfTotal, live) : "—"}</dd>
          </div>
        </dl>
        {e?.message || e?.root?.message ? <p className="text-sm text-red-700">{e.message ?? e.root?.message}</p> : null}
        {readOnly ? null : (
          <Button type="submit" disabled={pending}>
            保存复核得分
          </Button>
        )}
        <ActionMessage message={banner} className="text-sm" />
      </form>
      {canReturn && !readOnly ? <ReturnForm itemId={itemId} version={version} onReturned={(text) => setBanner({ ok: true, text })} /> : null}
    </div>
  );
}

function ReturnForm({ itemId, version, onReturned }: { itemId: string; version: number; onReturned: (text: string) => void }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [banner, setBanner] = useState<ActionMessageState>(null);
  const { register, handleSubmit, formState } = useForm<{ comment: string }>({ resolver: zodResolver(feedbackSchema), defaultValues: { comment: "" } });
  const onSubmit = handleSubmit((values) => {
    setBanner(null);
    startTransition(async () => {
      const r = await returnAction(itemId, version, values);
      if (r.ok) {
        onReturned(r.reportReturned ? "已反馈部门，自评报告已退回修改" : "已反馈部门");
        router.refresh();
      } else setBanner({ ok: false, text: r.fieldErrors?.[0]?.message ?? r.message });
    });
  });
  const err = formState.errors.comment?.message;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="反馈部门" className="space-y-2 border-t border-slate-200 pt-4">
      <label htmlFor="feedback" className="block text-sm font-medium text-slate-800">
        复核意见（反馈部门；自评报告仍在财政审核中的，将同时退回修改）
      </label>
      <textarea
        id="feedback"
        rows={3}
        aria-invalid={!!err}
        aria-describedby={err ? "feedback-error" : undefined}
        className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm aria-[invalid=true]:border-red-600"
        {...register("comment")}
      />
      {err ? (
        <p id="feedback-error" className="text-sm text-red-700">
          {err}
        </p>
      ) : null}
      <Button type="submit" variant="secondary" disabled={pending}>
        反馈部门
      </Button>
      <ActionMessage message={banner} className="text-sm" />
    </form>
  );
}
