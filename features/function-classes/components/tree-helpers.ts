/**
 * Pure helpers of the 支出功能分类科目 admin page: the live hint under the code field
 * and the search over the tree (matches plus their ancestors, so a found 项 is shown
 * under its 款 and 类).
 */
import { LEVEL_LABELS, parseFunctionCode, toHalfWidthDigits } from "../schema";

export type TreeRow = { code: string; name: string; level: 1 | 2 | 3; parentCode: string | null };

export const CODE_RULE = "类3位；款5位，前3位为所属类；项7位，前5位为所属款";

/** What adding this code would do, as the user types it. */
export function codeHint(raw: string, names: ReadonlyMap<string, string>): string {
  const code = toHalfWidthDigits(raw.trim());
  const parsed = parseFunctionCode(code);
  if (!parsed.ok) return CODE_RULE;
  const existing = names.get(code);
  if (existing !== undefined) return `编码 ${code} 已存在（${existing}）`;
  if (!parsed.parentCode) return "将新增一个类";
  const parentLabel = LEVEL_LABELS[(parsed.level - 1) as 1 | 2];
  const parentName = names.get(parsed.parentCode);
  return parentName === undefined
    ? `上级${parentLabel} ${parsed.parentCode} 不存在，请先添加`
    : `将新增${LEVEL_LABELS[parsed.level]}，上级${parentLabel}：${parsed.parentCode} ${parentName}`;
}

export type ShownRow<T extends TreeRow> = T & { matched: boolean };

/** Rows whose code or name contains the query, with their ancestors for context, in tree order. */
export function filterTree<T extends TreeRow>(rows: readonly T[], query: string): ShownRow<T>[] {
  const q = toHalfWidthDigits(query.trim()).toLowerCase();
  if (!q) return rows.map((r) => ({ ...r, matched: true }));
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const matched = new Set<string>();
  const shown = new Set<string>();
  for (const r of rows) {
    if (!r.code.includes(q) && !r.name.toLowerCase().includes(q)) continue;
    matched.add(r.code);
    for (let c: string | null = r.code; c && !shown.has(c); c = byCode.get(c)?.parentCode ?? null) shown.add(c);
  }
  return rows.filter((r) => shown.has(r.code)).map((r) => ({ ...r, matched: matched.has(r.code) }));
}
