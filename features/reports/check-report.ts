/**
 * The pre-submission check of a self-evaluation report: what blocks submission
 * (empty required sections, indicators without actuals, shortfalls without a
 * deviation reason) and what only warns (narrative figures that disagree with the
 * project's own, see consistency/check.ts). Pure: the caller loads the data.
 */
import { Decimal } from "@/lib/money";
import { computeSelfEvaluationScore } from "@/features/scoring/score";
import type { ScoreInput } from "@/features/scoring/types";
import { checkNarrative } from "./consistency/check";
import type { NarrativeSection } from "./consistency/types";
import type { CheckItem, ReportCheck } from "@/lib/check-item";
import { FILL_IN, hasFillIn, type SectionDef } from "@/lib/report-sections";
import { SELF_EVALUATION_SECTIONS } from "./template";

export type { CheckItem, ReportCheck } from "@/lib/check-item";

export type CheckInput = {
  project: {
    name: string;
    score: ScoreInput;
    indicators: { id: string; name: string; nature: string; actualValue: string; actualText: string }[];
    allocations: { item: string; amount: string }[];
  };
  sections: NarrativeSection[];
};

export function checkReport({ project, sections }: CheckInput): ReportCheck {
  const items: CheckItem[] = [];
  const byKey = new Map(sections.map((s) => [s.key, s]));
  for (const def of SELF_EVALUATION_SECTIONS) {
    if (def.required && !byKey.get(def.key)?.body.trim()) {
      items.push({ severity: "blocking", code: "SECTION_EMPTY", sectionKey: def.key, message: `“${def.heading}”尚未填写` });
    }
  }
  if (project.indicators.length === 0) items.push({ severity: "blocking", code: "NO_INDICATORS", message: "项目尚未填写绩效指标" });
  project.indicators.forEach((ind, i) => {
    const hasActual = ind.nature === "QUALITATIVE" ? ind.actualText.trim() !== "" : ind.actualValue.trim() !== "";
    if (!hasActual) {
      items.push({ severity: "blocking", code: "ACTUAL_MISSING", indicatorId: ind.id, message: `第${i + 1}行指标“${ind.name}”未填写实际完成值` });
    }
  });
  const score = computeSelfEvaluationScore(project.score);
  for (const r of score.indicators) {
    if (r.needsDeviationReason && r.deviationReasonMissing && !r.missingActual && !r.missingScore && !r.missingWeight) {
      const i = project.indicators.findIndex((x) => x.id === r.id);
      items.push({
        severity: "blocking",
        code: "DEVIATION_REASON_MISSING",
        indicatorId: r.id,
        message: `第${i + 1}行指标“${project.indicators[i]?.name ?? ""}”未达到指标值，须填写偏差原因分析及改进措施`,
      });
    }
  }
  for (const w of score.weightIssues) {
    items.push({ severity: "blocking", code: "WEIGHT_SUM_MISMATCH", message: `“${w.groupName}”各指标分值之和为${new Decimal(w.actual).toFixed()}，应为${new Decimal(w.expected).toFixed()}` });
  }
  const rate = score.budgetExecution.rate;
  for (const f of checkNarrative(
    { name: project.name, budget: project.score.budget.annual, executed: project.score.budget.executed, allocations: project.allocations, executionRate: rate ?? undefined },
    sections,
  )) {
    items.push({ severity: f.severity, code: f.code, sectionKey: f.sectionKey, message: f.message });
  }
  return { blocking: items.filter((i) => i.severity === "blocking"), warnings: items.filter((i) => i.severity === "warning") };
}

/**
 * For reports without a project (the overall report, the year document): every
 * required section must have text, and no section may still hold a draft's
 * placeholder (template.ts FILL_IN), required or not: it is text, so the first rule
 * alone would let it through to publication.
 */
export function checkRequiredSections(template: SectionDef[], sections: { key: string; body: string }[]): ReportCheck {
  const byKey = new Map(sections.map((s) => [s.key, s]));
  const blocking: CheckItem[] = [];
  for (const d of template) {
    const body = byKey.get(d.key)?.body ?? "";
    if (d.required && !body.trim()) blocking.push({ severity: "blocking", code: "SECTION_EMPTY", sectionKey: d.key, message: `“${d.heading}”尚未填写` });
    else if (hasFillIn(body)) {
      blocking.push({ severity: "blocking", code: "SECTION_PLACEHOLDER", sectionKey: d.key, message: `“${d.heading}”中还有待填写的内容（${FILL_IN}），请补充后再提交` });
    }
  }
  return { blocking, warnings: [] };
}
