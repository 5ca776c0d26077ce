/**
 * Indicator-framework administration inputs (zod, shared by forms and server): copy a
 * framework into a local variant, edit its 一级 names/points and 二级 lists (points must
 * add up to 100 with 预算执行率), and 指标库 items.
 */
import { Decimal } from "@/lib/money";
import { z } from "@/lib/zod";
import { NATURES } from "@/features/indicators/schema";

export const CATEGORIES = ["OUTPUT", "OUTCOME", "SATISFACTION", "COST"] as const;
export const CATEGORY_LABELS: Record<(typeof CATEGORIES)[number], string> = {
  OUTPUT: "产出类",
  OUTCOME: "效益类",
  SATISFACTION: "满意度类",
  COST: "成本类",
};

const points = (label: string) =>
  z
    .string()
    .trim()
    .refine((s) => /^\d{1,3}(\.\d{1,2})?$/.test(s) && Number(s) <= 100, { message: `${label}应为0到100之间的数字（最多2位小数）` });

export const copyFrameworkSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9-]{1,39}$/, "编码由2到40个字母、数字或“-”组成，例如 GY-2022-LOCAL"),
  name: z.string().trim().min(2, "请填写名称（至少2个字）").max(100, "名称不能超过100个字"),
});
export type CopyFrameworkInput = z.input<typeof copyFrameworkSchema>;

export const structureSchema = z
  .object({
    name: z.string().trim().min(2, "请填写名称（至少2个字）").max(100, "名称不能超过100个字"),
    description: z.string().trim().max(2000, "说明不能超过2000个字"),
    budgetExecutionPoints: points("预算执行率分值"),
    level1: z
      .array(
        z.object({
          id: z.string().optional(),
          name: z.string().trim().min(1, "请填写一级指标名称").max(50, "一级指标名称不能超过50个字"),
          category: z.enum(CATEGORIES, { message: "请选择类别" }),
          points: points("分值"),
          level2: z.array(z.object({ id: z.string().optional(), name: z.string().trim().min(1, "请填写二级指标名称").max(50, "二级指标名称不能超过50个字") })).max(50),
        }),
      )
      .min(1, "至少要有一个一级指标")
      .max(20, "一级指标不能超过20个"),
  })
  .superRefine((v, ctx) => {
    const total = v.level1.reduce((s, l) => (/^\d/.test(l.points) ? s.plus(l.points) : s), /^\d/.test(v.budgetExecutionPoints) ? new Decimal(v.budgetExecutionPoints) : new Decimal(0));
    if (!total.equals(100)) {
      ctx.addIssue({
        code: "custom",
        path: ["level1"],
        message: `预算执行率（${v.budgetExecutionPoints}分）与各一级指标分值（${v.level1.map((l) => `${l.name || "未命名"}${l.points}分`).join("、")}）合计为${total.toFixed()}分，应为100分`,
      });
    }
    const seen = new Set<string>();
    v.level1.forEach((l, i) => {
      if (seen.has(l.name)) ctx.addIssue({ code: "custom", path: ["level1", i, "name"], message: `一级指标“${l.name}”重复` });
      seen.add(l.name);
      if (l.level2.length === 0) ctx.addIssue({ code: "custom", path: ["level1", i, "level2"], message: `一级指标“${l.name}”下至少要有一个二级指标` });
      const seen2 = new Set<string>();
      l.level2.forEach((x, j) => {
        if (seen2.has(x.name)) ctx.addIssue({ code: "custom", path: ["level1", i, "level2", j, "name"], message: `“${l.name}”下的二级指标“${x.name}”重复` });
        seen2.add(x.name);
      });
    });
  });
export type StructureInput = z.input<typeof structureSchema>;
export type StructureValues = z.output<typeof structureSchema>;

export const libraryItemSchema = z
  .object({
    level2Id: z.string().min(1, "请选择二级指标"),
    name: z.string().trim().min(1, "请填写三级指标名称").max(200, "三级指标名称不能超过200个字"),
    nature: z.enum(NATURES, { message: "请选择指标性质" }),
    unit: z.string().trim().max(20, "计量单位不能超过20个字"),
    targetText: z.string().trim().max(200, "参考指标值不能超过200个字"),
    description: z.string().trim().max(1000, "说明不能超过1000个字"),
  })
  .superRefine((v, ctx) => {
    if (v.nature !== "QUALITATIVE" && !v.unit) ctx.addIssue({ code: "custom", path: ["unit"], message: "定量指标按数字计分，请填写计量单位" });
  });
export type LibraryItemInput = z.input<typeof libraryItemSchema>;
export type LibraryItemValues = z.output<typeof libraryItemSchema>;
