import "server-only";
import { db } from "@/lib/db";

export async function listRecentAudit(limit = 200) {
  return db().auditLog.findMany({ orderBy: { id: "desc" }, take: limit });
}

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  "auth.login": "登录",
  "auth.login_failed": "登录失败",
  "seed.load": "载入演示数据",
};
