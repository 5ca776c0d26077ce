/**
 * The range of fiscal years the application accepts, in one place. Every year that comes
 * from outside (a server action's argument, a route parameter, a query string) is checked
 * here before it reaches the database: PostgreSQL's `integer` overflows at 2^31, and
 * `Number.isInteger(1e30)` is true.
 */
import { z } from "@/lib/zod";

export const MIN_FISCAL_YEAR = 2000;
export const MAX_FISCAL_YEAR = 2100;

export const FISCAL_YEAR_MESSAGE = `年度无效（应为${MIN_FISCAL_YEAR}至${MAX_FISCAL_YEAR}之间的整数）`;

/** A fiscal year given as a number (server-action arguments, JSON bodies). */
export const fiscalYearSchema = z
  .number({ error: FISCAL_YEAR_MESSAGE })
  .int({ error: FISCAL_YEAR_MESSAGE })
  .min(MIN_FISCAL_YEAR, { error: FISCAL_YEAR_MESSAGE })
  .max(MAX_FISCAL_YEAR, { error: FISCAL_YEAR_MESSAGE });

export function isFiscalYear(value: unknown): value is number {
  return fiscalYearSchema.safeParse(value).success;
}

/** A fiscal year given as text (route parameters, query strings): four digits in range, else undefined. */
export function parseFiscalYear(text: string | null | undefined): number | undefined {
  if (typeof text !== "string" || !/^\d{4}$/.test(text)) return undefined;
  const year = Number(text);
  return isFiscalYear(year) ? year : undefined;
}
