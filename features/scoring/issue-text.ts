/** Wording shared by the score's issues. */
import type { Parsed } from "@/lib/money";
import type { IndicatorInput } from "./types";

/** 指标“name” (or its id when unnamed), as issues name an indicator. */
export function label(ind: IndicatorInput): string {
  const name = ind.name?.trim();
  return `指标“${name ? name : ind.id}”`;
}

/** "未填写" / "“abc”不是有效数字" / "不能为负数". */
export function describeBad(p: Parsed, raw: string | null): string {
  if (p.kind === "missing") return "未填写";
  if (p.kind === "invalid") return `“${raw ?? ""}”不是有效数字`;
  return "不能为负数";
}
