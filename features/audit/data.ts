import "server-only";
import { db } from "@/lib/db";

export async function listRecentAudit(limit = 200) {
  return db().auditLog.findMany({ orderBy: { id: "desc" }, take: limit });
}

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  "auth.login": "登录",
  "auth.login_failed": "登录失败",
  "seed.load": "载入演示数据",
  "functionClass.create": "新增功能分类科目",
  "functionClass.rename": "重命名功能分类科目",
  "functionClass.delete": "删除功能分类科目",
};
