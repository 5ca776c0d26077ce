/** The open-data tables of the projects, their indicators and the glossary (see ./tables). */
import type { YearDocument } from "@/features/publication/year-document";
import { fixed2 } from "@/lib/money";
import { col, type StandardTable } from "./table-model";

export function projectsTable(doc: YearDocument): StandardTable {
  return {
    id: "projects",
    title: "项目绩效目标完成情况表（项目及资金）",
    unit: "万元",
    standard: false,
    columns: [
      col("table", "表号", "count", 6),
      col("name", "项目名称", "text", 26),
      col("budgetUnit", "预算单位", "text", 12),
      col("budget", "预算数", "amount", 10),
      col("executed", "执行数", "amount", 10),
      col("fiscalBudget", "其中：财政拨款预算数", "amount", 12),
      col("fiscalExecuted", "其中：财政拨款执行数", "amount", 12),
      col("otherBudget", "其它资金预算数", "amount", 10),
      col("otherExecuted", "其它资金执行数", "amount", 10),
      col("goalExpected", "年度目标：预期目标", "text", 50),
      col("goalActual", "年度目标：实际完成目标", "text", 50),
    ],
    rows: doc.projects.map((p) => ({
      cells: {
        table: p.table,
        name: p.name,
        budgetUnit: p.budgetUnit,
        budget: fixed2(p.budget),
        executed: fixed2(p.executed),
        fiscalBudget: fixed2(p.fiscalBudget),
        fiscalExecuted: fixed2(p.fiscalExecuted),
        otherBudget: fixed2(p.otherBudget),
        otherExecuted: fixed2(p.otherExecuted),
        goalExpected: p.goalExpected,
        goalActual: p.goalActual,
      },
    })),
    notes: [],
  };
}

export function projectIndicatorsTable(doc: YearDocument): StandardTable {
  return {
    id: "project-indicators",
    title: "项目绩效目标完成情况表（绩效指标）",
    unit: "",
    standard: false,
    columns: [
      col("table", "表号", "count", 6),
      col("project", "项目名称", "text", 24),
      col("level1", "一级指标", "text", 14),
      col("level2", "二级指标", "text", 12),
      col("name", "三级指标", "text", 36),
      col("expected", "预期指标值", "text", 40),
      col("actual", "实际完成指标值", "text", 40),
    ],
    rows: doc.projects.flatMap((p) => p.indicators.map((i) => ({ cells: { table: p.table, project: p.name, level1: i.level1, level2: i.level2, name: i.name, expected: i.expected, actual: i.actual } }))),
    notes: [],
  };
}

export function glossaryTable(doc: YearDocument): StandardTable {
  return {
    id: "glossary",
    title: "名词解释",
    unit: "",
    standard: false,
    columns: [
      col("no", "序号", "count", 6),
      col("term", "名词", "text", 30),
      col("definition", "解释", "text", 90),
    ],
    rows: doc.glossary.map((g, i) => ({ cells: { no: i + 1, term: g.term, definition: g.definition } })),
    notes: [],
  };
}
