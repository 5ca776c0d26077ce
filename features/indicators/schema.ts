/**
 * The indicator table (绩效指标): one zod schema for the editor's form and the server
 * action. Row rules are static; table rules (levels belong to the framework, weights
 * add up to each 一级 group's points, a shortfall has a deviation reason) need the
 * project's framework, hence the factory.
 */
import { Decimal } from "@/lib/money";
import { z } from "@/lib/zod";
import { parseIndicatorValue } from "./value";
import { computeSelfEvaluationScore } from "@/features/scoring/score";
import type { GroupInput } from "@/features/scoring/types";

export const NATURES = ["GTE", "LTE", "EQ", "QUALITATIVE"] as const;
export type Nature = (typeof NATURES)[number];
export const NATURE_LABELS: Record<Nature, string> = { GTE: "≥", LTE: "≤", EQ: "＝", QUALITATIVE: "定性" };
export const COMMON_UNITS = ["%", "个", "项", "次", "人次", "人", "万元", "元", "月", "天", "份", "场次", "期", "件"] as const;

const DECIMAL = /^-?\d{1,14}(\.\d{1,4})?$/;
const optionalDecimal = (label: string) =>
  z
    .string()
    .trim()
    .transform((s) => s.replace(/,/g, ""))
    .refine((s) => s === "" || DECIMAL.test(s), { message: `${label}必须是数字（最多4位小数）` });
const points = (label: string) =>
  z
    .string()
    .trim()
    .refine((s) => s === "" || /^\d{1,3}(\.\d{1,2})?$/.test(s), { message: `${label}必须是0到100之间的数字（最多2位小数）` });

export const indicatorRowSchema = z
  .object({
    id: z.string().optional(),
    level1Id: z.string().min(1, "请选择一级指标"),
    level2Id: z.string().min(1, "请选择二级指标"),
    name: z.string().trim().min(1, "请填写三级指标").max(500, "三级指标不能超过500个字"),
    nature: z.enum(NATURES, { message: "请选择指标性质" }),
    targetValue: optionalDecimal("指标值"),
    unit: z.string().trim().max(20, "计量单位不能超过20个字"),
    targetText: z.string().trim().max(2000, "指标值说明不能超过2000个字"),
    actualValue: optionalDecimal("实际完成值"),
    actualText: z.string().trim().max(2000, "实际完成情况不能超过2000个字"),
    weight: points("分值"),
    manualScore: points("得分"),
    applicable: z.boolean(),
    deviationReason: z.string().trim().max(2000, "偏差原因分析不能超过2000个字"),
  })
  .superRefine((r, ctx) => {
    // A not-applicable ("/") row needs no value, unit or 分值. A qualitative row may have
    // no written target (the national table allows it) and its 得分 may be left to the
    // reviewer's judgement. A quantitative row is scored by comparing numbers, so it
    // needs its target as a number, and a unit where the printed target carries one.
    if (r.applicable && r.nature !== "QUALITATIVE") {
      if (!r.targetValue) {
        ctx.addIssue({
          code: "custom",
          path: ["targetValue"],
          message: "定量指标按数字计分，请填写指标值（数字）；如指标值是文字（如“12个月内完成”），请将指标性质选为“定性”；不适用的指标请标为不适用",
        });
      }
      // The unit is required where the target as printed is a number with a unit ("≥50个",
      // "95%"): the table must print it. A bare number ("≥4") needs none (issue #13).
      const printed = r.unit ? null : parseIndicatorValue(r.targetText);
      if (printed?.kind === "number" && printed.unit) {
        ctx.addIssue({ code: "custom", path: ["unit"], message: `指标值说明“${r.targetText}”带有计量单位“${printed.unit}”，请在计量单位中填写` });
      }
    }
    if (r.manualScore && r.weight && new Decimal(r.manualScore).greaterThan(r.weight)) {
      ctx.addIssue({ code: "custom", path: ["manualScore"], message: `得分不能超过分值 ${r.weight}` });
    }
  });

export type IndicatorRowInput = z.input<typeof indicatorRowSchema>;
export type IndicatorRow = z.output<typeof indicatorRowSchema>;

export type FrameworkShape = {
  budgetExecutionPoints: string;
  groups: (GroupInput & { level2Ids: string[] })[];
};

/** The whole table, checked against the project's framework. */
export function indicatorTableSchema(framework: FrameworkShape) {
  return z
    .object({ rows: z.array(indicatorRowSchema).max(20000, "指标行数过多（最多20000行）") })
    .superRefine(({ rows }, ctx) => {
      rows.forEach((r, i) => {
        const group = framework.groups.find((g) => g.id === r.level1Id);
        if (!group) ctx.addIssue({ code: "custom", path: ["rows", i, "level1Id"], message: "一级指标不属于本项目的指标体系" });
        else if (!group.level2Ids.includes(r.level2Id)) ctx.addIssue({ code: "custom", path: ["rows", i, "level2Id"], message: "二级指标不属于所选一级指标" });
      });

      // Weights: a table still being drafted may leave every weight blank; once any is
      // set, each 一级 group in use must add up to its points (a "/" row may have none).
      if (rows.some((r) => r.weight !== "")) {
        for (const g of framework.groups) {
          const inGroup = rows.filter((r) => r.level1Id === g.id);
          if (inGroup.length === 0) continue;
          const sum = inGroup.reduce((s, r) => s.plus(r.weight || "0"), new Decimal(0));
          if (!sum.equals(g.points)) {
            ctx.addIssue({ code: "custom", path: ["rows"], message: `“${g.name}”各指标分值之和为${sum.toFixed()}，应为${new Decimal(g.points).toFixed()}` });
          }
          inGroup.forEach((r) => {
            if (r.weight === "" && r.applicable) ctx.addIssue({ code: "custom", path: ["rows", rows.indexOf(r), "weight"], message: "请填写分值" });
          });
        }
      }

      // A row that has its actual and falls short needs 偏差原因分析及改进措施.
      const result = computeSelfEvaluationScore({
        budget: { initial: "0", annual: "0", executed: "0" },
        budgetExecutionPoints: framework.budgetExecutionPoints,
        groups: framework.groups,
        indicators: scoringIndicators(rows),
      });
      for (const ind of result.indicators) {
        if (ind.needsDeviationReason && ind.deviationReasonMissing && !ind.missingActual && !ind.missingScore && !ind.missingWeight) {
          ctx.addIssue({ code: "custom", path: ["rows", Number(ind.id), "deviationReason"], message: "未达到指标值，请填写偏差原因分析及改进措施" });
        }
      }
    });
}

export function emptyIndicatorRow(level1Id = "", level2Id = ""): IndicatorRowInput {
  return {
    level1Id,
    level2Id,
    name: "",
    nature: "GTE",
    targetValue: "",
    unit: "",
    targetText: "",
    actualValue: "",
    actualText: "",
    weight: "",
    manualScore: "",
    applicable: true,
    deviationReason: "",
  };
}

/** Rows of an indicator table as the scorer takes them (ids by position; blank texts as no value). */
export function scoringIndicators(rows: Pick<IndicatorRowInput, "name" | "level1Id" | "nature" | "targetValue" | "actualValue" | "weight" | "manualScore" | "applicable" | "deviationReason">[]) {
  return rows.map((r, i) => ({
    id: String(i),
    name: r.name,
    groupId: r.level1Id,
    nature: r.nature,
    target: r.targetValue || null,
    actual: r.actualValue || null,
    weight: r.weight || null,
    manualScore: r.manualScore || null,
    applicable: r.applicable,
    deviationReason: r.deviationReason,
  }));
}
