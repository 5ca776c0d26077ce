/** The open-data tables of the projects, their indicators and the glossary (see ./tables). */
import type { YearDocument } from "@/features/publication/year-document";
import { fixed2 } from "@/lib/money";
import type { StandardTable } from "./table-model";

export function projectsTable(doc: YearDocument): StandardTable {
  return {
    id: "projects",
    title: "项目绩效目标完成情况表（项目及资金）",
    unit: "万元",
    standard: false,
    columns: [
      { key: "table", header: "表号", kind: "count", width: 6 },
      { key: "name", header: "项目名称", kind: "text", width: 26 },
      { key: "budgetUnit", header: "预算单位", kind: "text", width: 12 },
      { key: "budget", header: "预算数", kind: "amount", width: 10 },
      { key: "executed", header: "执行数", kind: "amount", width: 10 },
      { key: "fiscalBudget", header: "其中：财政拨款预算数", kind: "amount", width: 12 },
      { key: "fiscalExecuted", header: "其中：财政拨款执行数", kind: "amount", width: 12 },
      { key: "otherBudget", header: "其它资金预算数", kind: "amount", width: 10 },
      { key: "otherExecuted", header: "其它资金执行数", kind: "amount", width: 10 },
      { key: "goalExpected", header: "年度目标：预期目标", kind: "text", width: 50 },
      { key: "goalActual", header: "年度目标：实际完成目标", kind: "text", width: 50 },
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
      { key: "table", header: "表号", kind: "count", width: 6 },
      { key: "project", header: "项目名称", kind: "text", width: 24 },
      { key: "level1", header: "一级指标", kind: "text", width: 14 },
      { key: "level2", header: "二级指标", kind: "text", width: 12 },
      { key: "name", header: "三级指标", kind: "text", width: 36 },
      { key: "expected", header: "预期指标值", kind: "text", width: 40 },
      { key: "actual", header: "实际完成指标值", kind: "text", width: 40 },
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
      { key: "no", header: "序号", kind: "count", width: 6 },
      { key: "term", header: "名词", kind: "text", width: 30 },
      { key: "definition", header: "解释", kind: "text", width: 90 },
    ],
    rows: doc.glossary.map((g, i) => ({ cells: { no: i + 1, term: g.term, definition: g.definition } })),
    notes: [],
  };
}
