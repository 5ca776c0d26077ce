import { describe, expect, it } from "vitest";
import { readReportSnapshot, type ProjectView } from "./snapshot-reader";

const sections = [{ key: "1.1", heading: "（一）项目基本情况", body: "正文" }];
const project: ProjectView = {
  name: "全市机构编制信息化建设",
  year: 2020,
  department: "市委编办",
  competentDepartment: "市委编办",
  implementingUnit: "市委编办",
  framework: "项目支出绩效评价指标体系",
  funding: [{ source: "FISCAL", initialBudget: "18", annualBudget: "18", executed: "18" }],
  budget: { initial: "18", annual: "18", executed: "18" },
  allocations: [{ item: "会务费", amount: "3" }],
  goalExpected: "",
  goalActual: "",
  indicators: [
    { id: "i1", level1: "产出指标", level2: "数量指标", name: "培训人次", nature: "GTE", target: "100人次", targetText: "", actual: "120人次", actualText: "", weight: "10", score: "10.00", applicable: true, deviationReason: "" },
  ],
  score: { total: "95.00", grade: "优", executionRate: "100.00", budgetScore: "10.00" },
};

describe("readReportSnapshot", () => {
  it("reads the seed's format 1 (title and sections, no project)", () => {
    expect(readReportSnapshot({ format: 1, source: "seed", title: "报告", sections })).toEqual({ title: "报告", sections, project: null });
  });

  it("reads format 2 with its project part", () => {
    const r = readReportSnapshot({ format: 2, title: "自评报告", versionNo: 1, publishedAt: "2021-05-01T00:00:00.000Z", correctionNote: "", project, sections });
    expect(r?.project).toEqual(project);
    expect(r?.sections).toEqual(sections);
  });

  it("leaves out a project part that is not in the expected shape, and refuses what is no snapshot", () => {
    expect(readReportSnapshot({ format: 2, title: "t", sections, project: { name: "x" } })?.project).toBeNull();
    expect(readReportSnapshot({ format: 2, title: "t", sections: [{ key: 1 }] })).toBeNull();
    expect(readReportSnapshot("text")).toBeNull();
  });
});
