/**
 * lockRow against a real PostgreSQL: it finds rows by their listed keys only, FOR UPDATE makes a
 * second transaction wait and then read what the first committed, FOR SHARE lets readers share.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { databaseForFile } from "@/tests/integration/db";
import { lockRow, type LockableTable, type LockKey } from "./row-lock";

const t = databaseForFile({ demo: true });
let departmentId: string;

beforeAll(async () => {
  departmentId = (await t.prisma.department.findFirstOrThrow({ select: { id: true } })).id;
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("lockRow", () => {
  it("says whether the row exists, by each listed key", async () => {
    const report = await t.prisma.report.findFirstOrThrow({ where: { projectId: { not: null } }, select: { id: true, projectId: true, scopeKey: true } });
    await t.prisma.$transaction(async (tx) => {
      expect(await lockRow(tx, "Department", "id", departmentId)).toBe(true);
      expect(await lockRow(tx, "Department", "id", "no-such-department")).toBe(false);
      expect(await lockRow(tx, "FiscalYear", "year", 2020, "share")).toBe(true);
      expect(await lockRow(tx, "FiscalYear", "year", 1999)).toBe(false);
      expect(await lockRow(tx, "Report", "projectId", report.projectId!)).toBe(true);
      expect(await lockRow(tx, "Report", "scopeKey", report.scopeKey)).toBe(true);
    });
  });

  it("refuses a table or column that is not listed (names cannot be bound as parameters)", async () => {
    await t.prisma.$transaction(async (tx) => {
      await expect(lockRow(tx, "Department", "name" as LockKey<"Department">, "x")).rejects.toThrow(/not a lockable row key/);
      await expect(lockRow(tx, 'User" WHERE 1=1; --' as LockableTable, "id" as never, "x")).rejects.toThrow(/not a lockable row key/);
    });
  });

  it("FOR UPDATE: a second transaction waits, then reads what the first committed", async () => {
    const events: string[] = [];
    const first = t.prisma.$transaction(async (tx) => {
      await lockRow(tx, "Department", "id", departmentId);
      events.push("first locked");
      await sleep(400);
      await tx.department.update({ where: { id: departmentId }, data: { shortName: "加锁测试" } });
      events.push("first commits");
    });
    await sleep(100);
    const second = t.prisma.$transaction(async (tx) => {
      await lockRow(tx, "Department", "id", departmentId);
      events.push("second locked");
      return (await tx.department.findUniqueOrThrow({ where: { id: departmentId }, select: { shortName: true } })).shortName;
    });
    const [, seen] = await Promise.all([first, second]);
    expect(events).toEqual(["first locked", "first commits", "second locked"]);
    expect(seen).toBe("加锁测试");
  });

  it("FOR SHARE: two readers hold the row at once; a writer waits for both", async () => {
    const events: string[] = [];
    const reader = (name: string) =>
      t.prisma.$transaction(async (tx) => {
        await lockRow(tx, "FiscalYear", "year", 2020, "share");
        events.push(`${name} shares`);
        await sleep(300);
        events.push(`${name} ends`);
      });
    const readers = [reader("a"), reader("b")];
    await sleep(100);
    const writer = t.prisma.$transaction(async (tx) => {
      await lockRow(tx, "FiscalYear", "year", 2020);
      events.push("writer locked");
    });
    await Promise.all([...readers, writer]);
    expect(events.slice(0, 2).sort()).toEqual(["a shares", "b shares"]);
    expect(events.at(-1)).toBe("writer locked");
  });
});
