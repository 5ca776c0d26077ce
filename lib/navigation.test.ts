import { describe, expect, it } from "vitest";
import { navigationFor } from "./navigation";

describe("navigation by role", () => {
  it("shows administration only to admins", () => {
    expect(navigationFor("ADMIN").map((i) => i.label)).toEqual(["工作台", "项目", "报告", "部门决算", "年度总览", "抽查复核", "系统管理", "审计日志"]);
    expect(navigationFor("REVIEWER").map((i) => i.label)).toEqual(["工作台", "项目", "报告", "部门决算", "年度总览", "抽查复核", "审计日志"]);
    expect(navigationFor("OWNER").map((i) => i.label)).toEqual(["工作台", "项目", "报告", "部门决算"]);
  });
});
