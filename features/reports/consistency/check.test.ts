import { describe, expect, it } from "vitest";
import { checkNarrative } from "./check";
import type { ProjectFigures } from "./types";
import { extractAmounts, extractPercents } from "@/lib/narrative-figures";
import { project18, one, brief, raws } from "./check.fixtures";

describe("extractAmounts", () => {
  it("finds only money: dates, counts, document numbers, ordinals and percentages are not money", () => {
    const text =
      "1．2020年召开会议5个，县区委编办、市级部门共200多人参会；市本级整合执法队伍12支，锁定行政执法编制330名，" +
      "根据（川编办发〔2019〕140号）要求，精简整合比例达67%，（二）经费预算9万元。";
    expect(raws(text)).toEqual(["9万元"]);
  });

  it("reads 万元 with or without blanks, decimals and totals", () => {
    const a = extractAmounts("预算9万元，全年预算18 万元，差旅费1.85万元，0.45万元，共计14.65万元");
    expect(a.map((x) => [x.raw, x.number, x.unit, x.wanYuan.toString(), x.approximate])).toEqual([
      ["9万元", "9", "万元", "9", false],
      ["18 万元", "18", "万元", "18", false],
      ["1.85万元", "1.85", "万元", "1.85", false],
      ["0.45万元", "0.45", "万元", "0.45", false],
      ["14.65万元", "14.65", "万元", "14.65", false],
    ]);
  });

  it("offsets refer to the original text", () => {
    const text = "经费预算9万元，年初预算18万元";
    for (const a of extractAmounts(text)) expect(text.slice(a.start, a.end)).toBe(a.raw);
  });

  it("counts bare 万 as money only in a money clause and not before a counting unit", () => {
    expect(raws("项目经费预算9万，于年初到位")).toEqual(["9万"]);
    expect(raws("执行18万")).toEqual(["18万"]);
    expect(raws("服务群众3万人次，发放资料1万份，培训3万余人")).toEqual([]);
    expect(raws("资金覆盖3万户")).toEqual([]);
    expect(raws("全市人口约9万")).toEqual([]); // no money word in the clause
  });

  it("converts 元 and 亿元 to 万元 exactly", () => {
    const a = extractAmounts("预算180000元，支出1,234,500元，投资0.5亿元，人均34.2元");
    expect(a.map((x) => [x.raw, x.unit, x.wanYuan.toString()])).toEqual([
      ["180000元", "元", "18"],
      ["1,234,500元", "元", "123.45"],
      ["0.5亿元", "亿元", "5000"],
      ["34.2元", "元", "0.00342"],
    ]);
    expect(raws("2021元旦前完成")).toEqual([]);
  });

  it("reads full-width digits and the full-width point (offsets and raw text stay original)", () => {
    const text = "经费预算９万元，全年预算１８．５万元，共计１８\u3000万元";
    const a = extractAmounts(text);
    expect(a.map((x) => [x.raw, x.number, x.wanYuan.toString()])).toEqual([
      ["９万元", "9", "9"],
      ["１８．５万元", "18.5", "18.5"],
      ["１８\u3000万元", "18", "18"],
    ]);
    for (const x of a) expect(text.slice(x.start, x.end)).toBe(x.raw);
  });

  it("marks approximate amounts", () => {
    const a = extractAmounts("约9万元，18万元左右，200多万元，资金18万余元，逾5万元，6万元");
    expect(a.map((x) => [x.raw, x.approximate])).toEqual([
      ["9万元", true],
      ["18万元", true],
      ["200多万元", true],
      ["18万余元", true],
      ["5万元", true],
      ["6万元", false],
    ]);
  });

  it("does not read numbers glued to other numbers or identifiers", () => {
    expect(raws("版本v2万元")).toEqual([]);
    expect(raws("1.2.3万元")).toEqual([]);
  });
});

describe("extractPercents", () => {
  it("reads % and ％ with their decimals", () => {
    const p = extractPercents("完成预算的100%，执行率99.1％，占8.18%，约95%");
    expect(p.map((x) => [x.raw, x.number, x.decimals, x.approximate])).toEqual([
      ["100%", "100", 0, false],
      ["99.1％", "99.1", 1, false],
      ["8.18%", "8.18", 2, false],
      ["95%", "95", 0, true],
    ]);
  });

  it("does not read 5+1 or ordinals as percentages", () => {
    expect(extractPercents("“5+1”领域，第3项")).toEqual([]);
  });
});

// ------------------------------------------------------------------ classification and comparison

describe("checkNarrative: budget and execution", () => {
  it("reports a budget that differs from 全年预算数", () => {
    expect(one("2020年某工作经费预算9万元，于年初市财政局预算批复时全部到位。")).toEqual([
      {
        severity: "warning",
        code: "AMOUNT_MISMATCH",
        sectionKey: "2.2.2",
        heading: "2．资金到位。",
        excerpt: "2020年某工作经费预算9万元，于年初市财政局预算批复时全部到位。",
        stated: "9万元",
        expected: "18.00万元（全年预算数）",
        message: "“2.资金到位”写明预算9万元，与项目全年预算数18.00万元不一致",
      },
    ]);
  });

  it("accepts agreeing statements, compared exactly (18 = 18.00 = 180000元)", () => {
    expect(one("全年预算18.00万元，执行数为18万元，预算180000元，下达资金18万元，到位18万元。")).toEqual([]);
  });

  it("compares exactly to the 分: 18.0001万元 ≠ 18万元", () => {
    expect(brief(one("全年预算18.0001万元"))).toEqual([
      { code: "AMOUNT_MISMATCH", stated: "18.0001万元", expected: "18.00万元（全年预算数）" },
    ]);
  });

  it("reports executed amounts with the keyword used", () => {
    const f = one("全年预算18万元，实际支出17.5万元，执行17万元。");
    expect(f.map((x) => x.message)).toEqual([
      "“2.资金到位”写明支出17.5万元，与项目全年执行数18.00万元不一致",
      "“2.资金到位”写明执行17万元，与项目全年执行数18.00万元不一致",
    ]);
    expect(f.every((x) => x.expected === "18.00万元（全年执行数）")).toBe(true);
  });

  it("money completed or paid out is execution, not budget (完成预算资金, 拨付, 兑付)", () => {
    const executed89: ProjectFigures = { ...project18, budget: "90", executed: "89.97" };
    expect(one("本项目共完成预算资金89.97万元，执行率99.97%。", executed89)).toEqual([]);
    expect(one("年度内拨付资金89.97万元，兑付89.97万元。", executed89)).toEqual([]);
    expect(brief(one("本项目共完成预算资金88万元。", executed89))).toEqual([
      { code: "AMOUNT_MISMATCH", stated: "88万元", expected: "89.97万元（全年执行数）" },
    ]);
    // 安排 is a budget statement.
    expect(brief(one("全年安排资金80万元。", executed89))).toEqual([{ code: "AMOUNT_MISMATCH", stated: "80万元", expected: "90.00万元（全年预算数）" }]);
  });

  it("the nearest keyword wins: 预算执行 is execution, 执行预算 is budget", () => {
    const p = { ...project18, executed: "17" };
    expect(brief(one("预算执行17万元", p))).toEqual([]);
    expect(brief(one("执行预算17万元", p))).toEqual([
      { code: "AMOUNT_MISMATCH", stated: "17万元", expected: "18.00万元（全年预算数）" },
    ]);
  });

  it("年初预算 is checked against 年初预算数, or against 全年预算数 when the project has none", () => {
    expect(one("年初预算16万元", { ...project18, initialBudget: "16" })).toEqual([]);
    expect(one("年初预算16万元")[0]!.message).toBe(
      "“2.资金到位”写明年初预算16万元，与项目全年预算数18.00万元不一致（项目未填年初预算数，按全年预算数核对）",
    );
    expect(one("年初预算18万元", { ...project18, initialBudget: "16" })[0]!.expected).toBe("16.00万元（年初预算数）");
  });

  it("plain 预算 accepts 全年预算数 or 年初预算数; 全年预算 only the former", () => {
    const p = { ...project18, initialBudget: "16" };
    expect(one("预算16万元", p)).toEqual([]);
    expect(brief(one("全年预算16万元", p))).toEqual([
      { code: "AMOUNT_MISMATCH", stated: "16万元", expected: "18.00万元（全年预算数）" },
    ]);
  });

  it("checks 财政拨款 and 其他资金 only when the project gives them", () => {
    const text = "其中：财政拨款15万元，其他资金3万元。";
    expect(one(text)).toEqual([]);
    expect(brief(one(text, { ...project18, fiscalBudget: "18", otherBudget: "0" }))).toEqual([
      { code: "AMOUNT_MISMATCH", stated: "15万元", expected: "18.00万元（财政拨款预算数）" },
      { code: "AMOUNT_MISMATCH", stated: "3万元", expected: "0.00万元（其他资金预算数）" },
    ]);
  });

  it("skips changes, balances, unit prices and unclassifiable amounts", () => {
    expect(
      one(
        "预算比上年减少5万元，结余2万元，单价50万元以上的设备，人均0.5万元，同比增长3万元，" +
          "争取上级资金50万元，安排人员3名。",
      ),
    ).toEqual([]);
  });

  it("预算绩效, 预算管理, 执行率 … are no budget or execution statements", () => {
    expect(one("开展预算绩效评价经费3万元，预算管理培训1万元，执行率提升工作2万元")).toEqual([]);
  });

  it("never compares approximate amounts", () => {
    expect(one("经费预算约9万元，执行9万元左右，支出200多万元")).toEqual([]);
  });

  it("reads a bare 万 in a budget clause", () => {
    expect(brief(one("经费预算9万，已全部到位"))).toEqual([
      { code: "AMOUNT_MISMATCH", stated: "9万", expected: "18.00万元（全年预算数）" },
    ]);
  });

  it("reads full-width figures and reports them as written", () => {
    expect(brief(one("经费预算９万元"))).toEqual([
      { code: "AMOUNT_MISMATCH", stated: "９万元", expected: "18.00万元（全年预算数）" },
    ]);
  });

  it("reports each (section, stated, expected) once, but again in another section", () => {
    const body = "经费预算9万元，年初批复预算9万元。";
    expect(one(body)).toHaveLength(1);
    const f = checkNarrative(project18, [
      { key: "2.2.2", heading: "2．资金到位。", body },
      { key: "2.2.3", heading: "3．资金使用。", body },
    ]);
    expect(f.map((x) => x.sectionKey)).toEqual(["2.2.2", "2.2.3"]);
  });

  it("does nothing for empty bodies", () => {
    expect(checkNarrative(project18, [{ key: "2", heading: "二、项目资金申报及使用情况", body: "" }])).toEqual([]);
  });
});
