/**
 * The append-only audit log. Write it inside the same transaction as the change it
 * records, so that a change and its audit row commit or fail together.
 */
import type { Db } from "@/lib/db-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditAction } from "@/lib/audit-actions";

export type AuditEntry = {
  actor: { id: string; name: string } | null;
  action: AuditAction;
  entityType: string;
  entityId: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  comment?: string;
  data?: Prisma.InputJsonValue;
};

export async function writeAudit(db: Db, entry: AuditEntry) {
  await db.auditLog.create({
    data: {
      actorId: entry.actor?.id ?? null,
      actorName: entry.actor?.name ?? "",
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      fromStatus: entry.fromStatus ?? null,
      toStatus: entry.toStatus ?? null,
      comment: entry.comment ?? "",
      data: entry.data,
    },
  });
}
