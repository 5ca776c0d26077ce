import { describe, expect, it } from "vitest";
import { buildNationalSelfEvaluation, TOWNSHIP_ROWS } from "@/tests/fixtures/national-self-evaluation";
import { FRAMEWORKS } from "@/prisma/seed/reference";
import { type NationalFramework, parseNationalSelfEvaluation } from "./national";

/** The seeded framework as the parser sees it, with ids made from the names. */
function frameworkOf(code: string): NationalFramework {
  const f = FRAMEWORKS.find((x) => x.code === code)!;
  return {
    budgetExecutionPoints: "10",
    groups: f.level1.map((l) => ({
      id: l.name,
      name: l.name,
      category: l.category,
      points: String(l.points),
      level2Ids: l.level2.map((x) => `${l.name}/${x}`),
      level2: l.level2.map((x) => ({ id: `${l.name}/${x}`, name: x })),
    })),
  };
}

describe("the national-layout 自评表 import", () => {
  it("finds the table by its headers, reads merged 一级/二级, '/' rows and the funding block, and previews printed vs computed 得分", async () => {
    const r = await parseNationalSelfEvaluation(await buildNationalSelfEvaluation(), frameworkOf("CY-2020-10"));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.preview.sheet).toBe("附件1");
    expect(r.preview.headerRow).toBe(12);
    expect(r.preview.funding).toEqual([
      { label: "年度资金总额", initial: "100", annual: "100", executed: "99.97" },
      { label: "当年财政拨款", initial: "100", annual: "100", executed: "99.97" },
      { label: "上年结转资金", initial: "0", annual: "0", executed: "0" },
      { label: "其他资金", initial: "0", annual: "0", executed: "0" },
    ]);
    expect(r.rows.map((x) => [x.level1Id, x.level2Id, x.name, x.nature, x.targetValue, x.unit, x.actualValue, x.weight, x.applicable])).toEqual([
      ["产出指标", "产出指标/数量指标", "养护里程", "GTE", "50", "公里", "52", "10", true],
      ["产出指标", "产出指标/数量指标", "桥梁检查座数", "GTE", "12", "座", "11", "10", true],
      ["产出指标", "产出指标/质量指标", "养护合格率", "GTE", "95", "%", "98", "10", true],
      ["产出指标", "产出指标/时效指标", "完成时限", "QUALITATIVE", "", "", "", "10", true],
      ["产出指标", "产出指标/成本指标", "养护成本", "LTE", "90", "万元", "89.97", "10", true],
      ["效益指标", "效益指标/社会效益指标", "群众出行条件", "QUALITATIVE", "", "", "", "15", true],
      ["效益指标", "效益指标/可持续影响指标", "长效管护机制", "QUALITATIVE", "", "", "", "15", true],
      ["效益指标", "效益指标/生态效益指标", "生态影响", "QUALITATIVE", "", "", "", "", false],
      ["满意度指标", "满意度指标/服务对象满意度指标", "群众满意度", "GTE", "90", "%", "96", "10", true],
    ]);
    expect(r.rows[3]).toMatchObject({ targetText: "12个月内完成", actualText: "按时完成", manualScore: "10" });
    // 11 of 12 bridges: computed 9.17, the office printed 10.
    const bridges = r.preview.rows[1]!;
    expect(bridges).toMatchObject({ printedScore: "10", computedScore: "9.17", differs: true });
    expect(r.preview.rows.filter((x) => x.differs).map((x) => x.name)).toEqual(["桥梁检查座数"]);
    expect(r.preview.printedTotal).toBe("100");
  });

  it("the township's variant (服务对象满意度 under 效益) goes into CY-2020-10-S as printed, and is refused by CY-2020-10 with one message", async () => {
    const file = await buildNationalSelfEvaluation({ rows: TOWNSHIP_ROWS, project: "农村户厕改造" });
    const r = await parseNationalSelfEvaluation(file, frameworkOf("CY-2020-10-S"));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.rows.map((x) => x.level2Id)).toContain("效益指标/服务对象满意度指标");
    expect(r.rows[2]).toMatchObject({ nature: "QUALITATIVE", targetText: "2022年10月底前" });
    const refused = await parseNationalSelfEvaluation(file, frameworkOf("CY-2020-10"));
    expect(refused.ok ? [] : refused.errors.map((e) => e.message)).toEqual([
      "C19：二级指标“服务对象满意度指标”不属于一级指标“效益指标”（可选：经济效益指标、社会效益指标、生态效益指标、可持续影响指标）",
    ]);
  });

  it("one wrong cell gives one message: '5O' is 不是数字", async () => {
    const file = await buildNationalSelfEvaluation({ edit: (ws) => (ws.getCell("F13").value = "5O公里") });
    const r = await parseNationalSelfEvaluation(file, frameworkOf("CY-2020-10"));
    expect(r.ok ? [] : r.errors.map((e) => e.message)).toEqual(["F13：实际完成值“5O公里”不是数字：含有字母“O”（字母“O”应为数字“0”？）"]);
  });

  it("weights that do not add up and a sheet without the header are explained", async () => {
    const wrong = await buildNationalSelfEvaluation({ edit: (ws) => (ws.getCell("G13").value = 5) });
    const r = await parseNationalSelfEvaluation(wrong, frameworkOf("CY-2020-10"));
    expect(r.ok ? [] : r.errors.map((e) => e.message)).toContain("“产出指标”各指标分值之和为45，应为50");
    const none = await buildNationalSelfEvaluation({ edit: (ws) => (ws.getCell("D12").value = "指标名称") });
    const n = await parseNationalSelfEvaluation(none, frameworkOf("CY-2020-10"));
    expect(n.ok ? "" : n.errors[0]!.message).toContain("没有找到自评表的绩效指标表头");
  });
});
