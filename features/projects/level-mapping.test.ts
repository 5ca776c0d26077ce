import { describe, expect, it } from "vitest";
import { mapLevels } from "./level-mapping";

const cy2021 = [
  { id: "cost", name: "成本指标", category: "COST", level2: [{ id: "c1", name: "经济成本指标" }] },
  { id: "out", name: "产出指标", category: "OUTPUT", level2: [{ id: "o1", name: "数量指标" }, { id: "o2", name: "质量指标" }, { id: "o3", name: "时效指标" }] },
  { id: "eff", name: "效益指标", category: "OUTCOME", level2: [{ id: "e1", name: "经济效益指标" }, { id: "e2", name: "社会效益指标" }] },
  { id: "sat", name: "满意度指标", category: "SATISFACTION", level2: [{ id: "s1", name: "服务对象满意度指标" }] },
];

describe("mapping the seed's local framework onto 财预〔2021〕101号", () => {
  it("maps 项目完成指标/时效指标 by category and name", () => {
    expect(mapLevels({ level1Name: "项目完成指标", category: "OUTPUT", level2Name: "时效指标" }, cy2021)).toEqual({ level1Id: "out", level2Id: "o3" });
  });
  it("maps 社会效益 to 社会效益指标", () => {
    expect(mapLevels({ level1Name: "效益指标", category: "OUTCOME", level2Name: "社会效益" }, cy2021)).toEqual({ level1Id: "eff", level2Id: "e2" });
  });
  it("maps 满意度指标/满意度指标 to the only 二级 of the group", () => {
    expect(mapLevels({ level1Name: "满意度指标", category: "SATISFACTION", level2Name: "满意度指标" }, cy2021)).toEqual({ level1Id: "sat", level2Id: "s1" });
  });
  it("refuses to guess", () => {
    expect(mapLevels({ level1Name: "项目完成指标", category: "OUTPUT", level2Name: "成本指标" }, cy2021)).toBeNull();
    expect(mapLevels({ level1Name: "其他", category: "OTHER", level2Name: "x" }, cy2021)).toBeNull();
  });
});

describe("cost rows between 财预〔2021〕101号 and 财预〔2020〕10号", () => {
  const cy2020 = [
    { id: "out", name: "产出指标", category: "OUTPUT", level2: [{ id: "o1", name: "数量指标" }, { id: "o4", name: "成本指标" }] },
    { id: "sat", name: "满意度指标", category: "SATISFACTION", level2: [{ id: "s1", name: "服务对象满意度指标" }] },
  ];
  it("moves a 成本指标 一级 row under 产出指标/成本指标", () => {
    expect(mapLevels({ level1Name: "成本指标", category: "COST", level2Name: "经济成本指标" }, cy2020)).toEqual({ level1Id: "out", level2Id: "o4" });
  });
});
