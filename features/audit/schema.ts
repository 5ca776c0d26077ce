import { z } from "@/lib/zod";
import { AUDIT_ACTIONS } from "@/lib/audit-actions";

/** The kinds of object the audit log records, with their Chinese names. */
export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  Report: "报告",
  Project: "项目",
  User: "账号",
  Department: "部门",
  DepartmentYear: "部门决算",
  FunctionClass: "功能分类科目",
  FiscalYear: "财政年度",
  IndicatorFramework: "指标体系",
};

export const AUDIT_PAGE_SIZE = 50;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `不能超过 ${max} 个字符`)
    .optional()
    .transform((v) => (v ? v : undefined));

const optionalDate = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return undefined;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00+08:00`))) {
      ctx.addIssue({ code: "custom", message: "日期格式应为 2021-03-31" });
      return z.NEVER;
    }
    return v;
  });

/** The audit log's filters as they arrive in the address (all optional; page from 1). */
export const auditFilterSchema = z
  .object({
    actor: optionalText(50),
    action: z
      .string()
      .optional()
      .transform((v) => (v && v in AUDIT_ACTIONS ? v : undefined)),
    entityType: z
      .string()
      .optional()
      .transform((v) => (v && v in AUDIT_ENTITY_LABELS ? v : undefined)),
    entityId: optionalText(64),
    from: optionalDate,
    to: optionalDate,
    page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "开始日期不能晚于结束日期", path: ["to"] });

export type AuditFilter = z.output<typeof auditFilterSchema>;

/** Reads search params (string | string[]) into the filter; bad values become field errors. */
export function parseAuditFilter(params: Record<string, string | string[] | undefined>) {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = auditFilterSchema.safeParse(flat);
  if (parsed.success) return { filter: parsed.data, errors: [] as string[] };
  return { filter: { page: 1 } as AuditFilter, errors: parsed.error.issues.map((i) => i.message) };
}
