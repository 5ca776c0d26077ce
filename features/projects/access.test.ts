import { describe, expect, it } from "vitest";
import { admin, deptReviewer, owner, reviewer } from "@/tests/fixtures/actors";
import { coversDepartment, hiddenFromOwner, ownsDepartment, type Actor } from "@/lib/actor";
import { reportCreateDepartment } from "@/features/reports/access";
import { projectCreateDepartment, projectPolicy } from "./access";

const projectReadScope = projectPolicy.readWhere;
const editDenial = (actor: Actor, target: Parameters<typeof projectPolicy.denial>[2]) => projectPolicy.denial(actor, "edit", target);


describe("project access", () => {
  it("scopes owners to their department and lets reviewers and admins read all", () => {
    expect(projectReadScope(owner)).toEqual({ departmentId: "d1" });
    expect(projectReadScope({ ...owner, departmentId: null })).toEqual({ departmentId: "__none__" });
    expect(projectReadScope(reviewer)).toEqual({});
    expect(projectReadScope(admin)).toEqual({});
    // A department reviewer (主管部门) also reads its sub-units' rows: their work passes its review.
    expect(projectReadScope(deptReviewer)).toEqual({ department: { OR: [{ id: "d1" }, { parentId: "d1" }] } });
    expect(projectReadScope({ ...deptReviewer, departmentId: null })).toEqual({ department: { OR: [{ id: "__none__" }, { parentId: "__none__" }] } });
  });

  it("covers a row already read by the same rule", () => {
    const unit = { departmentId: "d1-u", parentId: "d1" };
    expect(coversDepartment(owner, { departmentId: "d1", parentId: null })).toBe(true);
    expect(coversDepartment(owner, unit)).toBe(false);
    expect(coversDepartment(deptReviewer, { departmentId: "d1", parentId: null })).toBe(true);
    expect(coversDepartment(deptReviewer, unit)).toBe(true);
    expect(coversDepartment(deptReviewer, { departmentId: "d2", parentId: null })).toBe(false);
    expect(coversDepartment(deptReviewer, { departmentId: "d2-u", parentId: "d2" })).toBe(false);
    expect(coversDepartment({ ...deptReviewer, departmentId: null }, { departmentId: "x", parentId: null })).toBe(false);
    expect(coversDepartment(reviewer, unit)).toBe(true);
    expect(coversDepartment(admin, unit)).toBe(true);
  });

  it("lets only the department's owner edit, and only a draft or returned project", () => {
    expect(editDenial(owner, { departmentId: "d1", reportStatus: null })).toBeNull();
    expect(editDenial(owner, { departmentId: "d1", reportStatus: "DRAFT" })).toBeNull();
    expect(editDenial(owner, { departmentId: "d1", reportStatus: "RETURNED" })).toBeNull();
    for (const s of ["SUBMITTED", "APPROVED", "PUBLISHED"] as const) expect(editDenial(owner, { departmentId: "d1", reportStatus: s })).toBe("locked");
    // Another department's owner must not learn that the project exists.
    expect(editDenial(owner, { departmentId: "d2", reportStatus: null })).toBe("not_found");
    expect(editDenial(reviewer, { departmentId: "d1", reportStatus: null })).toBe("forbidden");
    expect(editDenial(admin, { departmentId: "d1", reportStatus: null })).toBe("forbidden");
    expect(editDenial(deptReviewer, { departmentId: "d1", reportStatus: null })).toBe("forbidden");
    expect(editDenial(owner, { departmentId: "d1", reportStatus: "DEPT_REVIEW" })).toBe("locked");
  });
});

describe("creating projects", () => {
  it("lets an owner create in its own department only", () => {
    expect(projectPolicy.denial(owner, "create", { departmentId: "d1" })).toBeNull();
    expect(projectPolicy.denial(owner, "create", { departmentId: "d2" })).toBe("not_found");
    for (const a of [reviewer, admin, deptReviewer]) expect(projectPolicy.denial(a, "create", { departmentId: "d1" }), a.role).toBe("forbidden");
  });
});

describe("who starts work in which department", () => {
  it("lets only an owner with a department create projects and start reports, in its own department", () => {
    expect(projectCreateDepartment(owner)).toBe("d1");
    expect(reportCreateDepartment(owner)).toBe("d1");
    for (const a of [reviewer, admin, deptReviewer, { ...owner, departmentId: null }]) {
      expect(projectCreateDepartment(a), a.role).toBeNull();
      expect(reportCreateDepartment(a), a.role).toBeNull();
    }
  });

  it("hides another department's rows from owners only, and calls an owner the owner of its own department's work", () => {
    expect(hiddenFromOwner(owner, "d2")).toBe(true);
    expect(hiddenFromOwner(owner, "d1")).toBe(false);
    for (const a of [reviewer, admin, deptReviewer]) expect(hiddenFromOwner(a, "d2"), a.role).toBe(false);
    expect(ownsDepartment(owner, "d1")).toBe(true);
    expect(ownsDepartment(owner, "d2")).toBe(false);
    expect(ownsDepartment(deptReviewer, "d1")).toBe(false);
    expect(ownsDepartment(null, "d1")).toBe(false);
  });
});
