/**
 * Draft text of the sections of a 部门整体支出绩效评价报告 that the department-year's
 * data can say (机构组成, 人员概况, 收入, 支出), phrased as the seed's 附件1 phrases
 * them: 万元 and percentages with two decimals (lib/money.ts, half-up as the
 * official tables round), Chinese punctuation. A section whose facts are missing gets
 * no text (""): nothing is invented, nothing is guessed. The narrative sections
 * (机构职能, 预算管理, 结果应用, 评价结论, 问题, 建议) are the department's to write.
 *
 * The figures (totals, shares, 类, budget completion) come from lib/year-figures, the
 * computation the year document and the final accounts editor use.
 *
 * Pure: the input is plain data (amounts are decimal strings in 元, as stored);
 * overall-draft-data.ts reads it from the database.
 */
import { Decimal } from "@/lib/money";
import { classLabel } from "@/features/function-classes/labels";
import { INCOME_SOURCE_LABELS } from "@/features/publication/labels";
import type { IncomeSource, UnitKind } from "@/lib/generated/prisma/enums";
import { UNIT_KIND_LABELS } from "@/lib/labels";
import { formatPercent, formatWan, sum } from "@/lib/money";
import { computeYearFigures, type YearFigures } from "@/lib/year-figures/compute";
import type { OverallDataSectionKey } from "./template";

export type OverallDraft = Record<OverallDataSectionKey, string>;

type Count = number | null;
type StaffGroup = { total: Count; administrative: Count; institution: Count; logistics: Count };

export type OverallDraftInput = {
  year: number;
  /** How the document names the department in running text (e.g. 市委编办). */
  shortName: string;
  subUnits: { name: string; unitKind: UnitKind; isBudgetUnit: boolean }[];
  staffing: { authorized: StaffGroup; actual: StaffGroup; retired: Count };
  income: { source: IncomeSource; amount: string }[];
  /** Expenditure by 功能分类 项, with the 类 it belongs to; basic + project = 决算数. */
  expenditure: { classCode: string; className: string; budget: string | null; basic: string; project: string }[];
  /** Projects of the year: their 全年预算数 and 全年执行数 over all fund sources. */
  projects: { budget: string; executed: string }[];
};


const wan = (yuan: Decimal | string) => `${formatWan(yuan)}万元`;
const share = (part: Decimal | string, whole: Decimal) => `${formatPercent(part, whole)}%`;
/** A share computed by lib/year-figures ("—" when its whole is zero). */
const shown = (pct: string | null) => `${pct ?? "—"}%`;

/** 1.1 机构组成: the sub-units, their kinds and which keep budgets of their own. */
function organization(d: OverallDraftInput): string {
  const units = d.subUnits;
  // No sub-units recorded is not the same as "none": say nothing.
  if (units.length === 0) return "";
  const institutions = units.every((u) => u.unitKind !== "ADMINISTRATIVE");
  const offices = units.every((u) => u.unitKind === "ADMINISTRATIVE");
  const noun = institutions ? "事业单位" : offices ? "行政单位" : "单位";
  const kinds = units.map((u) => `${u.name}为${UNIT_KIND_LABELS[u.unitKind]}`).join("，");
  const first = `${d.shortName}下属${noun}${units.length}个，${units.length > 1 ? "其中" : ""}${kinds}。`;
  const budgetUnits = units.filter((u) => u.isBudgetUnit);
  const second = budgetUnits.length === 0 ? "无二级预算单位。" : `二级预算单位${budgetUnits.length}个：${budgetUnits.map((u) => u.name).join("、")}。`;
  return first + second;
}

/** "其中行政编制15名，事业编制10名" — only the counts that are known. */
function breakdown(g: StaffGroup, labels: [string, string, string], unit: string): string[] {
  return (
    [
      [labels[0], g.administrative],
      [labels[1], g.institution],
      [labels[2], g.logistics],
    ] as const
  )
    .filter(([, n]) => n != null)
    .map(([label, n]) => `${label}${n}${unit}`);
}

/** 1.3 人员概况: 编制, 在职 and 退休 as far as they are recorded. */
function staffing(d: OverallDraftInput): string {
  const { authorized, actual, retired } = d.staffing;
  const parts: string[] = [];
  const a = breakdown(authorized, ["行政编制", "事业编制", "工勤编制"], "名");
  if (authorized.total != null) parts.push(`总编制${authorized.total}名${a.length ? `，其中${a.join("，")}` : ""}`);
  else if (a.length) parts.push(`核定${a.join("，")}`);
  const b = breakdown(actual, ["行政人员", "事业人员", "工勤人员"], "人");
  let inService = "";
  if (actual.total != null) inService = `在职人员总数${actual.total}人${b.length ? `，其中${b.join("，")}` : ""}`;
  else if (b.length) inService = `在职${b.join("，")}`;
  const tail = [inService, retired != null ? `退休人员${retired}人` : ""].filter(Boolean).join("；");
  if (tail) parts.push(tail);
  if (parts.length === 0) return "";
  return `${d.shortName}${parts.join("。")}。`;
}

/** 2.1 收入: the year's income and its sources with their shares. */
function income(d: OverallDraftInput, f: YearFigures): string {
  if (d.income.length === 0) return "";
  const total = f.income.total;
  const order = Object.keys(INCOME_SOURCE_LABELS);
  const lines = f.income.bySource
    .filter((l) => l.amount != null && !l.amount.isZero())
    .sort((x, y) => order.indexOf(x.source) - order.indexOf(y.source))
    .map((l) => `${INCOME_SOURCE_LABELS[l.source as IncomeSource] ?? l.source}${wan(l.amount ?? "0")}，占${shown(l.share)}`);
  const head = `${d.year}年本年收入合计${wan(total)}`;
  return total.isZero() || lines.length === 0 ? `${head}。` : `${head}，其中：${lines.join("；")}。`;
}

/** 一般公共服务支出 → 一般公共服务（类）支出, as the document names a 类. */
function className(name: string): string {
  return `${classLabel(name)}支出`;
}

/** 2.2 支出: total, 基本/项目, by 功能分类 类, budget completion, projects. */
function expenditure(d: OverallDraftInput, f: YearFigures): string {
  const paragraphs: string[] = [];
  const lines = d.expenditure;
  if (lines.length > 0) {
    const { total, basic, project } = f.expenditure;
    const head = `${d.year}年本年支出合计${wan(total)}`;
    if (total.isZero()) {
      paragraphs.push(`${head}。`);
    } else {
      paragraphs.push(`${head}，其中：基本支出${wan(basic)}，占${shown(f.expenditure.basicShare)}；项目支出${wan(project)}，占${shown(f.expenditure.projectShare)}。`);
      const byClass = f.byClass.filter((c) => !c.amount.isZero()).map((c) => `${className(c.name)}${wan(c.amount)}，占${shown(c.share)}`);
      if (byClass.length) paragraphs.push(`按支出功能分类：${byClass.join("；")}。`);
    }
    const { count, budget, spent, completion } = f.budgeted;
    if (count > 0 && !budget.isZero()) {
      const rate = `${wan(spent)}，完成预算${shown(completion)}`;
      paragraphs.push(
        count === lines.length
          ? `全年预算数${wan(budget)}，支出决算数${rate}。`
          : `已填报预算数的支出科目${count}个，预算数合计${wan(budget)}，支出决算数${rate}。`,
      );
    }
  }
  if (d.projects.length > 0) {
    const budget = sum(d.projects.map((p) => p.budget));
    const executed = sum(d.projects.map((p) => p.executed));
    const rate = budget.isZero() ? "" : `，预算执行率${share(executed, budget)}`;
    paragraphs.push(`本年度实施项目${d.projects.length}个，全年预算数合计${wan(budget)}，全年执行数合计${wan(executed)}${rate}。`);
  }
  return paragraphs.join("\n");
}

/** The draft of every data section; "" where the data says nothing. */
export function draftOverallSections(input: OverallDraftInput): OverallDraft {
  const f = computeYearFigures({
    income: input.income,
    lines: input.expenditure.map((l) => ({ code: l.classCode, classCode: l.classCode, className: l.className, basic: l.basic, project: l.project, budget: l.budget })),
    openingBalance: null,
    threePublic: [],
  });
  return { "1.1": organization(input), "1.3": staffing(input), "2.1": income(input, f), "2.2": expenditure(input, f) };
}
