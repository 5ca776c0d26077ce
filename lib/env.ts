import "server-only";
import { z } from "@/lib/zod";

const schema = z.object({
  DATABASE_URL: z.string().url({ message: "DATABASE_URL 必须是 PostgreSQL 连接地址" }),
  NEXTAUTH_SECRET: z.string().min(16, { message: "NEXTAUTH_SECRET 至少 16 个字符" }),
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
});

let cached: z.infer<typeof schema> | undefined;

/** The validated environment; fails loudly and in Chinese on a misconfigured server. */
export function env() {
  if (!cached) {
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new Error(`环境变量配置错误: ${issues}`);
    }
    cached = parsed.data;
  }
  return cached;
}
