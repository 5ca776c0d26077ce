/** The first admin's input (the /setup form and `npm run admin:create`). */
import { z } from "@/lib/zod";
import { passwordProblem } from "./password-policy";
import { usernameSchema } from "./schema";

export const firstAdminSchema = z
  .object({
    username: usernameSchema,
    name: z.string().trim().min(1, "请填写姓名").max(40, "姓名不能超过 40 个字符"),
    /** Empty: a one-time password is generated and must be changed at the first sign-in. */
    password: z.string().max(129).default(""),
    confirmPassword: z.string().max(129).optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.password) return;
    const problem = passwordProblem(v.password, v.username);
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
    if (v.confirmPassword !== undefined && v.confirmPassword !== v.password) ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "两次输入的密码不一致" });
  });
export type FirstAdminInput = z.input<typeof firstAdminSchema>;

