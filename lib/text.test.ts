import { describe, expect, it } from "vitest";
import { squeezeCjkSpaces } from "./text";

describe("squeezeCjkSpaces", () => {
  it("drops printing spaces between Chinese characters only", () => {
    expect(squeezeCjkSpaces("全市事业单位改革工作项目支出绩效自评报   告")).toBe("全市事业单位改革工作项目支出绩效自评报告");
    expect(squeezeCjkSpaces("2020 年 部门决算")).toBe("2020 年部门决算");
    expect(squeezeCjkSpaces("Excel 导入 说明 ")).toBe("Excel 导入说明");
  });
});
