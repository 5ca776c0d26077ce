import { beforeEach, describe, expect, it, vi } from "vitest";

const revalidatePath = vi.fn();
vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ revalidatePath: (...a: unknown[]) => revalidatePath(...a) }));
vi.mock("@/lib/db", () => ({ db: () => "DB" }));
vi.mock("./session", () => ({ getCurrentUser: async () => ({ id: "u1", name: "甲", role: "ADMIN", departmentId: null }) }));

const { serverAction } = await import("./server-action");

beforeEach(() => revalidatePath.mockClear());

describe("serverAction", () => {
  it("runs the handler with the database and the signed-in user, and revalidates the pages named once it succeeds", async () => {
    const handler = vi.fn(async (_db: unknown, _actor: unknown, id: unknown) => ({ ok: true as const, id: String(id) }));
    const action = serverAction(handler as never, [["/admin/frameworks", "layout"], "/reports"]) as (id: string) => Promise<unknown>;
    expect(await action("f1")).toEqual({ ok: true, id: "f1" });
    expect(handler).toHaveBeenCalledWith("DB", { id: "u1", name: "甲", role: "ADMIN", departmentId: null }, "f1");
    expect(revalidatePath.mock.calls).toEqual([["/admin/frameworks", "layout"], ["/reports"]]);
  });

  it("derives the pages from the first argument", async () => {
    const action = serverAction((async () => ({ ok: true as const })) as never, ((id: unknown) => [`/projects/${String(id)}`]) as never) as (id: string) => Promise<unknown>;
    await action("p9");
    expect(revalidatePath.mock.calls).toEqual([["/projects/p9"]]);
  });

  it("revalidates nothing when the handler refuses, and returns the refusal as it is", async () => {
    const refusal = { ok: false as const, reason: "forbidden", message: "您无权执行此操作" };
    const action = serverAction((async () => refusal) as never, ["/admin/years"]) as () => Promise<unknown>;
    expect(await action()).toBe(refusal);
    expect(revalidatePath).not.toHaveBeenCalled();
  });
});
