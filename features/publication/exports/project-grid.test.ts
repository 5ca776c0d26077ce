import { describe, expect, it } from "vitest";
import { projectAmountText, projectGrid, type ProjectRow } from "./project-grid";

const project = (indicators: number): ProjectRow =>
  ({
    table: 2,
    name: "全市综合执法改革",
    budgetUnit: "市委编办",
    budget: "18",
    executed: "17.5",
    fiscalBudget: "18",
    fiscalExecuted: "17.5",
    otherBudget: "0",
    otherExecuted: "",
    goalExpected: "制定方案",
    goalActual: "已出台",
    indicators: Array.from({ length: indicators }, (_, i) => ({ level1: "产出指标", level2: "数量指标", name: `指标${i}`, expected: "4期", actual: "4期" })),
    selfEvaluationReportId: null,
  }) as ProjectRow;

/** For each row, which of the six grid columns its own cells and the spans from rows above cover. */
function coverage(rows: ReturnType<typeof projectGrid>["rows"]): number[][] {
  const covered = rows.map(() => [] as number[]);
  rows.forEach((r, i) => {
    for (const c of r.cells) {
      for (let y = i; y < i + c.rowSpan; y++) for (let x = c.col; x < c.col + c.colSpan; x++) covered[y]!.push(x);
    }
  });
  return covered.map((cols) => cols.sort((a, b) => a - b));
}

describe("项目绩效目标完成情况表 grid", () => {
  it.each([0, 1, 5])("covers each of the six columns of every row exactly once (%i indicators)", (n) => {
    const grid = projectGrid(project(n), 2020);
    expect(grid.rows).toHaveLength(8 + n);
    for (const cols of coverage(grid.rows)) expect(cols).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("prints the seed's labels and title", () => {
    const grid = projectGrid(project(1), 2020);
    expect([grid.title, grid.subtitle]).toEqual(["项目绩效目标完成情况表2", "(2020年度)"]);
    const texts = grid.rows.flatMap((r) => r.cells.filter((c) => c.kind !== "text" && c.kind !== "amount").map((c) => c.text));
    expect(texts).toEqual([
      "项目名称", "预算单位", "预算执行情况(万元)", "预算数:", "执行数:", "其中-财政拨款:", "其中-财政拨款:", "其它资金:", "其它资金:",
      "年度目标完成情况", "预期目标", "实际完成目标", "绩效指标完成情况", "一级指标", "二级指标", "三级指标", "预期指标值(包含数字及文字描述)", "实际完成指标值(包含数字及文字描述)",
    ]);
  });

  it("prints amounts as the seed does", () => {
    expect(["18", "17.5", "0", "0.00", ""].map(projectAmountText)).toEqual(["18万", "17.5万", "0", "0", "—"]);
  });
});
