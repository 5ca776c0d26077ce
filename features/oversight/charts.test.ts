import { describe, expect, it, vi } from "vitest";
import { overviewCharts } from "./charts";
import { GRADES, RATE_BUCKETS, REPORT_STATES } from "./overview";

vi.mock("server-only", () => ({}));

const totals = (approved: number) => ({
  reports: Object.fromEntries(REPORT_STATES.map((s) => [s, s === "APPROVED" ? approved : 1])) as Parameters<typeof overviewCharts>[0]["reports"],
  grades: Object.fromEntries(GRADES.map((g, i) => [g, i + 2])) as Parameters<typeof overviewCharts>[0]["grades"],
  rateBuckets: RATE_BUCKETS.map((_, i) => i * 3),
});

describe("overviewCharts", () => {
  it("draws each count as an SVG bar chart with its data beside it", () => {
    const [progress, grades, rates] = overviewCharts(totals(37));
    expect(progress!.title).toBe("自评报告进度");
    expect(progress!.data.find((d) => d.label === "已通过")?.value).toBe(37);
    expect(progress!.svg).toMatch(/^<svg/);
    expect(progress!.svg).toContain(">37<");
    expect(grades!.data.map((d) => d.value)).toEqual([2, 3, 4, 5]);
    expect(rates!.data.map((d) => d.label)).toEqual(RATE_BUCKETS.map((b) => b.label));
  });

  it("serves the same figures from memory and redraws when a figure changes", () => {
    const first = overviewCharts(totals(11));
    expect(overviewCharts(totals(11)).map((c) => c.svg)).toEqual(first.map((c) => c.svg));
    const changed = overviewCharts(totals(12));
    expect(changed[0]!.svg).not.toBe(first[0]!.svg);
    expect(changed[0]!.svg).toContain(">12<");
    expect(changed[1]!.svg).toBe(first[1]!.svg);
  });
});
