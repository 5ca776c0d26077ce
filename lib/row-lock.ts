/**
 * The one way to lock a row (README, "Architecture"): every guarded change locks the rows it
 * decides on with `lockRow`, then reads them with Prisma in the same transaction — the lock keeps
 * them as read until the transaction ends. Prisma has no SELECT … FOR UPDATE, and identifiers
 * cannot be bound as parameters, so the tables and the unique columns a row is found by are listed
 * here; nothing else may be named (eslint forbids FOR UPDATE / FOR SHARE in SQL anywhere else).
 *
 * Order: lock parents before children and a project before its report, as every caller does, so
 * that two transactions never wait for each other in a circle.
 */
import { Prisma } from "@/lib/generated/prisma/client";
import type { TxClient } from "@/lib/db-client";

const LOCKABLE = {
  Department: ["id"],
  FiscalYear: ["year"],
  FunctionClass: ["code"],
  IndicatorFramework: ["id"],
  Project: ["id"],
  Report: ["id", "projectId", "scopeKey"],
  SampleItem: ["id"],
} as const satisfies Record<string, readonly string[]>;

export type LockableTable = keyof typeof LOCKABLE;
export type LockKey<T extends LockableTable> = (typeof LOCKABLE)[T][number];

/**
 * Locks the row of `table` whose unique `key` equals `value` until the transaction ends; true when
 * the row exists. "update" (FOR UPDATE): to change the row or to act on its state. "share" (FOR
 * SHARE): to rely on it while others may read it too; a change to it waits for this transaction.
 */
export async function lockRow<T extends LockableTable>(tx: TxClient, table: T, key: LockKey<T>, value: string | number, mode: "update" | "share" = "update"): Promise<boolean> {
  const keys: readonly string[] = LOCKABLE[table] ?? [];
  if (!keys.includes(key)) throw new Error(`lockRow: ${String(table)}.${String(key)} is not a lockable row key`);
  const rows = await tx.$queryRaw<{ found: number }[]>`
    SELECT 1 AS "found" FROM ${Prisma.raw(`"${table}"`)} WHERE ${Prisma.raw(`"${key}"`)} = ${value} ${Prisma.raw(mode === "update" ? "FOR UPDATE" : "FOR SHARE")}`;
  return rows.length > 0;
}
