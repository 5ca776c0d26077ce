/**
 * 支出功能分类科目 administration against a real PostgreSQL: every action × (anonymous,
 * owner, reviewer, admin), code rules that refuse and write nothing, delete guarded by
 * children and the seed's expenditure lines, audit rows, and concurrent writes.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/actor";
import { demoDatabase, type TestDatabase } from "@/tests/integration/db";
import { listFunctionClasses } from "./data";
import { listItemCodes } from "./item-codes";
import { createFunctionClassHandler, deleteFunctionClassHandler, renameFunctionClassHandler } from "./handlers";

vi.mock("server-only", () => ({}));

let t: TestDatabase;
let admin: Actor, reviewer: Actor, owner: Actor;


/** Everything a refused write must leave as it was. */
const state = async () => ({
  codes: await t.prisma.functionClass.findMany({ orderBy: { code: "asc" } }),
  audit: await t.prisma.auditLog.count({ where: { entityType: "FunctionClass" } }),
});

const auditOf = (action: string, code: string) => t.prisma.auditLog.findMany({ where: { action, entityType: "FunctionClass", entityId: code } });

beforeAll(async () => {
  ({ t, admin, reviewer, owner } = await demoDatabase());
});
afterAll(() => t.drop());

describe("listItemCodes", () => {
  it("lists the seed's 项 codes with their 类 and 款 names, sorted by code", async () => {
    expect(await listItemCodes(t.prisma)).toEqual([
      { code: "2011001", classCode: "201", name: "行政运行", className: "一般公共服务支出", subclassName: "人力资源事务" },
      { code: "2011002", classCode: "201", name: "一般行政管理事务", className: "一般公共服务支出", subclassName: "人力资源事务" },
      { code: "2080505", classCode: "208", name: "机关事业单位基本养老保险缴费支出", className: "社会保障和就业支出", subclassName: "行政事业单位养老支出" },
      { code: "2101101", classCode: "210", name: "行政单位医疗", className: "卫生健康支出", subclassName: "行政事业单位医疗" },
      { code: "2210201", classCode: "221", name: "住房公积金", className: "住房保障支出", subclassName: "住房改革支出" },
    ]);
  });
});

describe("who may write", () => {
  it("refuses the anonymous, owners and reviewers every write, changing nothing", async () => {
    const before = await state();
    for (const [actor, reason] of [
      [null, "unauthenticated"],
      [owner, "forbidden"],
      [reviewer, "forbidden"],
    ] as const) {
      expect(await createFunctionClassHandler(t.prisma, actor, { code: "2011098", name: "越权添加" })).toMatchObject({ ok: false, reason });
      expect(await renameFunctionClassHandler(t.prisma, actor, "2011001", { name: "越权改名" })).toMatchObject({ ok: false, reason });
      expect(await deleteFunctionClassHandler(t.prisma, actor, "2011002")).toMatchObject({ ok: false, reason });
    }
    expect(await createFunctionClassHandler(t.prisma, owner, { code: "2011098", name: "越权添加" })).toMatchObject({ message: "您无权执行此操作" });
    expect(await state()).toEqual(before);
  });
});

describe("adding codes", () => {
  it("lets an admin add a 类, a 款 under it and a 项 under that, each with an audit row", async () => {
    expect(await createFunctionClassHandler(t.prisma, admin, { code: " 212 ", name: " 城乡社区支出 " })).toEqual({ ok: true, code: "212" });
    expect(await createFunctionClassHandler(t.prisma, admin, { code: "21201", name: "城乡社区管理事务" })).toEqual({ ok: true, code: "21201" });
    expect(await createFunctionClassHandler(t.prisma, admin, { code: "２１２０１０１", name: "行政运行" })).toEqual({ ok: true, code: "2120101" });

    const stored = await t.prisma.functionClass.findMany({ where: { code: { startsWith: "212" } }, orderBy: { code: "asc" } });
    expect(stored).toEqual([
      { code: "212", name: "城乡社区支出", level: 1, parentCode: null },
      { code: "21201", name: "城乡社区管理事务", level: 2, parentCode: "212" },
      { code: "2120101", name: "行政运行", level: 3, parentCode: "21201" },
    ]);
    const [audit] = await auditOf("functionClass.create", "2120101");
    expect(audit).toMatchObject({ actorId: admin.id, actorName: admin.name, comment: "项 2120101 行政运行", data: { code: "2120101", name: "行政运行", level: 3, parentCode: "21201", parentName: "城乡社区管理事务" } });
    expect(await auditOf("functionClass.create", "212")).toHaveLength(1);
    expect(await auditOf("functionClass.create", "21201")).toHaveLength(1);
    expect(await listItemCodes(t.prisma)).toContainEqual({ code: "2120101", classCode: "212", name: "行政运行", className: "城乡社区支出", subclassName: "城乡社区管理事务" });
  });

  it("adds a 项 under an existing seed 款", async () => {
    expect(await createFunctionClassHandler(t.prisma, admin, { code: "2011099", name: "其他人力资源事务支出" })).toEqual({ ok: true, code: "2011099" });
    const rows = await listFunctionClasses(t.prisma);
    expect(rows.find((r) => r.code === "20110")).toMatchObject({ childCount: 3 });
    expect(rows.find((r) => r.code === "2011099")).toEqual({ code: "2011099", name: "其他人力资源事务支出", level: 3, parentCode: "20110", childCount: 0, lineCount: 0 });
  });

  it.each([
    ["wrong length", { code: "2011", name: "四位" }, "科目编码应为3位（类）、5位（款）或7位（项）数字，现为4位"],
    ["too long", { code: "20110011", name: "八位" }, "科目编码应为3位（类）、5位（款）或7位（项）数字，现为8位"],
    ["non-digits", { code: "20a10", name: "字母" }, "科目编码只能由数字组成"],
    ["no code", { code: "  ", name: "无编码" }, "请填写科目编码"],
    ["a 款 whose 类 is missing", { code: "99901", name: "无上级" }, "上级类 999 不存在：款编码的前3位须是已有的类编码。请先添加类 999，或检查编码"],
    ["a 项 whose 类 and 款 are missing", { code: "9990101", name: "无上级" }, "上级款 99901 不存在（类 999 也不存在）：请先添加类 999 和款 99901，或检查编码"],
    [
      "a 项 whose prefix is no 款 of its 类",
      { code: "2019901", name: "前缀不符" },
      "上级款 20199 不存在：项编码的前5位须是已有的款编码。请先在类 201 一般公共服务支出 下添加款 20199，或检查编码",
    ],
    ["a duplicate 项", { code: "2011001", classCode: "201", name: "行政运行" }, "编码 2011001 已存在（行政运行），不能重复添加"],
    ["a duplicate 类", { code: "201", name: "重复的类" }, "编码 201 已存在（一般公共服务支出），不能重复添加"],
  ])("refuses %s with a Chinese message on the code field, changing nothing", async (_label, input, message) => {
    const before = await state();
    const r = await createFunctionClassHandler(t.prisma, admin, input);
    expect(r).toMatchObject({ ok: false, fieldErrors: [{ path: "code", message }] });
    expect(await state()).toEqual(before);
  });

  it("refuses a missing, blank or over-long name and a non-object input, changing nothing", async () => {
    const before = await state();
    expect(await createFunctionClassHandler(t.prisma, admin, { code: "2011097", name: "   " })).toMatchObject({ ok: false, reason: "invalid", fieldErrors: [{ path: "name", message: "请填写科目名称" }] });
    expect(await createFunctionClassHandler(t.prisma, admin, { code: "2011097", name: "名".repeat(101) })).toMatchObject({
      ok: false,
      fieldErrors: [{ path: "name", message: "科目名称不能超过100个字" }],
    });
    expect(await createFunctionClassHandler(t.prisma, admin, { code: "2011097" })).toMatchObject({ ok: false, reason: "invalid" });
    expect(await createFunctionClassHandler(t.prisma, admin, "2011097")).toMatchObject({ ok: false, reason: "invalid" });
    expect(await state()).toEqual(before);
  });

  it("lets only one of two admins adding the same code at once succeed", async () => {
    const results = await Promise.all([
      createFunctionClassHandler(t.prisma, admin, { code: "2011096", name: "甲" }),
      createFunctionClassHandler(t.prisma, admin, { code: "2011096", name: "乙" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, reason: "duplicate" });
    expect(await auditOf("functionClass.create", "2011096")).toHaveLength(1);
  });
});

describe("renaming", () => {
  it("changes the name only, with an audit row of old and new", async () => {
    expect(await renameFunctionClassHandler(t.prisma, admin, "2011099", { name: " 其他人力资源事务支出（调整） " })).toEqual({ ok: true, code: "2011099", changed: true });
    expect(await t.prisma.functionClass.findUnique({ where: { code: "2011099" } })).toEqual({ code: "2011099", name: "其他人力资源事务支出（调整）", level: 3, parentCode: "20110" });
    const [audit] = await auditOf("functionClass.rename", "2011099");
    expect(audit).toMatchObject({ actorId: admin.id, data: { code: "2011099", from: "其他人力资源事务支出", to: "其他人力资源事务支出（调整）" } });
  });

  it("writes nothing when the name is unchanged", async () => {
    const before = await state();
    expect(await renameFunctionClassHandler(t.prisma, admin, "2011099", { name: "其他人力资源事务支出（调整）" })).toEqual({ ok: true, code: "2011099", changed: false });
    expect(await state()).toEqual(before);
  });

  it("refuses a blank name and an unknown code, changing nothing", async () => {
    const before = await state();
    expect(await renameFunctionClassHandler(t.prisma, admin, "2011001", { name: "" })).toMatchObject({ ok: false, fieldErrors: [{ path: "name", message: "请填写科目名称" }] });
    expect(await renameFunctionClassHandler(t.prisma, admin, "2019999", { name: "不存在" })).toMatchObject({ ok: false, reason: "not_found", message: "科目 2019999 不存在，可能已被删除，请刷新页面" });
    expect(await renameFunctionClassHandler(t.prisma, admin, 2011001, { name: "不存在" })).toMatchObject({ ok: false, reason: "not_found" });
    expect(await state()).toEqual(before);
  });
});

describe("deleting", () => {
  it("refuses a 项 used by the seed's final-accounts lines, naming who uses it", async () => {
    const before = await state();
    const used = await t.prisma.expenditureLine.count({ where: { functionCode: "2011001" } });
    expect(used).toBeGreaterThan(0);
    const r = await deleteFunctionClassHandler(t.prisma, admin, "2011001");
    expect(r).toMatchObject({ ok: false, reason: "in_use" });
    expect(r.ok ? "" : r.message).toMatch(new RegExp(`^科目 2011001 行政运行 已被 ${used} 条决算支出数据使用（[^）]*市委编办 2020年[^）]*），不能删除。`));
    expect(await state()).toEqual(before);
  });

  it("refuses a 类 or 款 that still has children", async () => {
    const before = await state();
    expect(await deleteFunctionClassHandler(t.prisma, admin, "20110")).toMatchObject({
      ok: false,
      reason: "has_children",
      message: "科目 20110 人力资源事务 下还有 4 个下级科目，不能删除。请先删除其下级科目",
    });
    expect(await deleteFunctionClassHandler(t.prisma, admin, "201")).toMatchObject({ ok: false, reason: "has_children" });
    expect(await deleteFunctionClassHandler(t.prisma, admin, "999")).toMatchObject({ ok: false, reason: "not_found" });
    expect(await state()).toEqual(before);
  });

  it("deletes an unused 项, then its 款 and 类, each with an audit row", async () => {
    for (const code of ["2120101", "21201", "212"]) {
      expect(await deleteFunctionClassHandler(t.prisma, admin, code)).toEqual({ ok: true, code });
      expect(await t.prisma.functionClass.findUnique({ where: { code } })).toBeNull();
      const [audit] = await auditOf("functionClass.delete", code);
      expect(audit).toMatchObject({ actorId: admin.id, data: { code } });
    }
    expect(await deleteFunctionClassHandler(t.prisma, admin, "212")).toMatchObject({ ok: false, reason: "not_found" });
  });

  it("never leaves an orphan when a child is added while its parent is deleted", async () => {
    for (let i = 0; i < 5; i++) {
      await createFunctionClassHandler(t.prisma, admin, { code: "213", name: "农林水支出" });
      await createFunctionClassHandler(t.prisma, admin, { code: "21301", name: "农业农村" });
      const [added, deleted] = await Promise.all([
        createFunctionClassHandler(t.prisma, admin, { code: "2130101", name: "行政运行" }),
        deleteFunctionClassHandler(t.prisma, admin, "21301"),
      ]);
      // Either order is fine; both succeeding is not.
      expect([added.ok, deleted.ok]).not.toEqual([true, true]);
      expect(await t.prisma.functionClass.count({ where: { level: { gt: 1 }, parentCode: null } })).toBe(0);
      for (const code of ["2130101", "21301", "213"]) await deleteFunctionClassHandler(t.prisma, admin, code);
      expect(await t.prisma.functionClass.count({ where: { code: { startsWith: "213" } } })).toBe(0);
    }
  });
});
