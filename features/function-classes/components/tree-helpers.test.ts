import { describe, expect, it } from "vitest";
import { CODE_RULE, codeHint, filterTree, type TreeRow } from "./tree-helpers";

const rows: TreeRow[] = [
  { code: "201", name: "一般公共服务支出", level: 1, parentCode: null },
  { code: "20110", name: "人力资源事务", level: 2, parentCode: "201" },
  { code: "2011001", name: "行政运行", level: 3, parentCode: "20110" },
  { code: "2011002", name: "一般行政管理事务", level: 3, parentCode: "20110" },
  { code: "210", name: "卫生健康支出", level: 1, parentCode: null },
  { code: "21011", name: "行政事业单位医疗", level: 2, parentCode: "210" },
  { code: "2101101", name: "行政单位医疗", level: 3, parentCode: "21011" },
];
const names = new Map(rows.map((r) => [r.code, r.name]));

describe("codeHint", () => {
  it("states the rule until the code has a valid shape", () => {
    for (const raw of ["", "20", "2011", "20a"]) expect(codeHint(raw, names)).toBe(CODE_RULE);
  });

  it("names the parent the code would go under, or says it is missing or taken", () => {
    expect(codeHint("212", names)).toBe("将新增一个类");
    expect(codeHint("20111", names)).toBe("将新增款，上级类：201 一般公共服务支出");
    expect(codeHint(" ２０１１０９９ ", names)).toBe("将新增项，上级款：20110 人力资源事务");
    expect(codeHint("2019901", names)).toBe("上级款 20199 不存在，请先添加");
    expect(codeHint("2011001", names)).toBe("编码 2011001 已存在（行政运行）");
  });
});

describe("filterTree", () => {
  const shown = (q: string) => filterTree(rows, q).map((r) => `${r.code}${r.matched ? "*" : ""}`);

  it("shows everything for an empty query", () => {
    expect(shown("  ")).toEqual(rows.map((r) => `${r.code}*`));
  });

  it("finds by name and keeps the ancestors of each match, in tree order", () => {
    expect(shown("行政运行")).toEqual(["201", "20110", "2011001*"]);
    expect(shown("医疗")).toEqual(["210", "21011*", "2101101*"]);
    expect(shown("行政")).toEqual(["201", "20110", "2011001*", "2011002*", "210", "21011*", "2101101*"]);
  });

  it("finds by code, also with full-width digits", () => {
    expect(shown("2011002")).toEqual(["201", "20110", "2011002*"]);
    expect(shown("２１０")).toEqual(["210*", "21011*", "2101101*"]);
    expect(shown("9999")).toEqual([]);
  });
});
