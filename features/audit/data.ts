import "server-only";
import { db } from "@/lib/db";

export async function listRecentAudit(limit = 200) {
  return db().auditLog.findMany({ orderBy: { id: "desc" }, take: limit });
}
