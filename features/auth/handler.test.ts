import { describe, expect, it, vi } from "vitest";
import type { ActionResult } from "@/lib/action-result";
import type { PrismaClient } from "@/lib/db-client";
import { z } from "@/lib/zod";
import { admin, owner } from "@/tests/fixtures/actors";
import { arg, handler } from "./handler";

const prisma = {} as PrismaClient;
const NOT_FOUND: ActionResult<never> = { ok: false, reason: "not_found", message: "不存在" };
const schema = z.object({ name: z.string().min(1, "请填写名称") });

function setUp() {
  const run = vi.fn(async (_p: PrismaClient, _a: unknown, id: string, version: number, values: { name: string }) => ({ ok: true as const, id, version, name: values.name }));
  return { run, h: handler("user.manage", arg.id(NOT_FOUND), arg.version, arg.input(schema))(run) };
}

describe("handler", () => {
  it("checks the permission first: not signed in, then forbidden; the mutation does not run", async () => {
    const { run, h } = setUp();
    expect(await h(prisma, null, "x", 1, { name: "a" })).toMatchObject({ ok: false, reason: "unauthenticated" });
    expect(await h(prisma, owner, "x", 1, { name: "a" })).toMatchObject({ ok: false, reason: "forbidden" });
    expect(run).not.toHaveBeenCalled();
  });

  it("checks the arguments in order and answers the first that fails, with its Chinese message", async () => {
    const { run, h } = setUp();
    expect(await h(prisma, admin, "", 0, {})).toEqual(NOT_FOUND);
    expect(await h(prisma, admin, "x".repeat(65), 1, { name: "a" })).toEqual(NOT_FOUND);
    expect(await h(prisma, admin, "x", 0, {})).toMatchObject({ ok: false, message: "版本号无效，请重新加载页面" });
    expect(await h(prisma, admin, "x", 1, { name: "" })).toMatchObject({ ok: false, reason: "invalid", fieldErrors: [{ path: "name", message: "请填写名称" }] });
    expect(run).not.toHaveBeenCalled();
  });

  it("runs the mutation with the actor and the checked values", async () => {
    const { run, h } = setUp();
    expect(await h(prisma, admin, "x", 3, { name: "甲", extra: 1 })).toEqual({ ok: true, id: "x", version: 3, name: "甲" });
    expect(run).toHaveBeenCalledWith(prisma, admin, "x", 3, { name: "甲" });
  });

  it("checks a year and a flag, and passes an unchecked argument through", async () => {
    const h = handler("user.manage", arg.year, arg.flag(NOT_FOUND), arg.unchecked)(async (_p, _a, year, flag, raw) => ({ ok: true as const, year, flag, raw }));
    expect(await h(prisma, admin, 1999, true, 1)).toMatchObject({ ok: false, reason: "invalid" });
    expect(await h(prisma, admin, 2021, "yes", 1)).toEqual(NOT_FOUND);
    expect(await h(prisma, admin, 2021, false, { any: 1 })).toEqual({ ok: true, year: 2021, flag: false, raw: { any: 1 } });
  });
});
