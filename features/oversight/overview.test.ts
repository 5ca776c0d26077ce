import { describe, expect, it } from "vitest";
import { buildOverview, filterAndSort, type ProjectRow } from "./overview";

const project = (over: Partial<ProjectRow>): ProjectRow => ({
  id: "p",
  name: "项目",
  departmentId: "a",
  department: "甲局",
  initialBudget: "10",
  annualBudget: "10",
  executed: "10",
  executionRate: "100.00",
  score: null,
  grade: null,
  reportState: "NONE",
  warnings: [],
  ...over,
});

const departments = [
  { id: "a", name: "甲局", finalAccounts: "PUBLISHED" as const, overall: "NONE" as const },
  { id: "b", name: "乙局", finalAccounts: "NONE" as const, overall: "DRAFT" as const },
  { id: "c", name: "丙局", finalAccounts: "NONE" as const, overall: "NONE" as const },
];

describe("buildOverview", () => {
  const { rows, totals } = buildOverview(departments, [
    project({ id: "1", annualBudget: "18", executed: "9", score: "95.00", grade: "优", reportState: "SUBMITTED" }),
    project({ id: "2", annualBudget: "9.2", executed: "9.2", score: "80.50", grade: "良", reportState: "PUBLISHED" }),
    project({ id: "3", departmentId: "b", department: "乙局", annualBudget: "0", executed: "0", executionRate: null, warnings: [{ rule: "EXECUTION_LOW", level: "red", text: "x" }] }),
  ]);
  it("adds up each department's projects with exact sums and money.percent rates", () => {
    expect(rows[0]).toMatchObject({ projectCount: 2, annualBudget: "27.20", executed: "18.20", executionRate: "66.91", averageScore: "87.75", warningCount: 0, finalAccounts: "PUBLISHED" });
    expect(rows[0]!.reports).toMatchObject({ SUBMITTED: 1, PUBLISHED: 1, NONE: 0 });
    expect(rows[0]!.grades).toEqual({ 优: 1, 良: 1, 中: 0, 差: 0 });
    expect(rows[1]).toMatchObject({ projectCount: 1, executionRate: null, averageScore: null, warningCount: 1, overall: "DRAFT" });
    expect(rows[2]).toMatchObject({ projectCount: 0, annualBudget: "0.00", executionRate: null });
  });
  it("totals all projects", () => {
    expect(totals).toMatchObject({ projectCount: 3, annualBudget: "27.20", warningCount: 1, finalAccounts: null });
    expect(totals.reports.NONE).toBe(1);
  });
  it("filters by name and warnings, and sorts", () => {
    expect(filterAndSort(rows, { q: "乙" }).map((r) => r.department)).toEqual(["乙局"]);
    expect(filterAndSort(rows, { warningsOnly: true }).map((r) => r.department)).toEqual(["乙局"]);
    expect(filterAndSort(rows, { sort: "projects", desc: true }).map((r) => r.department)).toEqual(["甲局", "乙局", "丙局"]);
    expect(filterAndSort(rows, { sort: "projects" }).map((r) => r.department)).toEqual(["丙局", "乙局", "甲局"]);
  });
});
