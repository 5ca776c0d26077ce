/**
 * The append-only audit log. Write it inside the same transaction as the change it
 * records, so that a change and its audit row commit or fail together.
 */
import type { Db } from "@/lib/db-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { fieldChanges, type AuditAction, type AuditDataOf, type FieldChanges } from "@/lib/audit-actions";

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

/** Actions whose audit row records the fields an update changed (`FieldChanges`). */
type FieldChangeAction = { [A in AuditAction]: AuditDataOf<A> extends FieldChanges ? (FieldChanges extends AuditDataOf<A> ? A : never) : never }[AuditAction];

/**
 * An update that records what it changed: compares `after` with `before` field by field; when
 * nothing changed it writes nothing (`changed: false`); otherwise it runs `write` and the audit row
 * with the changes as its data (`comment` may depend on them), in the caller's transaction.
 */
export async function auditedUpdate<T extends Record<string, unknown>, A extends FieldChangeAction>(
  db: Db,
  change: { before: { [K in keyof T]: unknown }; after: T; write: () => Promise<unknown> },
  entry: Omit<AuditEntry<A>, "data" | "comment"> & { comment: (changes: FieldChanges) => string },
): Promise<{ ok: true; changed: boolean }> {
  const changes = fieldChanges(change.before, change.after);
  if (Object.keys(changes).length === 0) return { ok: true, changed: false };
  await change.write();
  await writeAudit(db, { ...entry, comment: entry.comment(changes), data: changes as AuditDataOf<A> });
  return { ok: true, changed: true };
}
