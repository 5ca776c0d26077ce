import { describe, expect, it } from "vitest";
import type { IndicatorTableRow } from "./editor-types";
import { collationRanks, makeRanker, matchesSearch, natureLabel, prepareTableRows, sortNumber } from "./table-helpers";

function tableRow(overrides: Partial<IndicatorTableRow> = {}): IndicatorTableRow {
  return {
    id: "r",
    level1: "产出指标",
    level2: "数量指标",
    name: "培训人次",
    nature: "GTE",
    target: "200",
    unit: "人次",
    actual: "180",
    weight: "10",
    score: "9.00",
    deviationReason: "",
    ...overrides,
  };
}

describe("collationRanks", () => {
  it("orders Chinese by pinyin and numbers inside strings numerically; equal strings share a rank; blanks are left out", () => {
    const ranks = collationRanks(["张", "阿", "白", "白", "", "  ", "第10项", "第2项"]);
    expect([...ranks.keys()]).toEqual(["阿", "白", "第2项", "第10项", "张"]);
    expect(ranks.get("阿")).toBe(0);
    expect(ranks.get("张")).toBe(4);
    expect(ranks.has("")).toBe(false);
  });
});

describe("sortNumber", () => {
  it("reads the leading number of a cell", () => {
    expect(sortNumber("8.50")).toBe(8.5);
    expect(sortNumber("1,200")).toBe(1200);
    expect(sortNumber(" 95（按计划） ")).toBe(95);
    expect(sortNumber("-3")).toBe(-3);
    expect(sortNumber(".5")).toBe(0.5);
    expect(sortNumber("")).toBeUndefined();
    expect(sortNumber("不适用")).toBeUndefined();
    expect(sortNumber("达成预期指标")).toBeUndefined();
  });
});

describe("prepareTableRows", () => {
  it("adds the position, nature label, numeric keys and search text", () => {
    const [a, b] = prepareTableRows([tableRow(), tableRow({ nature: "≤", score: "不适用", deviationReason: "资金 到位晚" })]);
    expect(a).toMatchObject({ seq: 1, natureText: "≥", numbers: { target: 200, actual: 180, weight: 10, score: 9 } });
    expect(b).toMatchObject({ seq: 2, natureText: "≤", numbers: { score: undefined } });
    expect(natureLabel("QUALITATIVE")).toBe("定性");
    expect(matchesSearch(b!, "到位晚")).toBe(true);
    expect(matchesSearch(b!, "培训 资金")).toBe(true);
    expect(matchesSearch(b!, "培训 满意")).toBe(false);
    expect(matchesSearch(a!, "")).toBe(true);
  });
});

describe("makeRanker", () => {
  it("ranks a column lazily, once", () => {
    const rows = prepareTableRows([tableRow({ name: "张" }), tableRow({ name: "阿" }), tableRow({ name: "" })]);
    const ranker = makeRanker(rows);
    expect(ranker.rank("name", "阿")).toBe(0);
    expect(ranker.rank("name", "张")).toBe(1);
    expect(ranker.rank("name", "")).toBeUndefined();
    expect(ranker.ranksOf("name")).toBe(ranker.ranksOf("name"));
    expect(ranker.rank("nature", "≥")).toBe(0);
  });

  it("ranks 5,000 rows quickly", () => {
    const rows = prepareTableRows(Array.from({ length: 5000 }, (_, i) => tableRow({ name: `指标${(i * 7919) % 5000}号` })));
    const t0 = performance.now();
    const ranker = makeRanker(rows);
    ranker.ranksOf("name");
    const sorted = [...rows].sort((x, y) => ranker.rank("name", x.name)! - ranker.rank("name", y.name)!);
    expect(sorted[0]!.name).toBe("指标0号");
    expect(sorted[4999]!.name).toBe("指标4999号");
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
