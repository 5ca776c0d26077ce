import { describe, expect, it } from "vitest";
import { hasPermission, PERMISSIONS, ROLE_LABELS } from "./permissions";

describe("permission table", () => {
  it("gives administration to admins only", () => {
    expect(hasPermission("ADMIN", "admin.access")).toBe(true);
    expect(hasPermission("REVIEWER", "admin.access")).toBe(false);
    expect(hasPermission("OWNER", "admin.access")).toBe(false);
    expect(hasPermission("ADMIN", "functionClass.manage")).toBe(true);
    expect(hasPermission("REVIEWER", "functionClass.manage")).toBe(false);
    expect(hasPermission("OWNER", "functionClass.manage")).toBe(false);
  });

  it("separates filling in from reviewing", () => {
    expect(hasPermission("OWNER", "project.write")).toBe(true);
    expect(hasPermission("REVIEWER", "project.write")).toBe(false);
    expect(hasPermission("OWNER", "report.review")).toBe(false);
    expect(hasPermission("REVIEWER", "report.review")).toBe(true);
  });

  it("lets department reviewers read (their overview too) and decide the department stage, nothing else", () => {
    const held = (Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]).filter((p) => hasPermission("DEPT_REVIEWER", p));
    expect(held.sort()).toEqual(["oversight.read", "project.read", "report.comment", "report.deptReview", "workspace.access"]);
    for (const role of ["ADMIN", "REVIEWER", "OWNER"] as const) expect(hasPermission(role, "report.deptReview")).toBe(false);
  });

  it("lets both kinds of reviewer comment, owners and admins not", () => {
    expect((["ADMIN", "REVIEWER", "OWNER", "DEPT_REVIEWER"] as const).filter((r) => hasPermission(r, "report.comment"))).toEqual(["REVIEWER", "DEPT_REVIEWER"]);
  });

  it("denies everything to the anonymous", () => {
    for (const p of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) {
      expect(hasPermission(null, p)).toBe(false);
      expect(hasPermission(undefined, p)).toBe(false);
    }
  });

  it("names every role in Chinese", () => {
    expect(Object.values(ROLE_LABELS)).toEqual(["系统管理员", "财政审核人", "项目填报人", "部门审核人"]);
  });
});
