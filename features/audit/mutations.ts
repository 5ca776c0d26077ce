/**
 * The append-only audit log. Write it inside the same transaction as the change it
 * records, so that a change and its audit row commit or fail together.
 */
import type { Db } from "@/lib/db-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditAction, AuditDataOf } from "@/lib/audit-actions";

export type AuditEntry<A extends AuditAction = AuditAction> = {
  actor: { id: string; name: string } | null;
  action: A;
  entityType: string;
  entityId: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  comment?: string;
  /** As lib/audit-actions AuditData says for the action. */
  data?: AuditDataOf<A>;
};

export async function writeAudit<A extends AuditAction>(db: Db, entry: AuditEntry<A>) {
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
      // Plain JSON by construction (AuditData); Prisma's JSON input type does not admit `unknown` fields.
      data: entry.data as Prisma.InputJsonValue | undefined,
    },
  });
}
