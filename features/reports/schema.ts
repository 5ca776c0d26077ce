import { z } from "@/lib/zod";
import { FINAL_ACCOUNTS_DATA_SECTION_KEYS } from "@/features/final-accounts/template";
import { ALL_SECTION_KEYS, OVERALL_DATA_SECTION_KEYS } from "./template";
import { TRANSITION_ACTIONS } from "./workflow";

/** Narrative sections as the owner edits them. Plain text: rendered as text, never as markup. */
export const sectionsSchema = z.object({
  sections: z
    .array(
      z.object({
        key: z.string().refine((k) => ALL_SECTION_KEYS.includes(k), { message: "未知的报告章节" }),
        body: z.string().max(20000, "每节不能超过20000个字"),
      }),
    )
    .max(ALL_SECTION_KEYS.length),
});
export type SectionsInput = z.input<typeof sectionsSchema>;

export const transitionSchema = z
  .object({
    action: z.enum(TRANSITION_ACTIONS as [string, ...string[]]),
    comment: z.string().trim().max(5000, "意见不能超过5000个字"),
  })
  .superRefine((v, ctx) => {
    if ((v.action === "return" || v.action === "deptReturn" || v.action === "reopen") && !v.comment) {
      ctx.addIssue({ code: "custom", path: ["comment"], message: v.action === "reopen" ? "重新打开时必须说明更正原因" : "退回时必须填写审核意见" });
    }
  });

export const commentSchema = z
  .object({
    body: z.string().trim().min(1, "请填写意见").max(5000, "意见不能超过5000个字"),
    sectionKey: z.string().optional(),
    indicatorId: z.string().optional(),
  })
  .refine((v) => !v.sectionKey || ALL_SECTION_KEYS.includes(v.sectionKey), { message: "未知的报告章节", path: ["sectionKey"] });

/** Which data section to draft again (whether the report's kind has it is checked with the report). */
export const regenerateSectionSchema = z.object({
  sectionKey: z.enum([...OVERALL_DATA_SECTION_KEYS, ...FINAL_ACCOUNTS_DATA_SECTION_KEYS], { error: "本节不是按数据生成的章节" }),
});
