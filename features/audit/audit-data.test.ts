/**
 * The audit rows' data is typed per action (lib/audit-actions AuditData). These checks run in the
 * type checker (`tsc --noEmit`, the first step of `npm test`): each @ts-expect-error line must stay
 * an error, or the check fails.
 */
import { describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db-client";
import { writeAudit } from "./mutations";

vi.mock("server-only", () => ({}));

const actor = { id: "u1", name: "管理员" };

function typeChecks(db: Db) {
  void writeAudit(db, { actor, action: "year.reopen", entityType: "FiscalYear", entityId: "2021", data: { reason: "更正" } });
  // @ts-expect-error an action that records no data cannot be given any
  void writeAudit(db, { actor, action: "auth.login", entityType: "User", entityId: "u1", data: { reason: "x" } });
  // @ts-expect-error the data must have the action's shape
  void writeAudit(db, { actor, action: "library.import", entityType: "IndicatorFramework", entityId: "f1", data: { created: "3" } });
  // @ts-expect-error only listed action names exist
  void writeAudit(db, { actor, action: "report.delete", entityType: "Report", entityId: "r1" });
}

describe("writeAudit", () => {
  it("writes the action, its status change, comment and typed data in one row", async () => {
    const create = vi.fn(async () => ({}));
    await writeAudit({ auditLog: { create } } as unknown as Db, { actor, action: "sample.return", entityType: "SampleItem", entityId: "i1", fromStatus: "REVIEWED", toStatus: "RETURNED", comment: "反馈", data: { projectId: "p1", reportId: null, reportReturned: false } });
    expect(create).toHaveBeenCalledWith({
      data: { actorId: "u1", actorName: "管理员", action: "sample.return", entityType: "SampleItem", entityId: "i1", fromStatus: "REVIEWED", toStatus: "RETURNED", comment: "反馈", data: { projectId: "p1", reportId: null, reportReturned: false } },
    });
    expect(typeChecks).toBeTypeOf("function");
  });
});
