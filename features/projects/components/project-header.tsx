import { ScoreValue } from "@/components/ui/score-value";
import Link from "next/link";
import type { ReactNode } from "react";
import { executionMonitoring } from "@/features/scoring/monitoring";
import { computeSelfEvaluationScore } from "@/features/scoring/score";
import { formatPercentText, formatWanText } from "@/lib/money";
import { REPORT_STATUS_LABELS } from "@/lib/labels";
import type { ProjectDetail } from "../data";
import { displayedScore, toScoreInput } from "../score-input";

const LIGHT_CLASSES = { red: "bg-red-100 text-red-800", yellow: "bg-amber-100 text-amber-800", green: "bg-green-100 text-green-800", none: "bg-slate-100 text-slate-600" } as const;

/**
 * Title, status, the computed score and the 双监控 light, and the project's tabs (the third opens or
 * creates the self-evaluation report). The create button belongs to the reports feature, which
 * depends on projects, not the other way round: the page passes it in (`createReport`), or null
 * when the report policy does not let the viewer start this project's report.
 */
export function ProjectHeader({ project, active, createReport }: { project: ProjectDetail; active: "info" | "indicators"; createReport: ((className: string) => ReactNode) | null }) {
  const input = toScoreInput(project);
  const score = computeSelfEvaluationScore(input);
  const shown = displayedScore(score, { reportStatus: project.report?.status, weights: project.indicators.map((i) => i.weight) });
  const now = new Date();
  const month = project.year < now.getFullYear() ? 12 : project.year > now.getFullYear() ? 1 : now.getMonth() + 1;
  const monitor = executionMonitoring(input.budget.annual, input.budget.executed, month);
  const tabClass = (on: boolean) => `border-b-2 px-4 py-2 text-sm ${on ? "border-brand-700 font-semibold text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`;
  const tab = (key: typeof active, href: string, label: string) => (
    <Link href={href} aria-current={active === key ? "page" : undefined} className={tabClass(active === key)}>
      {label}
    </Link>
  );
  return (
    <header className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-sm text-slate-500">
            <Link href={`/projects?year=${project.year}`} className="hover:underline">
              项目
            </Link>{" "}
            / {project.year}年度 · {project.department.shortName}
          </p>
          <h1 className="mt-1 text-2xl font-bold" data-testid="project-title">
            {project.name}
          </h1>
          <p className="mt-1 text-sm text-slate-600">
            指标体系：{project.framework.name} · 自评状态：{project.report ? REPORT_STATUS_LABELS[project.report.status] : "未创建"}
          </p>
        </div>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-1 rounded-lg border border-slate-200 bg-white px-5 py-3 text-sm sm:grid-cols-4" data-testid="score-summary">
          <div>
            <dt className="text-slate-500">全年预算数</dt>
            <dd className="font-semibold tabular-nums">{formatWanText(input.budget.annual)} 万元</dd>
          </div>
          <div>
            <dt className="text-slate-500">执行率</dt>
            <dd className="font-semibold tabular-nums">
              {formatPercentText(score.budgetExecution.rate)}
              <span className={`ml-2 rounded px-1.5 py-0.5 text-xs ${LIGHT_CLASSES[monitor.light]}`} title={`双监控：序时进度 ${month}/12`}>
                {monitor.label}
              </span>
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">自评得分</dt>
            <dd className="font-semibold tabular-nums" data-testid="score-total">
              {shown.total ? (
                <ScoreValue value={shown.total} exact={shown.totalExact} />
              ) : shown.unscored ? (
                <span className="text-slate-700" title="公开的自评表未列各指标分值，无法计算得分">原表未列分值</span>
              ) : (
                <span className="text-amber-700">待完善（{shown.pending} 项）</span>
              )}
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">等级</dt>
            <dd className="font-semibold">{shown.grade ?? "—"}</dd>
          </div>
        </dl>
      </div>
      <nav aria-label="项目内容" className="flex border-b border-slate-200">
        {tab("info", `/projects/${project.id}`, "基本信息与资金")}
        {tab("indicators", `/projects/${project.id}/indicators`, "绩效指标")}
        {project.report ? (
          <Link href={`/reports/${project.report.id}`} className={tabClass(false)}>
            自评报告<span className="ml-1 text-xs text-slate-500">（{REPORT_STATUS_LABELS[project.report.status]}）</span>
          </Link>
        ) : createReport ? (
          createReport(`${tabClass(false)} disabled:cursor-wait`)
        ) : (
          <span className="border-b-2 border-transparent px-4 py-2 text-sm text-slate-600" title="填报人尚未创建自评报告">
            自评报告（未创建）
          </span>
        )}
      </nav>
    </header>
  );
}
