import { z } from "@/lib/zod";

/** Sign-in input, shared by the form and the server's authorize(). */
export const loginSchema = z.object({
  username: z.string().trim().min(1, "请输入用户名").max(64, "用户名过长"),
  password: z.string().min(1, "请输入密码").max(128, "密码过长"),
});

export type LoginInput = z.infer<typeof loginSchema>;
