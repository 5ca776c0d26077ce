import { describe, expect, it } from "vitest";
import type { ScoreResult } from "@/features/scoring/types";
import { displayedScore } from "./score-input";

const withErrors = (n: number) =>
  ({ total: "90.00", grade: "优", issues: Array.from({ length: n }, () => ({ severity: "error" })) }) as unknown as ScoreResult;

describe("displayedScore", () => {
  it("shows the total only when nothing blocks it", () => {
    expect(displayedScore(withErrors(0))).toEqual({ total: "90.00", grade: "优", pending: 0, unscored: false });
    expect(displayedScore(withErrors(3), { reportStatus: "DRAFT", weights: [null, null] })).toEqual({ total: null, grade: null, pending: 3, unscored: false });
  });

  it("says a published or approved table printed no 分值 instead of asking to complete it", () => {
    expect(displayedScore(withErrors(15), { reportStatus: "PUBLISHED", weights: [null, null] }).unscored).toBe(true);
    expect(displayedScore(withErrors(15), { reportStatus: "APPROVED", weights: [null] }).unscored).toBe(true);
    // Some weights present: the table is incomplete, not unscored.
    expect(displayedScore(withErrors(1), { reportStatus: "PUBLISHED", weights: [null, "10"] }).unscored).toBe(false);
    // No indicators at all is not "printed without scores".
    expect(displayedScore(withErrors(1), { reportStatus: "PUBLISHED", weights: [] }).unscored).toBe(false);
  });
});
