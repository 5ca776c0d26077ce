/**
 * The one list of audit actions, each with its Chinese label. `writeAudit` accepts
 * only these names, so the audit log can be filtered and shown in Chinese. Add a new
 * action here together with the code that writes it.
 */
export const AUDIT_ACTIONS = {
  "auth.login": "登录",
  "auth.login_failed": "登录失败",
  "user.bootstrap_admin": "创建初始管理员",
  "user.create": "创建账号",
  "user.update": "修改账号",
  "user.deactivate": "停用账号",
  "user.reactivate": "重新启用账号",
  "user.reset_password": "重置密码",
  "user.change_password": "修改本人密码",
  "user.unlock": "解除登录限制",
  "user.import": "批量导入账号",
  "department.create": "新增部门或单位",
  "department.update": "修改部门或单位",
  "department.retire": "撤销部门或单位",
  "department.restore": "恢复部门或单位",
  "department.import": "批量导入部门",
  "seed.load": "载入演示数据",
  "project.create": "创建项目",
  "project.update": "修改项目",
  "project.copy": "从往年复制项目",
  "project.indicators.save": "保存绩效指标",
  "project.framework.switch": "更换指标体系",
  "report.create": "创建报告",
  "report.save": "保存正文",
  "report.submit": "提交审核",
  "report.return": "退回修改",
  "report.approve": "审核通过",
  "report.dept_return": "部门审核退回",
  "report.dept_approve": "部门审核通过",
  "report.publish": "公开",
  "report.reopen": "重新打开以更正",
  "report.comment": "添加审核意见",
  "report.comment_resolved": "标记意见已解决",
  "report.comment_reopened": "重新打开意见",
  "finalAccounts.update": "保存决算数据",
  "functionClass.create": "新增功能分类科目",
  "functionClass.rename": "修改功能分类科目名称",
  "functionClass.delete": "删除功能分类科目",
  "year.open": "开放财政年度",
  "year.update": "修改财政年度设置",
  "year.department_review": "设置部门审核环节",
  "year.close": "关闭财政年度",
  "year.reopen": "重新开放财政年度",
  "framework.copy": "复制指标体系",
  "framework.update": "修改指标体系",
  "framework.new_version": "指标体系新版本",
  "library.create": "新增指标库条目",
  "library.update": "修改指标库条目",
  "library.retire": "停用指标库条目",
  "library.restore": "恢复指标库条目",
  "library.import": "导入指标库",
  "sample.draw": "抽取复核样本",
  "sample.score": "保存复核得分",
  "sample.return": "复核结果反馈部门",
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export type FieldChanges = Record<string, { from: unknown; to: unknown }>;

/** The fields of `after` whose value differs from `before`, as an update's audit data ({} when nothing changed). */
export function fieldChanges<T extends Record<string, unknown>>(before: { [K in keyof T]: unknown }, after: T): FieldChanges {
  return Object.fromEntries((Object.keys(after) as (keyof T & string)[]).filter((k) => after[k] !== before[k]).map((k) => [k, { from: before[k], to: after[k] }]));
}
type LibraryItemData = { frameworkId: string; level2Id: string; name: string; nature: string; unit: string | null; targetText: string | null; description: string };
type FrameworkGroup = { name: string; points: string; level2: string[] };

/**
 * What each action records in its row's `data` (JSON), so that readers and writers agree on it;
 * an action not listed here records none (`writeAudit` refuses data for it at compile time).
 */
export type AuditData = {
  "user.bootstrap_admin": { username: string };
  "user.create": { username: string; name: string; role: string; departmentId: string | null };
  "user.update": FieldChanges;
  "user.unlock": { cleared: number };
  "user.import": { departments: number; accounts: number };
  "department.create": Record<string, unknown>;
  "department.update": FieldChanges;
  "project.copy": { sourceId: string };
  "project.indicators.save": { rows: number; created: number; deleted: number };
  "project.framework.switch": { from: string; to: string; moved: number };
  "report.create": { carriedOver?: Record<string, number>; draftedFromData?: string[] };
  "report.comment": { commentId: string; sectionKey: string | null; indicatorId: string | null };
  "report.comment_resolved": { commentId: string };
  "report.comment_reopened": { commentId: string };
  "finalAccounts.update": { changes: { path: string; from: string; to: string }[] };
  "functionClass.create": { code: string; name: string; level: number; parentCode: string | null; parentName: string | null };
  "functionClass.rename": { code: string; from: string; to: string };
  "functionClass.delete": { code: string; name: string; level: number; parentCode: string | null };
  "year.open": { frameworkId: string; alternatives: string[]; allDepartments: boolean; departments: string[] };
  "year.update": { before: { frameworkId: string; alternatives: string[] }; after: { frameworkId: string; alternatives: string[] }; addedDepartments: string[] };
  "year.department_review": { departmentReview: boolean };
  "year.close": { reason: string };
  "year.reopen": { reason: string };
  "framework.copy": { from: string; code: string };
  "framework.new_version": { from: string; code: string };
  "framework.update": { before: FrameworkGroup[]; after: FrameworkGroup[] };
  "library.create": LibraryItemData;
  "library.update": LibraryItemData;
  "library.retire": { frameworkId: string };
  "library.restore": { frameworkId: string };
  "library.import": { created: number; updated: number };
  "sample.draw": { year: number; criteria: Record<string, unknown>; seed: number; size: number; poolSize: number; projectIds: string[] };
  "sample.score": { projectId: string; selfTotal: string; reviewTotal: string; changed: { row: string; self: string | null; review: string | null; reason: string }[] };
  "sample.return": { projectId: string; reportId: string | null; reportReturned: boolean };
};

/** The data an action records (never: none). */
export type AuditDataOf<A extends AuditAction> = A extends keyof AuditData ? AuditData[A] : never;

/** The Chinese label of a stored action name (old or unknown names are shown as stored). */
export function auditActionLabel(action: string): string {
  return (AUDIT_ACTIONS as Record<string, string>)[action] ?? action;
}
