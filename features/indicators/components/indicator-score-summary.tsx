"use client";

import { ScoreValue } from "@/components/ui/score-value";
import { ScrollRegion } from "@/components/ui/scroll-region";

/**
 * 得分汇总: 预算执行率, each 一级 group's score and weight sum, the total and its grade, and
 * the scoring issues — all from `computeSelfEvaluationScore`. `LiveScoreSummary` follows the
 * editor's form values (debounced and deferred, so typing never waits for the whole table).
 */
import { memo, useDeferredValue, useEffect, useId, useMemo, useState } from "react";
import { type Control, useWatch } from "react-hook-form";
import type { FrameworkShape, IndicatorRowInput } from "../schema";
import type { Grade, ScoreResult } from "@/features/scoring/types";
import { type Budget, scoreTable } from "./editor-scoring";
import type { EditorFormOutput, EditorFormValues } from "./editor-types";

const GRADE_CLASS: Record<Grade, string> = {
  优: "bg-green-100 text-green-800",
  良: "bg-brand-100 text-brand-900",
  中: "bg-amber-100 text-amber-900",
  差: "bg-red-100 text-red-800",
};

const SEVERITY_LABEL = { error: "错误", warning: "提示", info: "说明" } as const;
const SEVERITY_CLASS = { error: "text-red-700", warning: "text-amber-800", info: "text-slate-600" } as const;
const ISSUES_SHOWN = 20;

export function countRowsByGroup(rows: readonly IndicatorRowInput[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.level1Id, (counts.get(r.level1Id) ?? 0) + 1);
  return counts;
}

export type ScoreSummaryProps = {
  result: ScoreResult;
  /** Number of rows per 一级 group id (a group without rows is not expected to add up). */
  rowCounts: ReadonlyMap<string, number>;
  /** Called with a row index when the user asks to go to the row an issue is about. */
  onLocate?: (index: number) => void;
  /** The summary follows input as it is typed (shows a note saying so). */
  live?: boolean;
};

function ScoreSummaryImpl({ result, rowCounts, onLocate, live = false }: ScoreSummaryProps) {
  const titleId = useId();
  const [showAll, setShowAll] = useState(false);
  const b = result.budgetExecution;
  const order = { error: 0, warning: 1, info: 2 } as const;
  const issues = [...result.issues].sort((x, y) => order[x.severity] - order[y.severity]);
  const shown = showAll ? issues : issues.slice(0, ISSUES_SHOWN);
  const errorCount = issues.filter((i) => i.severity === "error").length;

  return (
    <section aria-labelledby={titleId} className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <header className="flex items-center justify-between border-b border-slate-200 px-5 py-3">
        <h2 id={titleId} className="text-base font-semibold">
          得分汇总
        </h2>
        {live ? <span className="text-xs text-slate-500">随填写自动计算</span> : null}
      </header>
      <div className="grid gap-5 p-5 lg:grid-cols-[minmax(0,14rem)_minmax(0,1fr)_minmax(0,12rem)]">
        <div>
          <h3 className="text-sm font-semibold text-slate-700">预算执行率</h3>
          <dl className="mt-2 space-y-1 text-sm">
            <div className="flex justify-between gap-2">
              <dt className="text-slate-600">执行率</dt>
              <dd className="tabular-nums">{b.rate !== null ? `${b.rate}%` : b.applicable ? "无法计算" : "不适用"}</dd>
            </div>
            <div className="flex justify-between gap-2">
              <dt className="text-slate-600">得分 / 分值</dt>
              <dd className="tabular-nums">
                <ScoreValue value={b.score} exact={b.scoreExact} /> / {b.max}
              </dd>
            </div>
          </dl>
          {b.warning ? <p className="mt-2 text-xs text-amber-800">{b.warning}</p> : null}
        </div>
        <ScrollRegion label="各一级指标得分与分值合计">
          <table className="min-w-full border-collapse text-sm">
            <caption className="sr-only">各一级指标得分与分值合计</caption>
            <thead>
              <tr className="border-b border-slate-300 text-left">
                <th scope="col" className="px-2 py-1 font-semibold text-slate-700">
                  一级指标
                </th>
                <th scope="col" className="px-2 py-1 text-right font-semibold text-slate-700">
                  得分 / 分值
                </th>
                <th scope="col" className="px-2 py-1 text-right font-semibold text-slate-700">
                  各指标分值合计
                </th>
              </tr>
            </thead>
            <tbody>
              {result.groups.map((g) => {
                const rows = rowCounts.get(g.id) ?? 0;
                const mismatch = !g.weightsMatch && rows > 0;
                return (
                  <tr key={g.id} className="border-b border-slate-100 last:border-0">
                    <th scope="row" className="px-2 py-1 text-left font-normal">
                      {g.name}
                      <span className="ml-1 text-xs text-slate-500">（{rows}项）</span>
                    </th>
                    <td className="px-2 py-1 text-right tabular-nums">
                      {g.score} / {g.points}
                    </td>
                    <td className={`px-2 py-1 text-right tabular-nums ${mismatch ? "font-semibold text-red-700" : rows === 0 ? "text-slate-600" : "text-green-800"}`}>
                      {rows === 0 ? "未填写指标" : g.weightSum}
                      {mismatch ? <span className="ml-1 text-xs font-normal">（应为 {g.points}）</span> : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
        <div className="rounded-md bg-slate-50 p-3 text-center">
          <div className="text-sm text-slate-600">自评总分</div>
          <div className="mt-1 text-3xl font-bold tabular-nums text-brand-900" data-testid="score-total">
            <ScoreValue value={result.total} exact={result.totalExact} />
          </div>
          {result.grade ? (
            <div className={`mt-2 inline-block rounded px-2 py-0.5 text-sm font-semibold ${GRADE_CLASS[result.grade]}`} data-testid="score-grade">
              等级：{result.grade}
            </div>
          ) : null}
          {result.total !== null && errorCount > 0 ? <p className="mt-2 text-xs text-amber-800">尚有{errorCount}个问题需处理，总分仅供参考</p> : null}
          {result.total !== null && result.maxTotal !== "100.00" ? (
            <p className="mt-2 text-xs text-slate-500">
              得分 {result.rawTotal} / 满分 {result.maxTotal}，按100分折算
            </p>
          ) : null}
        </div>
      </div>
      {issues.length > 0 ? (
        <div className="border-t border-slate-200 px-5 py-3">
          <h3 className="text-sm font-semibold text-slate-700">
            评分提示（{issues.length}条{errorCount ? `，其中${errorCount}条需处理` : ""}）
          </h3>
          <ul className="mt-2 max-h-64 space-y-1 overflow-y-auto text-sm">
            {shown.map((issue, i) => {
              const index = issue.indicatorId !== undefined ? Number(issue.indicatorId) : NaN;
              return (
                <li key={`${issue.code}-${issue.indicatorId ?? issue.groupId ?? ""}-${i}`} className="flex items-start gap-2">
                  <span className={`shrink-0 text-xs font-semibold ${SEVERITY_CLASS[issue.severity]}`}>[{SEVERITY_LABEL[issue.severity]}]</span>
                  <span className="flex-1">
                    {Number.isInteger(index) ? <span className="text-slate-500">第{index + 1}行：</span> : null}
                    {issue.message}
                  </span>
                  {onLocate && Number.isInteger(index) ? (
                    <button type="button" className="shrink-0 text-xs text-brand-700 underline" onClick={() => onLocate(index)} aria-label={`定位到第${index + 1}行`}>
                      定位
                    </button>
                  ) : null}
                </li>
              );
            })}
          </ul>
          {issues.length > ISSUES_SHOWN ? (
            <button type="button" className="mt-2 text-xs text-brand-700 underline" onClick={() => setShowAll((v) => !v)}>
              {showAll ? "收起" : `显示全部 ${issues.length} 条`}
            </button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

export const ScoreSummary = memo(ScoreSummaryImpl);

export type LiveScoreSummaryProps = {
  control: Control<EditorFormValues, unknown, EditorFormOutput>;
  framework: FrameworkShape;
  budget: Budget;
  onLocate?: (index: number) => void;
};

/** The summary over the editor's current values: recomputed shortly after typing stops, off the urgent path. */
export function LiveScoreSummary({ control, framework, budget, onLocate }: LiveScoreSummaryProps) {
  const rows = useWatch({ control, name: "rows" });
  const [settled, setSettled] = useState(rows);
  useEffect(() => {
    if (settled === rows) return;
    const t = window.setTimeout(() => setSettled(rows), rows.length > 300 ? 300 : 80);
    return () => window.clearTimeout(t);
  }, [rows, settled]);
  const deferred = useDeferredValue(settled);
  const { result, counts } = useMemo(
    () => ({ result: scoreTable(framework, budget, deferred), counts: countRowsByGroup(deferred) }),
    [framework, budget, deferred],
  );
  return <ScoreSummary result={result} rowCounts={counts} onLocate={onLocate} live />;
}
