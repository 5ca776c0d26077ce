import { describe, expect, it } from "vitest";
import { buildOverview, filterAndSort, filterProjects, projectLight, type ProjectRow } from "./overview";
import { overviewParams, parseOverviewQuery } from "./schema";

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

describe("project filters (state, grade, 双监控 light, budget range)", () => {
  const ps = [
    project({ id: "1", annualBudget: "18", executed: "18", grade: "优", score: "95.00", reportState: "PUBLISHED" }),
    project({ id: "2", annualBudget: "100", executed: "70", grade: "良", score: "85.00", reportState: "SUBMITTED" }),
    project({ id: "3", annualBudget: "500", executed: "100", reportState: "NONE" }),
    project({ id: "4", annualBudget: "0", executed: "0", executionRate: null }),
  ];
  const ids = (f: Parameters<typeof filterProjects>[1], month = 12) => filterProjects(ps, f, month).map((p) => p.id);

  it("keeps everything without a filter", () => {
    expect(ids({})).toEqual(["1", "2", "3", "4"]);
  });

  it("filters by report state and grade", () => {
    expect(ids({ state: "NONE" })).toEqual(["3", "4"]);
    expect(ids({ grade: "良" })).toEqual(["2"]);
  });

  it("filters by the 双监控 light at the month given (at year end: red < 60 %, yellow < 80 %)", () => {
    expect(["1", "2", "3", "4"].map((id) => projectLight(ps.find((p) => p.id === id)!, 12))).toEqual(["green", "yellow", "red", "none"]);
    expect(ids({ light: "red" })).toEqual(["3"]);
    // In June 70 % executed is ahead of time (140 %): green.
    expect(ids({ light: "green" }, 6)).toEqual(["1", "2"]);
  });

  it("filters by 全年预算数 range, bounds included", () => {
    expect(ids({ minBudget: "18", maxBudget: "100" })).toEqual(["1", "2"]);
    expect(ids({ minBudget: "100.01" })).toEqual(["3"]);
  });

  it("a department without a matching project is hidden only while projects are filtered", () => {
    const { rows } = buildOverview(departments, filterProjects(ps, { grade: "优" }, 12));
    expect(filterAndSort(rows, { withProjects: true }).map((r) => r.department)).toEqual(["甲局"]);
    expect(filterAndSort(rows, {}).map((r) => r.department)).toEqual(["甲局", "乙局", "丙局"]);
  });

  it("reads the filters from the address, ignoring values it does not know", () => {
    expect(parseOverviewQuery({ state: "SUBMITTED", grade: "优", light: "red", min: "10", max: "200.5" })).toMatchObject({ state: "SUBMITTED", grade: "优", light: "red", min: "10", max: "200.5" });
    expect(parseOverviewQuery({ state: "LOST", grade: "A", light: "blue", min: "-1", max: "1e9" })).toMatchObject({ state: undefined, grade: undefined, light: undefined, min: undefined, max: undefined });
  });

  it("reads the page of department rows (page 1 for anything else) and keeps every filter in the pager's links", () => {
    expect(parseOverviewQuery({ page: "3" }).page).toBe(3);
    for (const bad of ["0", "-2", "x", "1.5", "1e9"]) expect(parseOverviewQuery({ page: bad }).page).toBe(1);
    const q = parseOverviewQuery({ q: "局", warnings: "1", sort: "budget", desc: "1", state: "SUBMITTED", grade: "良", light: "red", min: "5", max: "50", page: "2" });
    expect(overviewParams(q, 2025)).toEqual({ year: "2025", q: "局", warnings: "1", sort: "budget", desc: "1", state: "SUBMITTED", grade: "良", light: "red", min: "5", max: "50" });
    expect(overviewParams(parseOverviewQuery({}), 2020)).toEqual({ year: "2020", q: undefined, warnings: undefined, sort: undefined, desc: undefined, state: undefined, grade: undefined, light: undefined, min: undefined, max: undefined });
  });
});
