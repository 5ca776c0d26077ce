import { describe, expect, it } from "vitest";
import { newReportData, reportScopeKey } from "./report-create";

const dy = { id: "dy1", departmentId: "d1", year: 2021 };

describe("reportScopeKey", () => {
  it("gives one self-evaluation per project and one final accounts / overall report per department-year", () => {
    expect(reportScopeKey("PROJECT_SELF_EVALUATION", "dy1", "p1")).toBe("PROJECT_SELF_EVALUATION:p1");
    expect(reportScopeKey("FINAL_ACCOUNTS", "dy1")).toBe("FINAL_ACCOUNTS:dy1");
    expect(reportScopeKey("DEPARTMENT_OVERALL", "dy1")).toBe("DEPARTMENT_OVERALL:dy1");
  });
});

describe("newReportData", () => {
  it("places the report in its department-year and numbers its sections in order, bodies empty unless drafted", () => {
    const data = newReportData({
      kind: "DEPARTMENT_OVERALL",
      departmentYear: dy,
      title: "整体报告",
      sections: [{ key: "a", heading: "一、概况" }, { key: "b", heading: "二、绩效", body: "草稿" }],
    });
    expect(data).toEqual({
      kind: "DEPARTMENT_OVERALL",
      scopeKey: "DEPARTMENT_OVERALL:dy1",
      departmentId: "d1",
      departmentYearId: "dy1",
      year: 2021,
      title: "整体报告",
      sections: { create: [{ key: "a", heading: "一、概况", body: "", sortOrder: 0 }, { key: "b", heading: "二、绩效", body: "草稿", sortOrder: 1 }] },
    });
  });

  it("ties a self-evaluation to its project and keeps the given status and dates", () => {
    const at = new Date("2021-06-01T00:00:00Z");
    const data = newReportData({ kind: "PROJECT_SELF_EVALUATION", departmentYear: dy, projectId: "p1", title: "自评", sections: [] }, { status: "PUBLISHED", publishedAt: at });
    expect(data).toMatchObject({ scopeKey: "PROJECT_SELF_EVALUATION:p1", projectId: "p1", status: "PUBLISHED", publishedAt: at, sections: { create: [] } });
  });
});
