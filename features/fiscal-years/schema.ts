/** Fiscal-year administration inputs: one zod schema per form, shared with the server. */
import { z } from "@/lib/zod";

const yearField = z.coerce
  .number({ message: "请填写年度（四位数字）" })
  .int("年度应为整数")
  .min(2000, "年度应在2000年到2100年之间")
  .max(2100, "年度应在2000年到2100年之间");

export const openYearSchema = z
  .object({
    year: yearField,
    frameworkId: z.string().min(1, "请选择本年度使用的指标体系"),
    alternativeFrameworkIds: z.array(z.string()).max(20).default([]),
    allDepartments: z.boolean(),
    departmentIds: z.array(z.string()).max(2000).default([]),
  })
  .superRefine((v, ctx) => {
    if (!v.allDepartments && v.departmentIds.length === 0) {
      ctx.addIssue({ code: "custom", path: ["departmentIds"], message: "请至少选择一个部门，或选择“全部部门”" });
    }
  });
export type OpenYearInput = z.input<typeof openYearSchema>;
export type OpenYearValues = z.output<typeof openYearSchema>;

export const updateYearSchema = z.object({
  frameworkId: z.string().min(1, "请选择本年度使用的指标体系"),
  alternativeFrameworkIds: z.array(z.string()).max(20).default([]),
  addDepartmentIds: z.array(z.string()).max(2000).default([]),
});
export type UpdateYearInput = z.input<typeof updateYearSchema>;
export type UpdateYearValues = z.output<typeof updateYearSchema>;

export const reopenYearSchema = z.object({
  reason: z.string().trim().min(4, "请填写重新开放的原因（至少4个字），它会记入操作日志").max(500, "原因不能超过500个字"),
});
export type ReopenYearInput = z.input<typeof reopenYearSchema>;

/** 部门审核环节 of a year on or off. */
export const departmentReviewSchema = z.object({ departmentReview: z.boolean({ message: "请选择是否设置部门审核环节" }) });

export const versionSchema = z.coerce.number().int().min(1);
