import { describe, expect, it } from "vitest";
import { admin, deptReviewer, owner, reviewer } from "@/tests/fixtures/actors";
import { finalAccountsPolicy } from "./access";


describe("final accounts access policy", () => {
  it("reads the own department for department-bound roles, every department otherwise", () => {
    expect(finalAccountsPolicy.readWhere(owner)).toEqual({ id: "d1" });
    expect(finalAccountsPolicy.readWhere(deptReviewer)).toEqual({ id: "d1" });
    expect(finalAccountsPolicy.readWhere({ ...owner, departmentId: null })).toEqual({ id: "__none__" });
    expect(finalAccountsPolicy.readWhere(reviewer)).toEqual({});
    expect(finalAccountsPolicy.readWhere(admin)).toEqual({});
    for (const a of [owner, deptReviewer, reviewer, admin]) expect(finalAccountsPolicy.denial(a, "read", { departmentId: "d1", reportStatus: null }), a.role).toBeNull();
    expect(finalAccountsPolicy.denial(owner, "read", { departmentId: "d2", reportStatus: null })).toBe("not_found");
  });

  it("lets owners (their own department) and admins correct them while the year document is open", () => {
    for (const s of [null, "DRAFT", "RETURNED"] as const) {
      expect(finalAccountsPolicy.denial(owner, "edit", { departmentId: "d1", reportStatus: s })).toBeNull();
      expect(finalAccountsPolicy.denial(admin, "edit", { departmentId: "d2", reportStatus: s })).toBeNull();
    }
    for (const s of ["SUBMITTED", "APPROVED", "PUBLISHED"] as const) expect(finalAccountsPolicy.denial(admin, "edit", { departmentId: "d1", reportStatus: s })).toBe("locked");
    expect(finalAccountsPolicy.denial(owner, "edit", { departmentId: "d2", reportStatus: null })).toBe("not_found");
    expect(finalAccountsPolicy.denial(reviewer, "edit", { departmentId: "d1", reportStatus: null })).toBe("forbidden");
    expect(finalAccountsPolicy.denial(deptReviewer, "edit", { departmentId: "d1", reportStatus: null })).toBe("forbidden");
  });
});
