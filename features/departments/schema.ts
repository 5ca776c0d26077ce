/** Department inputs, shared by the forms and the server actions (and the import). */
import { z } from "@/lib/zod";

export const UNIT_KINDS = ["ADMINISTRATIVE", "CIVIL_SERVANT_MANAGED", "PUBLIC_INSTITUTION"] as const;

/** The code is part of public report addresses (/portal/<code>/<year>), so it is fixed once created. */
export const departmentCodeSchema = z
  .string()
  .trim()
  .min(1, "请填写单位编码")
  .max(32, "单位编码不能超过 32 个字符")
  .regex(/^[0-9A-Za-z][0-9A-Za-z_-]*$/, "单位编码只能使用字母、数字、下划线和连字符");

const departmentFields = {
  name: z.string().trim().min(1, "请填写单位全称").max(100, "单位全称不能超过 100 个字符"),
  shortName: z.string().trim().min(1, "请填写简称").max(40, "简称不能超过 40 个字符"),
  unitKind: z.enum(UNIT_KINDS, { message: "请选择单位类型" }),
  region: z.string().trim().max(40, "地区不能超过 40 个字符").default(""),
  parentId: z
    .string()
    .trim()
    .max(64)
    .nullish()
    .transform((v) => v || null),
  isBudgetUnit: z.boolean().default(true),
  sortOrder: z.coerce.number({ message: "排序须为整数" }).int("排序须为整数").min(0, "排序不能小于 0").max(9999, "排序不能大于 9999").default(0),
};

export const createDepartmentSchema = z.object({ code: departmentCodeSchema, ...departmentFields });
export type CreateDepartmentInput = z.input<typeof createDepartmentSchema>;
export type CreateDepartmentValues = z.output<typeof createDepartmentSchema>;

export const updateDepartmentSchema = z.object(departmentFields);
export type UpdateDepartmentInput = z.input<typeof updateDepartmentSchema>;
export type UpdateDepartmentValues = z.output<typeof updateDepartmentSchema>;

/** The edit form's schema: the fixed code is shown but not checked (the server ignores it). */
export const editDepartmentFormSchema = z.object({ code: z.string(), ...departmentFields });
