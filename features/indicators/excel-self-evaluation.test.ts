/** The 自评表 export and its exact scores (continued from excel.test.ts: the template and the import parser). */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { computeSelfEvaluationScore } from "@/features/scoring/score";
import { toScoreInput } from "@/features/projects/score-input";
import { parseIndicatorWorkbook } from "./excel/parser";
import { buildSelfEvaluationWorkbook } from "./excel/self-evaluation";
import { D, demoProject, GOOD_ROWS } from "@/tests/fixtures/indicator-workbooks";
import { FW } from "./excel.fixtures";

describe("buildSelfEvaluationWorkbook", () => {
  it("writes the 自评表 in the standard layout", async () => {
    const project = demoProject();
    const score = computeSelfEvaluationScore(toScoreInput(project));
    // by hand: 执行率 16.2 / 18 = 90 % → 9.00; indicators 20 + 15 + 15 + 30 + 10 = 90 → total 99.00, 优
    expect([score.total, score.grade]).toEqual(["99.00", "优"]);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildSelfEvaluationWorkbook(project, score)) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["自评表", "绩效指标", "填写说明", "选项"]);
    const ws = wb.getWorksheet("自评表")!;
    const v = (a: string) => ws.getCell(a).value;

    expect(v("A1")).toBe("项目支出绩效自评表（2020年度）");
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9, fitToPage: true });
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    expect([v("A3"), v("B3"), v("A4"), v("B4"), v("F4"), v("G4")]).toEqual(["项目名称", "全市综合执法改革", "主管部门", "中共广元市委机构编制委员会办公室", "实施单位", "市委编办"]);

    // 项目资金（万元）
    expect(v("A5")).toBe("项目资金\n（万元）");
    expect(["D5", "E5", "F5", "G5", "H5", "I5"].map(v)).toEqual(["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]);
    expect(["B6", "D6", "E6", "F6", "G6", "H6", "I6"].map(v)).toEqual(["年度资金总额", 18, 18, 16.2, 10, 0.9, 9]);
    expect(["D6", "E6", "F6", "G6", "I6"].map((a) => ws.getCell(a).numFmt)).toEqual(["0.00", "0.00", "0.00", "0.00", "0.00"]);
    expect(ws.getCell("H6").numFmt).toBe("0.00%");
    expect(["B7", "E7", "B8", "E8", "B9", "E9", "H7"].map(v)).toEqual(["其中：本年财政拨款", 18, "上年结转资金", 0, "其他资金", 0, "—"]);
    // what a reader sees: 18.00 (value 18 formatted 0.00)
    expect(`${(v("E6") as number).toFixed(2)}`).toBe("18.00");

    // 年度总体目标
    expect([v("A10"), v("B10"), v("G10"), v("B11"), v("G11")]).toEqual(["年度总体目标", "预期目标", "实际完成情况", "完成全市综合行政执法改革。", "全面完成“5+1”领域综合行政执法改革。"]);

    // 绩效指标
    expect(["A12", "B12", "C12", "D12", "E12", "F12", "G12", "H12", "I12"].map(v)).toEqual([
      "绩效指标",
      "一级指标",
      "二级指标",
      "三级指标",
      "年度指标值",
      "实际完成值",
      "分值",
      "得分",
      "偏差原因分析及改进措施",
    ]);
    const indicatorRows = [13, 14, 15, 16, 17].map((r) => ["B", "C", "D", "E", "F", "G", "H"].map((c) => v(`${c}${r}`)));
    expect(indicatorRows).toEqual([
      ["项目完成指标", "数量指标", "培训人次", "≥200人次\n全年培训不少于200人次", "210人次", 20, 20],
      ["项目完成指标", "质量指标", "资料印发合格率", "≥100%", "100%", 15, 15],
      ["项目完成指标", "时效指标", "完成时限", "≤12月", "11月\n提前完成", 15, 15],
      ["效益指标", "社会效益", "政策知晓度", "明显提升", "达到预期", 30, 30],
      ["满意度指标", "满意度指标", "服务对象满意度", "≥90%", "95.5%", 10, 10],
    ]);
    // 一级 merged down over its consecutive rows; "绩效指标" over the header and the rows
    expect(ws.getCell("B14").isMerged && ws.getCell("B15").master.address).toBe("B13");
    expect(ws.getCell("B16").master.address).toBe("B16");
    expect(ws.getCell("A17").master.address).toBe("A12");

    // 总分 and 自评等级
    expect([v("A18"), v("G18"), v("H18"), v("A19"), v("G19")]).toEqual(["总分", 100, 99, "自评等级", "优"]);
    expect(ws.getCell("H18").numFmt).toBe("0.00");
    expect(ws.getCell("D13").border.left?.style).toBe("thin");
  });

  it("computes the score when none is given, and prints — when nothing can be scored", async () => {
    const project = { ...demoProject(), indicators: [], funding: [] };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildSelfEvaluationWorkbook(project)) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet("自评表")!;
    expect(["D6", "H6", "I6"].map((a) => ws.getCell(a).value)).toEqual([0, "—", "—"]);
    expect(ws.getCell("B13").value).toBe("（未填报绩效指标）");
    expect([ws.getCell("A14").value, ws.getCell("H14").value, ws.getCell("G15").value]).toEqual(["总分", "—", "—"]);
  });

  it("can be imported again: its 绩效指标 sheet parses back to the stored rows", async () => {
    const project = demoProject();
    const r = await parseIndicatorWorkbook(await buildSelfEvaluationWorkbook(project), FW);
    expect(r).toEqual({ ok: true, rows: GOOD_ROWS.map((x, i) => ({ ...x, id: `ind-${i}` })) });
  });
});

describe("exact scores in the 自评表", () => {
  it("notes the exact value where rounding reached a full mark (9.997 → 10.00)", async () => {
    const project = demoProject();
    // 执行率 179.94 / 180 = 99.9667 % → 9.99667 → 10.00 (not full)
    project.funding[0] = { source: "FISCAL", initialBudget: D("1800000"), annualBudget: D("1800000"), executed: D("1799400") };
    const score = computeSelfEvaluationScore(toScoreInput(project));
    expect(score.budgetExecution).toMatchObject({ score: "10.00", scoreExact: "9.99666666667" });
    expect(score.total).toBe("100.00");
    expect(score.totalExact).toBe("99.9966666667");

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildSelfEvaluationWorkbook(project, score)) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet("自评表")!;
    expect([ws.getCell("I6").value, ws.getCell("I6").note]).toEqual([10, "精确值 9.99666666667"]);
    const totalRow = ws.getRows(1, ws.rowCount)!.find((r) => r.getCell(1).value === "总分")!;
    expect([totalRow.getCell(8).value, totalRow.getCell(8).note]).toEqual([100, "精确值 99.9966666667"]);
    // A score that needed no rounding has no note.
    expect(ws.getCell("G6").note).toBeUndefined();
  });
});
