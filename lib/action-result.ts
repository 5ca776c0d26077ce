import type { z } from "@/lib/zod";

export type FieldError = { path: string; message: string };

/** What a server action returns: expected refusals are values, with Chinese messages. */
export type ActionResult<T = object> = ({ ok: true } & T) | { ok: false; message: string; reason?: string; fieldErrors?: FieldError[] };

export function invalid(error: z.ZodError, message = "填写的内容有误，请按提示修改后再保存"): ActionResult<never> {
  return {
    ok: false,
    reason: "invalid",
    message,
    fieldErrors: error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })),
  };
}

export const NOT_SIGNED_IN: ActionResult<never> = { ok: false, reason: "unauthenticated", message: "登录已过期，请重新登录" };
export const FORBIDDEN: ActionResult<never> = { ok: false, reason: "forbidden", message: "您无权执行此操作" };

/** An expected refusal: why (`reason`), the Chinese message, and the field it is about (shown next to it). */
export function refusal(reason: string, message: string, field?: string): ActionResult<never> {
  return { ok: false, reason, message, ...(field ? { fieldErrors: [{ path: field, message }] } : {}) };
}

/** The version a form was read at is missing or malformed (a tampered or very old page). */
export const BAD_VERSION: ActionResult<never> = { ok: false, reason: "invalid", message: "版本号无效，请重新加载页面" };
