import { EmptyRow } from "@/components/ui/empty-row";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { Fragment, type ReactNode } from "react";
import { FUND_SOURCE_LABELS, type FundSourceKey } from "@/features/projects/schema";
import { ScoreValue } from "@/components/ui/score-value";
import { formatPercentText, formatWanText } from "@/lib/money";
import type { ProjectView } from "../snapshot";

const cell = "border border-slate-200 px-3 py-2 align-top";
const head = "border border-slate-200 bg-slate-50 px-3 py-2 text-left font-semibold text-slate-700";

/**
 * The project part of a self-evaluation report (项目支出绩效自评表): basic facts,
 * 项目资金 in 万元, 年度总体目标 and the indicator table with its score. Used live on
 * the report page and from the frozen snapshot on the public page.
 * `indicatorExtra` adds a full-width row under an indicator (its comments).
 */
export function ReportProject({ project, indicatorExtra }: { project: ProjectView; indicatorExtra?: (indicator: { id: string; name: string }) => ReactNode }) {
  const b = project.budget;
  const colCount = 8;
  return (
    <div className="space-y-6" data-testid="report-project">
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        <div className="flex gap-2">
          <dt className="shrink-0 text-slate-500">项目名称</dt>
          <dd className="font-medium">{project.name}</dd>
        </div>
        <div className="flex gap-2">
          <dt className="shrink-0 text-slate-500">年度</dt>
          <dd>{project.year}年度</dd>
        </div>
        <div className="flex gap-2">
          <dt className="shrink-0 text-slate-500">主管部门</dt>
          <dd>{project.competentDepartment || project.department}</dd>
        </div>
        <div className="flex gap-2">
          <dt className="shrink-0 text-slate-500">实施单位</dt>
          <dd>{project.implementingUnit || "—"}</dd>
        </div>
      </dl>

      <section aria-labelledby="project-funding-heading">
        <h3 id="project-funding-heading" className="mb-2 text-base font-semibold">
          项目资金（万元）
        </h3>
        <ScrollRegion label="项目资金">
          <table className="min-w-full border-collapse text-sm" data-testid="funding-table">
            <caption className="sr-only">项目资金，单位万元</caption>
            <thead>
              <tr>
                <th scope="col" className={head}>资金来源</th>
                <th scope="col" className={`${head} text-right`}>年初预算数</th>
                <th scope="col" className={`${head} text-right`}>全年预算数</th>
                <th scope="col" className={`${head} text-right`}>全年执行数</th>
              </tr>
            </thead>
            <tbody>
              {project.funding.map((f) => (
                <tr key={f.source}>
                  <th scope="row" className={`${cell} text-left font-normal`}>
                    {FUND_SOURCE_LABELS[f.source as FundSourceKey] ?? f.source}
                  </th>
                  <td className={`${cell} text-right tabular-nums`}>{formatWanText(f.initialBudget)}</td>
                  <td className={`${cell} text-right tabular-nums`}>{formatWanText(f.annualBudget)}</td>
                  <td className={`${cell} text-right tabular-nums`}>{formatWanText(f.executed)}</td>
                </tr>
              ))}
              <tr className="bg-slate-50 font-semibold">
                <th scope="row" className={`${cell} text-left`}>年度资金总额</th>
                <td className={`${cell} text-right tabular-nums`}>{formatWanText(b.initial)}</td>
                <td className={`${cell} text-right tabular-nums`} data-testid="funding-annual-total">
                  {formatWanText(b.annual)}
                </td>
                <td className={`${cell} text-right tabular-nums`}>{formatWanText(b.executed)}</td>
              </tr>
            </tbody>
          </table>
        </ScrollRegion>
        <p className="mt-2 text-sm text-slate-600">
          预算执行率 <strong className="tabular-nums">{formatPercentText(project.score.executionRate)}</strong>
          {project.score.budgetScore != null ? (
            <>
              {" "}
              · 得分 <strong className="tabular-nums">{project.score.budgetScore}</strong>
            </>
          ) : null}
        </p>
        {project.allocations.length > 0 ? (
          <p className="mt-1 text-sm text-slate-600">
            资金分配：
            {project.allocations.map((a, i) => (
              <span key={i}>
                {i > 0 ? "；" : ""}
                {a.item} {formatWanText(a.amount)} 万元
              </span>
            ))}
          </p>
        ) : null}
      </section>

      <section aria-labelledby="project-goal-heading">
        <h3 id="project-goal-heading" className="mb-2 text-base font-semibold">
          年度总体目标
        </h3>
        <div className="grid gap-4 md:grid-cols-2">
          <div className="rounded-md border border-slate-200 p-3">
            <h4 className="mb-1 text-sm font-semibold text-slate-600">预期目标</h4>
            <p className="whitespace-pre-wrap break-words text-sm leading-6">{project.goalExpected || "—"}</p>
          </div>
          <div className="rounded-md border border-slate-200 p-3">
            <h4 className="mb-1 text-sm font-semibold text-slate-600">实际完成情况</h4>
            <p className="whitespace-pre-wrap break-words text-sm leading-6">{project.goalActual || "—"}</p>
          </div>
        </div>
      </section>

      <section aria-labelledby="project-indicators-heading">
        <h3 id="project-indicators-heading" className="mb-2 text-base font-semibold">
          绩效指标
        </h3>
        <ScrollRegion label="绩效指标及得分">
          <table className="min-w-full border-collapse text-sm" data-testid="report-indicator-table">
            <caption className="sr-only">绩效指标及得分</caption>
            <thead>
              <tr>
                <th scope="col" className={head}>一级指标</th>
                <th scope="col" className={head}>二级指标</th>
                <th scope="col" className={head}>三级指标</th>
                <th scope="col" className={head}>年度指标值</th>
                <th scope="col" className={head}>实际完成值</th>
                <th scope="col" className={`${head} text-right`}>分值</th>
                <th scope="col" className={`${head} text-right`}>得分</th>
                <th scope="col" className={head}>偏差原因分析及改进措施</th>
              </tr>
            </thead>
            <tbody>
              {project.indicators.length === 0 ? (
                <EmptyRow colSpan={colCount} className={cell}>
                  尚未填写绩效指标
                </EmptyRow>
              ) : null}
              {project.indicators.map((ind) => {
                const extra = indicatorExtra?.({ id: ind.id, name: ind.name });
                return (
                  <Fragment key={ind.id}>
                    <tr id={`indicator-${ind.id}`} className="scroll-mt-4" data-testid="report-indicator-row">
                      <td className={cell}>{ind.level1}</td>
                      <td className={cell}>{ind.level2}</td>
                      <th scope="row" className={`${cell} text-left font-medium`}>
                        {ind.name}
                      </th>
                      <td className={cell}>{ind.target || "—"}</td>
                      <td className={cell}>{ind.actual || "—"}</td>
                      <td className={`${cell} text-right tabular-nums`}>{ind.weight || "—"}</td>
                      <td className={`${cell} text-right tabular-nums`}>{ind.applicable ? (ind.score ?? "—") : "不适用"}</td>
                      <td className={`${cell} whitespace-pre-wrap`}>{ind.deviationReason || ""}</td>
                    </tr>
                    {extra ? (
                      <tr>
                        <td colSpan={colCount} className="border border-slate-200 bg-slate-50/60 px-3 py-2">
                          {extra}
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                );
              })}
            </tbody>
            <tfoot>
              <tr className="bg-slate-50 font-semibold">
                <th scope="row" colSpan={6} className={`${cell} text-right`}>
                  总分
                </th>
                <td className={`${cell} text-right tabular-nums`} data-testid="report-score-total">
                  <ScoreValue value={project.score.total} exact={project.score.totalExact} />
                </td>
                <td className={cell}>等级：{project.score.grade ?? "—"}</td>
              </tr>
            </tfoot>
          </table>
        </ScrollRegion>
      </section>
    </div>
  );
}
