/**
 * Inputs of the sampling review, one schema each for the form and the server action.
 * The re-scoring schema needs each row's 分值 and self score (the server recomputes them from
 * the stored table; the form gets the same from the page), hence the factory.
 */
import { Decimal } from "@/lib/money";
import { z } from "@/lib/zod";
import { MAX_SEED } from "./rules";

/** The largest sample one draw may take. */
export const MAX_SAMPLE = 200;

const text = (label: string, max: number) => z.string().trim().max(max, `${label}不能超过${max}个字`);

export const drawSchema = z.object({
  title: text("批次名称", 60),
  departmentId: z.string().trim().max(100),
  minBudget: z
    .string()
    .trim()
    .refine((s) => s === "" || /^\d{1,12}(\.\d{1,2})?$/.test(s), { message: "全年预算数下限须为万元金额，如 50 或 12.5" }),
  grades: z.array(z.enum(["优", "良", "中", "差"], { message: "等级只能是优、良、中、差" })).max(4),
  warningsOnly: z.boolean(),
  size: z.coerce
    .number({ message: "请填写抽取数量" })
    .int("抽取数量须为整数")
    .min(1, "抽取数量至少为 1")
    .max(MAX_SAMPLE, `一次最多抽取 ${MAX_SAMPLE} 个项目`),
  seed: z
    .string()
    .trim()
    .refine((s) => s === "" || (/^\d{1,10}$/.test(s) && Number(s) <= MAX_SEED), { message: `随机种子须为 0 到 ${MAX_SEED} 之间的整数，留空则自动生成` }),
});
export type DrawInput = z.infer<typeof drawSchema>;
export const DRAW_DEFAULTS: z.input<typeof drawSchema> = { title: "", departmentId: "", minBudget: "", grades: [], warningsOnly: false, size: 5, seed: "" };

/** One row of the 自评表 as the review form and the server know it. */
export type ScoredRow = { key: string; max: string; selfScore: string | null };

/** A 复核得分 as typed: up to three digits and two decimals. */
export const SCORE = /^\d{1,3}(\.\d{1,2})?$/;

/** The re-scoring of one sampled project: a 复核得分 for every applicable row, a reason where it differs from the self score. */
export function reviewSchema(rows: readonly ScoredRow[]) {
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return z
    .object({
      scores: z.array(
        z.object({
          key: z.string(),
          reviewScore: z.string().trim(),
          reason: text("复核理由", 500),
        }),
      ),
    })
    .superRefine((v, ctx) => {
      const seen = new Set<string>();
      v.scores.forEach((s, i) => {
        const row = byKey.get(s.key);
        if (!row || row.selfScore == null || seen.has(s.key)) {
          ctx.addIssue({ code: "custom", path: ["scores", i, "reviewScore"], message: "该行不属于本项目的自评表，请重新加载页面" });
          return;
        }
        seen.add(s.key);
        if (!SCORE.test(s.reviewScore)) {
          ctx.addIssue({ code: "custom", path: ["scores", i, "reviewScore"], message: "请填写复核得分（数字，最多2位小数）" });
          return;
        }
        if (new Decimal(s.reviewScore).greaterThan(row.max)) {
          ctx.addIssue({ code: "custom", path: ["scores", i, "reviewScore"], message: `复核得分不能超过分值 ${row.max}` });
        }
        if (!new Decimal(s.reviewScore).equals(row.selfScore) && s.reason === "") {
          ctx.addIssue({ code: "custom", path: ["scores", i, "reason"], message: "复核得分与自评得分不同，请填写复核理由" });
        }
      });
      const missing = rows.filter((r) => r.selfScore != null && !seen.has(r.key)).length;
      if (missing) ctx.addIssue({ code: "custom", path: ["scores"], message: `还有 ${missing} 行未填写复核得分` });
    });
}
export type ReviewInput = z.infer<ReturnType<typeof reviewSchema>>;

export const feedbackSchema = z.object({
  comment: z.string().trim().min(1, "请填写反馈给部门的复核意见").max(2000, "复核意见不能超过2000个字"),
});
