/**
 * Inputs of the public portal's pages, validated on the server (query strings and route
 * segments are typed by anyone): a bad one gets a Chinese message or a 404, never a 500.
 */
import { z } from "@/lib/zod";

export const SEARCH_MAX_LENGTH = 50;
export const SEARCH_MAX_TERMS = 5;
export const SEARCH_PAGE_SIZE = 10;

const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/** `?q=…&page=…` of /portal/search. */
export const searchQuerySchema = z.object({
  q: z.preprocess(
    (v) => (typeof one(v) === "string" ? (one(v) as string).replace(/[\u0000-\u001f\u007f]/g, " ").trim() : ""),
    z
      .string()
      .min(1, { message: "请输入要查找的部门名称、项目名称或报告中的文字" })
      .max(SEARCH_MAX_LENGTH, { message: `查找内容不能超过${SEARCH_MAX_LENGTH}个字` }),
  ),
  page: z.preprocess((v) => {
    const s = one(v);
    if (s === undefined || s === "") return 1;
    return typeof s === "string" && /^[1-9]\d{0,3}$/.test(s) ? Number(s) : NaN;
  }, z.number({ message: "页码无效" }).int().min(1, { message: "页码无效" }).max(1000, { message: "页码无效" })),
});

/** The words of a query: split on spaces (full-width too), at most SEARCH_MAX_TERMS, duplicates dropped. */
export function searchTerms(q: string): string[] | null {
  const terms = [...new Set(q.split(/[\s\u3000]+/).filter(Boolean))];
  return terms.length > SEARCH_MAX_TERMS ? null : terms;
}

/** A department code in a portal address (as features/publication/portal-address.ts accepts it). */
export const departmentCodeSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/i);
/** A year in a portal address: four digits, in a plausible range. */
export const portalYearSchema = z
  .string()
  .regex(/^\d{4}$/)
  .transform(Number)
  .pipe(z.number().int().min(1990).max(2200));
