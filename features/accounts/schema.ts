/** Account inputs, shared by the forms (zodResolver) and the server actions. */
import { z } from "@/lib/zod";
import { PASSWORD_MAX, PASSWORD_MESSAGES, passwordProblem } from "./password-policy";

export const ROLES = ["ADMIN", "REVIEWER", "OWNER", "DEPT_REVIEWER"] as const;

/** Roles bound to one department (the account form asks for it). */
export const DEPARTMENT_ROLES: readonly string[] = ["OWNER", "DEPT_REVIEWER"] satisfies (typeof ROLES)[number][];

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "用户名至少 3 个字符")
  .max(32, "用户名不能超过 32 个字符")
  .regex(/^[a-z0-9][a-z0-9_.-]*$/, "用户名只能使用小写字母、数字、下划线、点和连字符，并以字母或数字开头");

const optionalText = (max: number, message: string) => z.string().trim().max(max, message).default("");

const accountFields = {
  name: z.string().trim().min(1, "请填写姓名").max(40, "姓名不能超过 40 个字符"),
  role: z.enum(ROLES, { message: "请选择角色" }),
  departmentId: z
    .string()
    .trim()
    .max(64)
    .nullish()
    .transform((v) => v || null),
  phone: optionalText(30, "电话不能超过 30 个字符").refine((v) => v === "" || /^[0-9+\-() ]{3,30}$/.test(v), "电话只能包含数字、空格和 + - ( )"),
  email: optionalText(100, "邮箱不能超过 100 个字符").refine((v) => v === "" || z.email().safeParse(v).success, "邮箱格式不正确"),
};

/** 项目填报人 and 部门审核人 belong to one department; the other roles to none. */
function departmentRule(v: { role: string; departmentId: string | null }, ctx: z.RefinementCtx) {
  if (DEPARTMENT_ROLES.includes(v.role) && !v.departmentId) {
    ctx.addIssue({ code: "custom", path: ["departmentId"], message: v.role === "OWNER" ? "项目填报人必须选择所属部门" : "部门审核人必须选择所属部门" });
  }
}

export const createAccountSchema = z.object({ username: usernameSchema, ...accountFields }).superRefine(departmentRule);
export type CreateAccountInput = z.input<typeof createAccountSchema>;
export type CreateAccountValues = z.output<typeof createAccountSchema>;

export const updateAccountSchema = z.object(accountFields).superRefine(departmentRule);
export type UpdateAccountInput = z.input<typeof updateAccountSchema>;
export type UpdateAccountValues = z.output<typeof updateAccountSchema>;

/** The edit form's schema: the fixed username is shown but not checked (the server ignores it). */
export const editAccountFormSchema = z.object({ username: z.string(), ...accountFields }).superRefine(departmentRule);

/** Changing one's own password: the current one, and the new one twice. `username` feeds the policy. */
export function changePasswordSchema(username: string) {
  return z
    .object({
      currentPassword: z.string().min(1, "请输入当前密码").max(PASSWORD_MAX, PASSWORD_MESSAGES.tooLong),
      newPassword: z.string().max(PASSWORD_MAX + 1),
      confirmPassword: z.string().max(PASSWORD_MAX + 1),
    })
    .superRefine((v, ctx) => {
      const problem = passwordProblem(v.newPassword, username);
      if (problem) ctx.addIssue({ code: "custom", path: ["newPassword"], message: problem });
      else if (v.newPassword === v.currentPassword) ctx.addIssue({ code: "custom", path: ["newPassword"], message: PASSWORD_MESSAGES.sameAsCurrent });
      if (v.confirmPassword !== v.newPassword) ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: PASSWORD_MESSAGES.mismatch });
    });
}
export type ChangePasswordInput = z.input<ReturnType<typeof changePasswordSchema>>;
