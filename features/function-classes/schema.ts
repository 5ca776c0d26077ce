/**
 * 支出功能分类科目 inputs, shared by the admin forms (zodResolver) and the server,
 * which parses again. A code's level and parent follow from the code itself:
 * 类 = 3 digits, 款 = 5 digits beginning with its 类, 项 = 7 digits beginning with its 款
 * (the same shape the database's FunctionClass_code_shape check enforces).
 */
import { z } from "@/lib/zod";

export type FunctionLevel = 1 | 2 | 3;

export const LEVEL_LABELS: Record<FunctionLevel, string> = { 1: "类", 2: "款", 3: "项" };

const LEVEL_BY_LENGTH: Record<number, FunctionLevel> = { 3: 1, 5: 2, 7: 3 };

export type ParsedCode = { ok: true; level: FunctionLevel; parentCode: string | null } | { ok: false; message: string };

/** Full-width digits (typed with a Chinese input method) as ASCII digits. */
export function toHalfWidthDigits(s: string) {
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** The level and parent code a (trimmed) code implies, or why it is not a code. */
export function parseFunctionCode(code: string): ParsedCode {
  if (code === "") return { ok: false, message: "请填写科目编码" };
  if (!/^\d+$/.test(code)) return { ok: false, message: "科目编码只能由数字组成" };
  const level = LEVEL_BY_LENGTH[code.length];
  if (!level) return { ok: false, message: `科目编码应为3位（类）、5位（款）或7位（项）数字，现为${code.length}位` };
  return { ok: true, level, parentCode: level === 1 ? null : code.slice(0, code.length - 2) };
}

export const functionCodeSchema = z
  .string()
  .trim()
  .transform(toHalfWidthDigits)
  .superRefine((code, ctx) => {
    const parsed = parseFunctionCode(code);
    if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.message });
  });

export const functionNameSchema = z.string().trim().min(1, "请填写科目名称").max(100, "科目名称不能超过100个字");

export const createFunctionClassSchema = z.object({ code: functionCodeSchema, name: functionNameSchema });
export type CreateFunctionClassInput = z.input<typeof createFunctionClassSchema>;
export type CreateFunctionClassValues = z.output<typeof createFunctionClassSchema>;

export const renameFunctionClassSchema = z.object({ name: functionNameSchema });
export type RenameFunctionClassInput = z.input<typeof renameFunctionClassSchema>;
export type RenameFunctionClassValues = z.output<typeof renameFunctionClassSchema>;
