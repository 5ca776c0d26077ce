import { describe, expect, it } from "vitest";
import { createFunctionClassSchema, parseFunctionCode, renameFunctionClassSchema } from "./schema";

const messagesOf = (input: unknown) => {
  const r = createFunctionClassSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("parseFunctionCode", () => {
  it("derives level and parent from the length", () => {
    expect(parseFunctionCode("201")).toEqual({ ok: true, level: 1, parentCode: null });
    expect(parseFunctionCode("20110")).toEqual({ ok: true, level: 2, parentCode: "201" });
    expect(parseFunctionCode("2011001")).toEqual({ ok: true, level: 3, parentCode: "20110" });
  });

  it("refuses empty codes, non-digits and other lengths with Chinese messages", () => {
    expect(parseFunctionCode("")).toEqual({ ok: false, message: "请填写科目编码" });
    expect(parseFunctionCode("20a")).toEqual({ ok: false, message: "科目编码只能由数字组成" });
    expect(parseFunctionCode("201 10")).toEqual({ ok: false, message: "科目编码只能由数字组成" });
    expect(parseFunctionCode("-201")).toEqual({ ok: false, message: "科目编码只能由数字组成" });
    for (const code of ["2", "20", "2011", "201100", "20110011", "201100100"]) {
      expect(parseFunctionCode(code)).toEqual({ ok: false, message: `科目编码应为3位（类）、5位（款）或7位（项）数字，现为${code.length}位` });
    }
  });
});

describe("createFunctionClassSchema", () => {
  it("trims, turns full-width digits into ASCII and accepts a valid code", () => {
    expect(createFunctionClassSchema.parse({ code: " 2011099 ", name: "  其他人力资源事务支出 " })).toEqual({ code: "2011099", name: "其他人力资源事务支出" });
    expect(createFunctionClassSchema.parse({ code: "２０１", name: "一般公共服务支出" })).toEqual({ code: "201", name: "一般公共服务支出" });
  });

  it("puts each problem on its field", () => {
    expect(messagesOf({ code: "", name: "" })).toEqual(["code: 请填写科目编码", "name: 请填写科目名称"]);
    expect(messagesOf({ code: "2011", name: "   " })).toEqual(["code: 科目编码应为3位（类）、5位（款）或7位（项）数字，现为4位", "name: 请填写科目名称"]);
    expect(messagesOf({ code: "20110a1", name: "名".repeat(101) })).toEqual(["code: 科目编码只能由数字组成", "name: 科目名称不能超过100个字"]);
    expect(messagesOf({ code: "2011001", name: "名".repeat(100) })).toEqual([]);
  });

  it("refuses what is not a string", () => {
    expect(createFunctionClassSchema.safeParse({ code: 201, name: "x" }).success).toBe(false);
    expect(createFunctionClassSchema.safeParse(null).success).toBe(false);
  });
});

describe("renameFunctionClassSchema", () => {
  it("requires a trimmed name of at most 100 characters", () => {
    expect(renameFunctionClassSchema.parse({ name: " 行政运行 " })).toEqual({ name: "行政运行" });
    expect(renameFunctionClassSchema.safeParse({ name: " " }).error?.issues[0]?.message).toBe("请填写科目名称");
    expect(renameFunctionClassSchema.safeParse({ name: "名".repeat(101) }).error?.issues[0]?.message).toBe("科目名称不能超过100个字");
  });
});
