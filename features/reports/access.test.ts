import { describe, expect, it } from "vitest";
import { admin, deptReviewer, owner, reviewer } from "@/tests/fixtures/actors";
import type { Actor } from "@/lib/actor";
import type { ReportStatus } from "@/lib/generated/prisma/enums";
import { reportPolicy, type ReportAction, type ReportTarget } from "./access";
import { TRANSITION_ACTIONS } from "./workflow";


const own = (status: ReportStatus) => ({ departmentId: "d1", parentId: null, status });
const subUnit = (status: ReportStatus) => ({ departmentId: "d1-u", parentId: "d1", status });
const other = (status: ReportStatus) => ({ departmentId: "d2", parentId: null, status });

/** The actions the policy allows an actor on a target, in a stable order. */
const allowed = (actor: Actor, target: ReportTarget) =>
  (["read", "edit", "comment", "resolve", ...TRANSITION_ACTIONS] as ReportAction[]).filter((a) => reportPolicy.denial(actor, a, target) === null);

describe("report access policy", () => {
  it("reads with the same scope as projects", () => {
    expect(reportPolicy.readWhere(owner)).toEqual({ departmentId: "d1" });
    expect(reportPolicy.readWhere(reviewer)).toEqual({});
    expect(reportPolicy.readWhere(deptReviewer)).toEqual({ department: { OR: [{ id: "d1" }, { parentId: "d1" }] } });
  });

  it("hides another department's report from owners and department reviewers (not found, whatever the action)", () => {
    for (const a of ["read", "edit", "submit", "comment", "resolve"] as const) {
      expect(reportPolicy.denial(owner, a, other("DRAFT")), a).toBe("not_found");
      expect(reportPolicy.denial(deptReviewer, a, other("DEPT_REVIEW")), a).toBe("not_found");
    }
    expect(reportPolicy.denial(owner, "read", subUnit("DRAFT"))).toBe("not_found");
    expect(reportPolicy.denial(deptReviewer, "read", subUnit("DRAFT"))).toBeNull();
  });

  it("gives each role, in each state, exactly the actions of the workflow", () => {
    expect(allowed(owner, own("DRAFT"))).toEqual(["read", "edit", "resolve", "submit"]);
    expect(allowed(owner, own("RETURNED"))).toEqual(["read", "edit", "resolve", "submit"]);
    expect(allowed(owner, own("SUBMITTED"))).toEqual(["read", "resolve"]);
    expect(allowed(reviewer, own("SUBMITTED"))).toEqual(["read", "comment", "return", "approve"]);
    expect(allowed(reviewer, own("APPROVED"))).toEqual(["read", "publish"]);
    expect(allowed(reviewer, own("DEPT_REVIEW"))).toEqual(["read", "comment"]);
    expect(allowed(deptReviewer, subUnit("DEPT_REVIEW"))).toEqual(["read", "comment", "deptReturn", "deptApprove"]);
    expect(allowed(deptReviewer, own("SUBMITTED"))).toEqual(["read"]);
    expect(allowed(admin, own("APPROVED"))).toEqual(["read", "publish"]);
    expect(allowed(admin, own("PUBLISHED"))).toEqual(["read", "reopen"]);
  });

  it("says why: forbidden for the role, locked for the state", () => {
    expect(reportPolicy.denial(reviewer, "edit", own("DRAFT"))).toBe("forbidden");
    expect(reportPolicy.denial(owner, "edit", own("APPROVED"))).toBe("locked");
    expect(reportPolicy.denial(owner, "approve", own("SUBMITTED"))).toBe("forbidden");
    expect(reportPolicy.denial(reviewer, "approve", own("DRAFT"))).toBe("locked");
    expect(reportPolicy.denial(reviewer, "comment", own("PUBLISHED"))).toBe("locked");
    expect(reportPolicy.denial(deptReviewer, "comment", own("SUBMITTED"))).toBe("locked");
    expect(reportPolicy.denial(admin, "comment", own("SUBMITTED"))).toBe("forbidden");
  });
});
