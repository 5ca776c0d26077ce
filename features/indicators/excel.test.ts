import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { EXAMPLE_PREFIX, MAX_IMPORT_ROWS } from "./excel/columns";
import { type ExcelFramework } from "./excel/framework";
import { parseIndicatorWorkbook } from "./excel/parser";
import { buildIndicatorTemplate } from "./excel/template";
import { GOOD_ROWS } from "@/tests/fixtures/indicator-workbooks";
import { FW, HEADER, Line, GOOD, fillTemplate, plainWorkbook, errorsOf, withCell } from "./excel.fixtures";

describe("buildIndicatorTemplate", () => {
  it("has the header, the instructions sheet, dropdowns and one example row per 一级 group", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildIndicatorTemplate(FW)) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ["绩效指标", "visible"],
      ["填写说明", "visible"],
      ["选项", "hidden"],
    ]);
    const ws = wb.getWorksheet("绩效指标")!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(HEADER);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });

    // one example per group, in the group's first 二级, marked so that import skips it
    const examples = [2, 3, 4].map((r) => [ws.getCell(r, 1).value, ws.getCell(r, 2).value, String(ws.getCell(r, 3).value).startsWith(EXAMPLE_PREFIX)]);
    expect(examples).toEqual([
      ["项目完成指标", "数量指标", true],
      ["效益指标", "经济效益", true],
      ["满意度指标", "满意度指标", true],
    ]);
    expect(ws.getCell(5, 3).value).toBeNull();

    // dropdowns: 一级 and 二级 from the framework (hidden options sheet), 指标性质, 是否适用
    expect(ws.getCell("A2").dataValidation).toMatchObject({ type: "list", formulae: ["'选项'!$A$1:$A$3"] });
    expect(ws.getCell("B2").dataValidation.formulae[0]).toContain("MATCH($A2,'选项'!$A$1:$A$3,0)");
    expect(ws.getCell("D500").dataValidation).toMatchObject({ type: "list", formulae: ['"≥,≤,＝,定性"'] });
    expect(ws.getCell("L2").dataValidation).toMatchObject({ type: "list", formulae: ['"是,否"'] });
    expect(ws.getCell(`A${MAX_IMPORT_ROWS + 1}`).dataValidation).toBeDefined();
    const options = wb.getWorksheet("选项")!;
    expect((options.getRow(1).values as unknown[]).slice(1)).toEqual(["项目完成指标", "数量指标", "质量指标", "时效指标", "成本指标"]);
    expect((options.getRow(3).values as unknown[]).slice(1)).toEqual(["满意度指标", "满意度指标"]);

    const guide = wb.getWorksheet("填写说明")!;
    const guideText = guide.getSheetValues().flat().filter((v) => typeof v === "string").join("\n");
    for (const h of HEADER) expect(guideText).toContain(h);
    expect(guideText).toContain("项目完成指标（50分）");
    expect(guideText).toContain("【示例】");
  });

  it("an untouched template imports nothing: the examples are skipped", async () => {
    const errors = await errorsOf(await buildIndicatorTemplate(FW));
    expect(errors).toEqual([{ row: 0, column: "", cell: "", message: "工作表“绩效指标”的表头（第1行）下没有指标数据" }]);
  });
});

// ───────────────────────────── parsing good files ─────────────────────────────

describe("parseIndicatorWorkbook — good files", () => {
  it("template → filled rows → IndicatorRowInput, in file order", async () => {
    const r = await parseIndicatorWorkbook(await fillTemplate(GOOD), FW);
    expect(r).toEqual({ ok: true, rows: GOOD_ROWS });
  });

  it("skips the example rows and blank rows when rows are added below them", async () => {
    const r = await parseIndicatorWorkbook(await fillTemplate([...GOOD.slice(0, 2), [], ...GOOD.slice(2)], { start: 6, keepExamples: true }), FW);
    expect(r).toEqual({ ok: true, rows: GOOD_ROWS });
  });

  it("reads percent cells as percent numbers: 0.95 shown as 95% is 95", async () => {
    const pct = (v: number, numFmt = "0%") => ({ value: v, numFmt });
    const lines: Line[] = [
      // unit % given
      ["项目完成指标", "质量指标", "合格率", "≥", pct(0.95), "%", "", pct(0.9825, "0.00%"), "", 25, null, "是", "个别批次返工"],
      // unit blank → %
      ["项目完成指标", "质量指标", "覆盖率", "≥", pct(1), "", "", pct(1), "", 25, null, "是", ""],
      ["效益指标", "社会效益", "知晓率", "≥", "80%", "", "", "85％", "", 30, null, "", ""],
      ["满意度指标", "满意度指标", "满意度", "≥", pct(0.9), "％", "", pct(0.935, "0.0%"), "", 10, null, "", ""],
    ];
    const r = await parseIndicatorWorkbook(await fillTemplate(lines), FW);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.rows.map((x) => [x.targetValue, x.actualValue, x.unit])).toEqual([
      ["95", "98.25", "%"],
      ["100", "100", "%"],
      ["80", "85", "%"],
      ["90", "93.5", "％"],
    ]);
  });

  it("accepts the usual spellings of 指标性质, 是否适用 and numbers written as text", async () => {
    const lines: Line[] = [
      ["项目完成指标", "数量指标", "A", ">=", "1,200", "人次", "", "1200", "", "10", null, "Y", ""],
      ["项目完成指标", "数量指标", "B", "正向", "≥ 5", "个", "", 5, "", "10分", null, "适用", ""],
      ["项目完成指标", "时效指标", "C", "反向", 12, "月", "", 12, "", 10, null, "是", ""],
      ["项目完成指标", "时效指标", "D", "<=", 3, "天", "", 3, "", 10, null, "是", ""],
      ["项目完成指标", "成本指标", "E", "＝", "18万元", "", "", 18, "", 10, null, "否", ""],
      ["效益指标", "社会效益", "F", "", "≥90", "%", "", 95, "", 30, null, "", ""],
      ["满意度指标", "满意度指标", "G", "定性", "较高", "", "说明", "高", "很高", 10, "9.5", "是", "个别对象不满意"],
    ];
    const r = await parseIndicatorWorkbook(await fillTemplate(lines), FW);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.rows.map((x) => [x.name, x.nature, x.targetValue, x.unit, x.weight, x.applicable])).toEqual([
      ["A", "GTE", "1200", "人次", "10", true],
      ["B", "GTE", "5", "个", "10", true],
      ["C", "LTE", "12", "月", "10", true],
      ["D", "LTE", "3", "天", "10", true],
      ["E", "EQ", "18", "万元", "10", false],
      ["F", "GTE", "90", "%", "30", true],
      ["G", "QUALITATIVE", "", "", "10", true],
    ]);
    // A qualitative row takes its texts from the value columns, joined with the description columns.
    expect(r.rows[6]).toMatchObject({ targetText: "较高\n说明", actualText: "高\n很高", manualScore: "9.5" });
  });

  it("finds the header below a title row, with columns in another order, and reads merged 一级 cells", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("指标表");
    ws.addRow(["某项目绩效指标"]);
    ws.addRow(["一级指标", "二级指标", "三级指标", "指标性质", "分值", "计量单位", "指标值", "实际完成值"]);
    ws.addRow(["项目完成指标", "数量指标", "培训人次", "≥", 50, "人次", 200, 200]);
    ws.addRow([null, "时效指标", "完成时限", "≤", 0, "月", 12, 12]);
    ws.mergeCells("A3:A4");
    ws.addRow(["效益指标", "社会效益", "知晓度", "定性", 30, null, "提升", "达到"]);
    ws.addRow(["满意度指标", "满意度指标", "满意度", "≥", 10, "%", 90, 90]);
    const r = await parseIndicatorWorkbook(Buffer.from(await wb.xlsx.writeBuffer()), FW);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.rows.map((x) => [x.level1Id, x.level2Id, x.name, x.weight])).toEqual([
      ["g-out", "l-num", "培训人次", "50"],
      ["g-out", "l-time", "完成时限", "0"],
      ["g-eff", "l-soc", "知晓度", "30"],
      ["g-sat", "l-sat", "满意度", "10"],
    ]);
  });

  it("round-trips a template pre-filled with rows (ids kept, duplicates made new)", async () => {
    const rows = GOOD_ROWS.map((r, i) => ({ ...r, id: `ind-${i}` }));
    const buffer = await buildIndicatorTemplate(FW, { rows });
    expect(await parseIndicatorWorkbook(buffer, FW)).toEqual({ ok: true, rows });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet("绩效指标")!;
    expect(ws.getColumn(14).hidden).toBe(true);
    expect(ws.getCell("N1").value).toBe("行标识");
    // A copied row keeps the id of the original once only.
    ws.getCell("N3").value = "ind-0";
    const again = await parseIndicatorWorkbook(Buffer.from(await wb.xlsx.writeBuffer()), FW);
    if (!again.ok) throw new Error(JSON.stringify(again.errors));
    expect(again.rows.map((r) => r.id)).toEqual(["ind-0", undefined, "ind-2", "ind-3", "ind-4"]);
  });

  it("reads formula results, and reports formula errors on their cell", async () => {
    const formulas = withCell(0, 9, { value: { formula: "10+10", result: 20 }, numFmt: "0.00" });
    const r = await parseIndicatorWorkbook(await fillTemplate(formulas), FW);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.rows[0]!.weight).toBe("20");
    const broken = withCell(0, 4, { value: { formula: "1/0", result: { error: "#DIV/0!" } }, numFmt: "General" });
    expect((await errorsOf(await fillTemplate(broken))).map((e) => e.message)).toEqual(["E2：指标值的公式结果为错误值 #DIV/0!"]);
  });

  it("without points in the framework, checks rows but not the table rules", async () => {
    const bare: ExcelFramework = { groups: FW.groups.map((g) => ({ id: g.id, name: g.name, level2: g.level2 })) };
    const r = await parseIndicatorWorkbook(await fillTemplate(withCell(0, 9, 5)), bare);
    expect(r.ok).toBe(true);
  });
});

// ───────────────────────────── errors ─────────────────────────────

describe("parseIndicatorWorkbook — errors", () => {
  it("unknown 一级指标", async () => {
    const errors = await errorsOf(await fillTemplate(withCell(1, 0, "产出指标")));
    expect(errors).toEqual([
      { row: 3, column: "一级指标", cell: "A3", message: "A3：一级指标“产出指标”不在本项目的指标体系中（应为：项目完成指标、效益指标、满意度指标）" },
    ]);
  });

  it("二级指标 not under the row's 一级指标", async () => {
    const errors = await errorsOf(await fillTemplate(withCell(0, 1, "社会效益")));
    expect(errors).toEqual([
      { row: 2, column: "二级指标", cell: "B2", message: "B2：二级指标“社会效益”不属于一级指标“项目完成指标”（它属于一级指标“效益指标”）" },
    ]);
    const unknown = await errorsOf(await fillTemplate(withCell(0, 1, "人数指标")));
    expect(unknown[0]?.message).toBe("B2：二级指标“人数指标”不属于一级指标“项目完成指标”（可选：数量指标、质量指标、时效指标、成本指标）");
  });

  it("a value that is not a number", async () => {
    const errors = await errorsOf(await fillTemplate(withCell(0, 4, "约两百")));
    expect(errors).toEqual([
      { row: 2, column: "指标值", cell: "E2", message: "E2：指标值“约两百”不是数字：定量指标的指标值请填写数字，文字说明请填在“指标值说明”列" },
    ]);
    const actual = await errorsOf(await fillTemplate(withCell(4, 7, "基本满意")));
    expect(actual.map((e) => e.message)).toEqual(["H6：实际完成值“基本满意”不是数字：定量指标的实际完成值请填写数字，文字说明请填在“实际完成情况”列"]);
    const weight = await errorsOf(await fillTemplate(withCell(0, 9, "二十")));
    expect(weight.map((e) => e.message)).toEqual(["J2：分值“二十”不是数字，请填写0到100之间的数字"]);
  });

  it("too many decimals (schema rule) is reported on the cell", async () => {
    const errors = await errorsOf(await fillTemplate(withCell(0, 4, 200.12345)));
    expect(errors.map((e) => e.message)).toEqual(["E2：指标值必须是数字（最多4位小数）"]);
  });

  // Issue #13: a unit is required only where the target is written with one. (Before, every
  // quantitative row needed a unit, which refused bare-number targets offices print, e.g. "≤12".)
  it("a quantitative target given as a bare number needs no unit; one printed with a unit does", async () => {
    const bare = await parseIndicatorWorkbook(await fillTemplate(withCell(2, 5, "")), FW);
    if (!bare.ok) throw new Error(JSON.stringify(bare.errors));
    expect(bare.rows[2]).toMatchObject({ name: "完成时限", targetValue: "12", unit: "" });
    const printed = withCell(2, 5, "").map((l, i) => (i === 2 ? l.map((v, c) => (c === 6 ? "≤12个月" : v)) : l));
    const errors = await errorsOf(await fillTemplate(printed));
    expect(errors).toEqual([{ row: 4, column: "计量单位", cell: "F4", message: "F4：指标值说明“≤12个月”带有计量单位“个月”，请在计量单位中填写" }]);
  });

  it("a percent cell whose unit is not %", async () => {
    const errors = await errorsOf(await fillTemplate(withCell(0, 4, { value: 0.95, numFmt: "0%" })));
    expect(errors.map((e) => e.message)).toEqual(["E2：指标值“95%”的单位“%”与计量单位“人次”不一致（单元格为百分比格式时，计量单位应为 %）"]);
  });

  it("weights that do not add up to the group's points, naming the 分值 cells", async () => {
    const errors = await errorsOf(await fillTemplate(withCell(1, 9, 10)));
    expect(errors).toEqual([{ row: 2, column: "分值", cell: "J2:J4", message: "J2:J4：“项目完成指标”各指标分值之和为45，应为50" }]);
  });

  it("a shortfall without 偏差原因分析及改进措施", async () => {
    const errors = await errorsOf(await fillTemplate(withCell(0, 7, 180)));
    expect(errors).toEqual([{ row: 2, column: "偏差原因分析及改进措施", cell: "M2", message: "M2：未达到指标值，请填写偏差原因分析及改进措施" }]);
  });

  it("bad 指标性质 and 是否适用", async () => {
    const errors = await errorsOf(await fillTemplate(withCell(0, 3, "越多越好").map((l, i) => (i === 1 ? l.map((v, c) => (c === 11 ? "也许" : v)) : l))));
    expect(errors.map((e) => e.message)).toEqual(["D2：指标性质“越多越好”无法识别，请填写 ≥、≤、＝ 或 定性", "L3：是否适用“也许”无法识别，请填写“是”或“否”"]);
  });

  it("collects every error of the file, in row and column order, and returns no rows", async () => {
    const lines = GOOD.map((l) => [...l]);
    lines[0]![0] = "产出指标"; // A2
    lines[1]![1] = "社会效益"; // B3
    lines[2]![4] = "十二"; // E4
    lines[2]![5] = ""; // F4: missing unit (the printed target below carries one), checked apart from E4
    lines[2]![6] = "≤12月";
    lines[4]![2] = ""; // C6
    const errors = await errorsOf(await fillTemplate(lines));
    expect(errors.map((e) => e.cell)).toEqual(["A2", "B3", "E4", "F4", "C6"]);
    expect(errors.map((e) => e.column)).toEqual(["一级指标", "二级指标", "指标值", "计量单位", "三级指标"]);
    expect(errors.find((e) => e.cell === "C6")?.message).toBe("C6：请填写三级指标");
  });

  it("a letter inside a number is reported once, as 不是数字", async () => {
    const errors = await errorsOf(await fillTemplate(withCell(0, 4, "5O")));
    expect(errors.map((e) => e.message)).toEqual(["E2：指标值“5O”不是数字：含有字母“O”（字母“O”应为数字“0”？）"]);
    const withUnit = await errorsOf(await fillTemplate(withCell(0, 4, "≥2O0人次")));
    expect(withUnit).toHaveLength(1);
    expect(withUnit[0]?.message).toContain("不是数字");
  });

  it("“12个月内完成” is words: refused for a quantitative row with the reason, kept for a qualitative one", async () => {
    const errors = await errorsOf(await fillTemplate(withCell(2, 4, "12个月内完成")));
    expect(errors.map((e) => e.message)).toEqual(["E4：指标值“12个月内完成”不是数字：定量指标的指标值请填写数字，文字说明请填在“指标值说明”列"]);
    const lines = withCell(2, 3, "定性").map((l, i) => (i === 2 ? l.map((v, c) => (c === 4 ? "12个月内完成" : c === 5 ? "" : c === 7 ? "已完成" : c === 10 ? 15 : v)) : l));
    const r = await parseIndicatorWorkbook(await fillTemplate(lines), FW);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.rows[2]).toMatchObject({ nature: "QUALITATIVE", targetText: "12个月内完成", unit: "" });
  });

  it("a “/” row is not applicable and needs no 分值; a qualitative row may have no written target", async () => {
    const lines: Line[] = [
      ...GOOD.map((l) => [...l]),
      ["项目完成指标", "成本指标", "项目成本控制", "≤", "/", "", "", "/", "", "/", null, "", ""],
      ["效益指标", "社会效益", "社会影响", "定性", "", "", "", "", "", "", null, "否", ""],
    ];
    const r = await parseIndicatorWorkbook(await fillTemplate(lines), FW);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.rows.slice(5).map((x) => [x.name, x.applicable, x.weight, x.targetValue])).toEqual([
      ["项目成本控制", false, "", ""],
      ["社会影响", false, "", ""],
    ]);
  });

  it("a file that is not an xlsx", async () => {
    expect(await errorsOf(Buffer.from("一级指标,二级指标\n项目完成指标,数量指标\n", "utf8"))).toEqual([
      { row: 0, column: "", cell: "", message: "文件不是有效的 Excel（.xlsx）文件，请下载导入模板填写后再导入" },
    ]);
    expect((await errorsOf(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])))[0]?.message).toContain(".xls");
    expect((await errorsOf(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 7)])))[0]?.message).toContain("无法读取文件");
    expect(await errorsOf(Buffer.alloc(0))).toEqual([{ row: 0, column: "", cell: "", message: "文件为空，请选择填写好的 Excel（.xlsx）文件" }]);
  });

  it("a workbook without a recognizable header", async () => {
    const errors = await errorsOf(await plainWorkbook([["姓名", "年龄"], ["张三", 30]]));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toBe("未找到指标表头：文件中没有包含“一级指标、二级指标、三级指标、指标性质、指标值”等列名的表头行，请下载并使用系统提供的导入模板");
  });

  it("a header missing required columns names them", async () => {
    const errors = await errorsOf(await plainWorkbook([["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值"], ["项目完成指标", "数量指标", "x", 1, 1]]));
    expect(errors).toEqual([{ row: 1, column: "", cell: "Sheet1!1:1", message: "工作表“Sheet1”第1行的表头缺少“指标性质”列，请使用系统提供的导入模板" }]);
  });

  it("a file over 5 MB", async () => {
    const big = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(5 * 1024 * 1024)]);
    const errors = await errorsOf(big);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/^文件超过5 MB/);
  });

  it(`more than ${MAX_IMPORT_ROWS} rows`, async () => {
    // The required columns only, to keep the file quick to write.
    const rows: ExcelJS.CellValue[][] = [HEADER.slice(0, 5), ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, () => ["项目完成指标", "数量指标", "x", "≥", 1])];
    const errors = await errorsOf(await plainWorkbook(rows));
    expect(errors).toEqual([{ row: 0, column: "", cell: "", message: `行数超过上限：每次最多导入${MAX_IMPORT_ROWS}行指标，请分批导入` }]);
  }, 30_000);
});

// ───────────────────────────── the 自评表 ─────────────────────────────
